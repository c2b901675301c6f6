import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hoverText } from '../fixtures/hover/harness';
import { applied, findingsOf } from '../util/quickFixes';
import { ROOT, settings, workspace } from '../util/service';

const TEMPLATE = readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'gatekeeper', 'templates.yaml'), 'utf8');
const constraint = (kind: string, spec: string) => `apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: ${kind}\nmetadata:\n  name: c\nspec:\n${spec}`;

describe('Gatekeeper constraints and their templates', () => {
	it('hover on a constraint kind shows the template title, description and parameters', () => {
		const text = hoverText({ 'policy/templates.yaml': TEMPLATE, 'c.yaml': constraint('K8sContainer<|>Limits', '  parameters: { cpu: "1" }\n') });
		assert.match(text, /Defined by ConstraintTemplate `k8scontainerlimits`/);
		assert.match(text, /\*\*Container Limits\*\*/);
		assert.match(text, /`exemptImages` \(array of string\)/);
		assert.match(text, /`cpu` \(string\) — The largest cpu limit allowed\\?\./);
		const repos = hoverText({ 'policy/templates.yaml': TEMPLATE, 'c.yaml': constraint('K8sAllowed<|>Repos', '  parameters: { repos: [a/] }\n') });
		assert.match(repos, /Container images must start with one of the listed prefixes/);
	});

	it('go to definition on the kind lands on the template\'s kind', () => {
		const files = { 'policy/templates.yaml': TEMPLATE, 'c.yaml': constraint('K8sAllowedRepos', '  parameters: { repos: [a/] }\n') };
		const { service, uri } = workspace(files);
		const [location] = service.findDefinition(uri('c.yaml'), { line: 1, character: 8 }, settings());
		assert.equal(location?.uri, uri('policy/templates.yaml'));
		assert.equal(TEMPLATE.split('\n')[location.range.start.line].trim(), 'kind: K8sAllowedRepos');
	});

	it('a parameter of the wrong type is flagged on that parameter, with the template\'s schema as related place', () => {
		const files = { 'policy/templates.yaml': TEMPLATE, 'c.yaml': constraint('K8sAllowedRepos', '  parameters:\n    repos: "registry.example.com/"\n') };
		const [d, ...rest] = findingsOf(files, 'c.yaml', 'constraint-parameters-invalid').diagnostics;
		assert.equal(rest.length, 0);
		assert.deepEqual(d.range, { start: { line: 6, character: 11 }, end: { line: 6, character: 34 } });
		assert.match(String(d.message), /Parameter repos must be array/);
		assert.equal(d.relatedInformation?.[0].location.uri, 'file:///ws/policy/templates.yaml');
	});

	it('a value outside an enum and a wrong type are each reported on their value', () => {
		const template = TEMPLATE.replace('            cpu:\n              description: The largest cpu limit allowed.\n              type: string', '            cpu:\n              type: string\n              enum: ["100m", "200m"]');
		assert.notEqual(template, TEMPLATE);
		const files = { 't.yaml': template, 'c.yaml': constraint('K8sContainerLimits', '  parameters: { cpu: "1", memory: 2 }\n') };
		const found = findingsOf(files, 'c.yaml', 'constraint-parameters-invalid').diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.message).split(',')[0]}`);
		assert.deepEqual(found.sort(), ['5:21 Parameter cpu must be one of "100m"', '5:34 Parameter memory must be string']);
	});

	it('the enforcementAction fix writes the right spelling', () => {
		const files = { 'c.yaml': constraint('K8sAllowedRepos', '  enforcementAction: Deny\n') };
		const { fixes } = findingsOf(files, 'c.yaml', 'constraint-enforcement-action-invalid');
		assert.match(applied(files, 'c.yaml', fixes()[0]), /enforcementAction: deny\n/);
	});
});
