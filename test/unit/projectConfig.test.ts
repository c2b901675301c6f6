import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { readProjectConfig } from '../../server/src/service/config';
import { settings, workspace } from '../util/service';

/** The problems of a .kubelore.yaml as "line severity message" (lines from 1). */
function problems(text: string): string[] {
	return readProjectConfig(text).problems.map((p) => `${text.slice(0, p.start).split('\n').length} ${p.severity} ${p.message}`);
}

describe('.kubelore.yaml problems at their own line', () => {
	it('an unknown rule id is a warning at the id, naming the nearest rule, and the rest stays in force', () => {
		const text = 'kubernetesVersion: "1.30"\nrules:\n  service-port-name-required: warning\n  pvc-claim-mising: off\n';
		assert.deepEqual(problems(text), ['4 warning unknown rule "pvc-claim-mising"; did you mean "pvc-claim-missing"? It has no effect']);
		const { config } = readProjectConfig(text);
		assert.equal(config.kubernetesVersion, '1.30');
		assert.equal(config.rules?.['service-port-name-required'], 'warning');
	});

	it('an invalid severity is reported at its value, not at `rules:`', () => {
		const text = 'rules:\n  pvc-claim-missing: warning\n  host-path-volume: loud\n';
		const [problem] = readProjectConfig(text).problems;
		assert.equal(text.slice(problem.start, problem.end), 'loud');
		assert.equal(problem.severity, 'error');
	});

	it('kubernetesVersion: 1.20 unquoted is read as written, with a warning at the value', () => {
		const text = 'kubernetesVersion: 1.20\n';
		const { config, problems: found } = readProjectConfig(text);
		assert.equal(config.kubernetesVersion, '1.20');
		assert.equal(found.length, 1);
		assert.equal(found[0].severity, 'warning');
		assert.equal(text.slice(found[0].start, found[0].end), '1.20');
		assert.match(found[0].message, /reads it as 1\.2\b/);
		assert.deepEqual(readProjectConfig('kubernetesVersion: 1.31\n').problems, [], '1.31 reads the same either way');
		assert.equal(readProjectConfig('kubernetesVersion: "1.20"\n').config.kubernetesVersion, '1.20');
	});

	it('the editor shows them as diagnostics on their lines, warnings as warnings', () => {
		const { service, uri } = workspace({ '.kubelore.yaml': 'kubernetesVersion: 1.20\nrules:\n  pvc-claim-mising: off\n  host-path-volume: loud\n' });
		const found = service.doValidation(uri('.kubelore.yaml'), settings()).map((d) => `${d.range.start.line + 1} ${d.severity}`);
		assert.deepEqual(found, [`1 ${DiagnosticSeverity.Warning}`, `3 ${DiagnosticSeverity.Warning}`, `4 ${DiagnosticSeverity.Error}`]);
	});
});
