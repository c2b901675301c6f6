import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../fixtures/hover/harness';

const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const hover = (files: Record<string, string>) => unescape(hoverText(files));

const workload = (kind: string, name: string, labels: string, namespace = '') =>
	`apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers: [{ name: c, image: nginx }]\n`;
const service = (selector: string, name = 'web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: ${selector}\n  ports: [{ port: 80 }]\n`;
const policy = (name: string, podSelector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector: ${podSelector}\n`;

describe('hover on a Service selector: the workloads it selects', () => {
	it('lists every workload whose template carries all the labels, across files', () => {
		const text = hover({
			'svc.yaml': service('{ app: <|>web, tier: front }'),
			'deploy.yaml': workload('Deployment', 'web', '{ app: web, tier: front, version: v2 }'),
			'sts.yaml': workload('StatefulSet', 'cache', '{ app: web, tier: front }'),
			'half.yaml': workload('DaemonSet', 'agent', '{ app: web }'),
			'other-ns.yaml': workload('Deployment', 'web-b', '{ app: web, tier: front }', 'staging'),
		});
		assert.match(text, /Selects 2 workloads \(all labels must match\)/);
		assert.match(text, /Deployment `web` \(\[deploy.yaml:4\]/);
		assert.match(text, /StatefulSet `cache`/);
		assert.doesNotMatch(text, /agent/, 'one label of two does not select');
		assert.doesNotMatch(text, /web-b/, 'another namespace does not count');
	});

	it('selecting nothing names the closest workload and the label that differs', () => {
		const text = hover({ 'svc.yaml': service('{ app: web, tier: <|>backend }'), 'deploy.yaml': workload('Deployment', 'web', '{ app: web, tier: front }') });
		assert.match(text, /Selects no workload in namespace `default`/);
		assert.match(text, /Closest: Deployment `web`.*`tier` is `front`/);
	});

	it('the selector key itself shows the same list', () => {
		const text = hover({ 'svc.yaml': service('{ app: web }').replace('  selector:', '  sel<|>ector:'), 'deploy.yaml': workload('Deployment', 'web', '{ app: web }') });
		assert.match(text, /Selects 1 workload/);
	});
});

describe('hover on pod template labels: the Services and NetworkPolicies selecting them', () => {
	const deployment = workload('Deployment', 'web', '{ app: <|>web, tier: front }');

	it('lists the selecting Services and NetworkPolicies from other files', () => {
		const text = hover({
			'deploy.yaml': deployment,
			'svc.yaml': service('{ app: web }'),
			'wrong.yaml': service('{ app: web, tier: back }', 'wrong'),
			'np.yaml': `${policy('allow-web', '{ matchLabels: { tier: front } }')}---\n${policy('deny-all', '{}')}---\n${policy('db-only', '{ matchExpressions: [{ key: app, operator: In, values: [db] }] }')}`,
		});
		assert.match(text, /Selected by:/);
		assert.match(text, /Service `web` \(\[svc.yaml:4\]/);
		assert.match(text, /NetworkPolicy `allow-web`/);
		assert.match(text, /NetworkPolicy `deny-all`.*all pods of the namespace/);
		assert.doesNotMatch(text, /`wrong`|db-only/);
	});

	it('also on the workload name, and on a Pod\'s own labels', () => {
		const byName = hover({ 'deploy.yaml': workload('Deployment', 'w<|>eb', '{ app: web }'), 'svc.yaml': service('{ app: web }') });
		assert.match(byName, /Service `web`/);
		const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ap<|>p: web\n';
		assert.match(hover({ 'pod.yaml': pod, 'svc.yaml': service('{ app: web }') }), /Service `web`/);
	});

	it('nothing selecting the pods is said, not left blank', () => {
		assert.match(hover({ 'deploy.yaml': deployment }), /No Service or NetworkPolicy in namespace `default`/);
	});

	it('a Deployment\'s own metadata labels are not its pods\' labels', () => {
		const text = hover({ 'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: { ap<|>p: web }\n', 'svc.yaml': service('{ app: web }') });
		assert.doesNotMatch(text, /Selected by/);
	});
});

describe('hover on a Gatekeeper constraint kind', () => {
	const template = 'apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata:\n  name: k8srequiredlabels\nspec:\n  crd:\n    spec:\n      names:\n        kind: K8sRequiredLabels\n';
	const constraint = 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sRequired<|>Labels\nmetadata:\n  name: need-owner\n';

	it('names the ConstraintTemplate that defines it, in another file', () => {
		const text = hover({ 'policy/template.yaml': template, 'constraint.yaml': constraint });
		assert.match(text, /Defined by ConstraintTemplate `k8srequiredlabels` \(\[policy\/template.yaml:4\]/);
	});

	it('says when no template defines it', () => {
		assert.match(hover({ 'constraint.yaml': constraint }), /No ConstraintTemplate in this workspace defines kind `K8sRequiredLabels`/);
	});
});
