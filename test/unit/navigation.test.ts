import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { atCursor } from '../fixtures/hover/harness';
import { isParsed } from '../../server/src/service/manifest/parse';
import { settings } from '../util/service';

/** Where go to definition lands: `path:line` (1-based) and the text under the range. */
function definition(files: Record<string, string>): string[] {
	const w = atCursor(files);
	return w.service.findDefinition(w.uri, w.position, settings()).map((l) => describe_(w.service.index.getFile(l.uri)!.text.getText(), l, w.uriOf));
}

/** Where find references points: `path:line` and the text under each range. */
function references(files: Record<string, string>): string[] {
	const w = atCursor(files);
	return w.service.findReferences(w.uri, w.position, settings()).map((l) => describe_(w.service.index.getFile(l.uri)!.text.getText(), l, w.uriOf)).sort();
}

function describe_(text: string, l: Location, uriOf: (p: string) => string): string {
	const lines = text.split('\n');
	const path = l.uri.slice(uriOf('').length);
	const { start, end } = l.range;
	const under = start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines[start.line].slice(start.character);
	return `${path}:${start.line + 1} ${under}`;
}

const named = (kind: string, name: string, rest = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${rest}`;
const podSpec = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n${spec}`;

describe('go to definition, across files', () => {
	it('claimName -> the PVC of the same namespace', () => {
		const files = { 'pod.yaml': podSpec('  volumes:\n    - name: d\n      persistentVolumeClaim: { claimName: da<|>ta }\n'), 'storage/pvc.yaml': named('PersistentVolumeClaim', 'data'), 'other.yaml': named('PersistentVolumeClaim', 'data', '').replace('  name: data\n', '  name: data\n  namespace: other\n') };
		assert.deepEqual(definition(files), ['storage/pvc.yaml:4 data']);
	});

	it('volumeName -> PV, storageClassName -> StorageClass (claims and claim templates)', () => {
		const cluster = { 'cluster/pv.yaml': named('PersistentVolume', 'pv-1'), 'cluster/sc.yaml': named('StorageClass', 'fast', 'provisioner: x\n', 'storage.k8s.io/v1') };
		assert.deepEqual(definition({ ...cluster, 'pvc.yaml': named('PersistentVolumeClaim', 'c', 'spec:\n  volumeName: pv<|>-1\n') }), ['cluster/pv.yaml:4 pv-1']);
		assert.deepEqual(definition({ ...cluster, 'pvc.yaml': named('PersistentVolumeClaim', 'c', 'spec:\n  storageClassName: fa<|>st\n') }), ['cluster/sc.yaml:4 fast']);
		const sts = named('StatefulSet', 'db', 'spec:\n  volumeClaimTemplates:\n    - spec:\n        storageClassName: f<|>ast\n', 'apps/v1');
		assert.deepEqual(definition({ ...cluster, 'sts.yaml': sts }), ['cluster/sc.yaml:4 fast']);
	});

	it('runtimeClassName -> RuntimeClass, even in a CronJob', () => {
		const cron = named('CronJob', 'nightly', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          runtimeClassName: gvi<|>sor\n', 'batch/v1');
		assert.deepEqual(definition({ 'cron.yaml': cron, 'rc.yaml': named('RuntimeClass', 'gvisor', 'handler: runsc\n', 'node.k8s.io/v1') }), ['rc.yaml:4 gvisor']);
	});

	it('serviceName and Ingress backends -> Service', () => {
		const svc = { 'svc.yaml': named('Service', 'web', 'spec:\n  clusterIP: None\n') };
		assert.deepEqual(definition({ ...svc, 'sts.yaml': named('StatefulSet', 'db', 'spec:\n  serviceName: w<|>eb\n', 'apps/v1') }), ['svc.yaml:4 web']);
		const ingress = (spec: string) => named('Ingress', 'in', spec, 'networking.k8s.io/v1');
		assert.deepEqual(definition({ ...svc, 'in.yaml': ingress('spec:\n  rules:\n    - http:\n        paths:\n          - backend:\n              service: { name: w<|>eb, port: { number: 80 } }\n') }), ['svc.yaml:4 web']);
		assert.deepEqual(definition({ ...svc, 'in.yaml': ingress('spec:\n  defaultBackend:\n    service: { name: w<|>eb }\n') }), ['svc.yaml:4 web']);
		assert.deepEqual(definition({ ...svc, 'in.yaml': ingress('spec:\n  backend: { serviceName: w<|>eb, servicePort: 80 }\n') }), ['svc.yaml:4 web']);
	});

	it('configMap and secret references -> ConfigMap and Secret', () => {
		const objects = { 'cm.yaml': named('ConfigMap', 'settings'), 'secret.yaml': named('Secret', 'creds') };
		const cases: [string, string][] = [
			['  volumes:\n    - name: v\n      configMap: { name: sett<|>ings }\n', 'cm.yaml:4 settings'],
			['  containers:\n    - name: c\n      envFrom: [{ configMapRef: { name: sett<|>ings } }]\n', 'cm.yaml:4 settings'],
			['  containers:\n    - name: c\n      env: [{ name: A, valueFrom: { configMapKeyRef: { name: sett<|>ings, key: a } } }]\n', 'cm.yaml:4 settings'],
			['  volumes:\n    - name: v\n      secret: { secretName: cr<|>eds }\n', 'secret.yaml:4 creds'],
			['  containers:\n    - name: c\n      env: [{ name: A, valueFrom: { secretKeyRef: { name: cr<|>eds, key: a } } }]\n', 'secret.yaml:4 creds'],
			['  imagePullSecrets: [{ name: cr<|>eds }]\n', 'secret.yaml:4 creds'],
		];
		for (const [spec, expected] of cases) assert.deepEqual(definition({ ...objects, 'pod.yaml': podSpec(spec) }), [expected], spec);
	});

	it('a Gatekeeper constraint kind -> the ConstraintTemplate that defines it', () => {
		const template = named('ConstraintTemplate', 'k8srequiredlabels', 'spec:\n  crd:\n    spec:\n      names:\n        kind: K8sRequiredLabels\n', 'templates.gatekeeper.sh/v1');
		const constraint = 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sRequired<|>Labels\nmetadata: { name: owner }\n';
		assert.deepEqual(definition({ 'policy/template.yaml': template, 'constraint.yaml': constraint }), ['policy/template.yaml:9 K8sRequiredLabels']);
	});

	it('roleRef follows its kind', () => {
		const rb = named('RoleBinding', 'rb', 'roleRef: { kind: Role, name: read<|>er, apiGroup: rbac.authorization.k8s.io }\n', 'rbac.authorization.k8s.io/v1');
		const roles = { 'roles.yaml': `${named('Role', 'reader', '', 'rbac.authorization.k8s.io/v1')}---\n${named('ClusterRole', 'reader', '', 'rbac.authorization.k8s.io/v1')}` };
		assert.deepEqual(definition({ ...roles, 'rb.yaml': rb }), ['roles.yaml:4 reader']);
	});

	it('a value that names nothing, or a key, has no definition', () => {
		assert.deepEqual(definition({ 'pod.yaml': podSpec('  restartPolicy: Alw<|>ays\n') }), []);
		assert.deepEqual(definition({ 'pod.yaml': podSpec('  runtimeClass<|>Name: x\n'), 'rc.yaml': named('RuntimeClass', 'x', 'handler: runc\n', 'node.k8s.io/v1') }), []);
	});
});

describe('find references, across files', () => {
	const deployment = named('Deployment', 'web', 'spec:\n  template:\n    metadata:\n      labels: { app: w<|>eb }\n    spec:\n      volumes:\n        - name: d\n          persistentVolumeClaim: { claimName: data }\n', 'apps/v1');

	it('template labels -> the selecting Services and NetworkPolicies', () => {
		const files = {
			'deploy.yaml': deployment,
			'svc.yaml': named('Service', 'web', 'spec:\n  selector: { app: web }\n'),
			'np.yaml': named('NetworkPolicy', 'all', 'spec:\n  podSelector: {}\n', 'networking.k8s.io/v1'),
			'nope.yaml': named('Service', 'other', 'spec:\n  selector: { app: other }\n'),
		};
		assert.deepEqual(references(files), ['np.yaml:6 podSelector', 'svc.yaml:6 selector']);
	});

	it('PVC -> the pods and templates that mount it, at their claimName', () => {
		const pvc = named('PersistentVolumeClaim', 'da<|>ta');
		const pod = podSpec('  volumes:\n    - name: a\n      persistentVolumeClaim: { claimName: data }\n    - name: b\n      configMap: { name: data }\n');
		const elsewhere = pod.replace('  name: app\n', '  name: app\n  namespace: other\n');
		assert.deepEqual(references({ 'pvc.yaml': pvc, 'pod.yaml': pod, 'deploy.yaml': deployment.replace('<|>', ''), 'other.yaml': elsewhere }), ['deploy.yaml:12 data', 'pod.yaml:8 data']);
	});

	it('on a reference: the target and every other reference to it', () => {
		const pod = podSpec('  volumes:\n    - name: a\n      persistentVolumeClaim: { claimName: da<|>ta }\n');
		assert.deepEqual(references({ 'pod.yaml': pod, 'pvc.yaml': named('PersistentVolumeClaim', 'data'), 'deploy.yaml': deployment.replace('<|>', '') }), ['deploy.yaml:12 data', 'pod.yaml:8 data', 'pvc.yaml:4 data']);
	});

	it('a ConstraintTemplate -> the constraints of its kind', () => {
		const template = named('ConstraintTemplate', 'k8srequiredlabels', 'spec:\n  crd:\n    spec:\n      names:\n        kind: K8sRequired<|>Labels\n', 'templates.gatekeeper.sh/v1');
		const constraint = 'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sRequiredLabels\nmetadata: { name: owner }\n';
		assert.deepEqual(references({ 'template.yaml': template, 'c.yaml': constraint }), ['c.yaml:2 K8sRequiredLabels']);
	});
});

describe('document links', () => {
	const linksOf = (files: Record<string, string>) => {
		const w = atCursor(files);
		const doc = w.service.index.getFile(w.uri)!.text;
		return w.service.findLinks(w.uri).map((l) => `${doc.getText(l.range)} -> ${l.target}`);
	};

	it('web addresses in values are links; known values are not (their hover opens the entry)', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    docs: "see https://kubernetes.io/docs/concepts/services-networking/service/ for more"\nspec:\n  type: NodePort\n';
		assert.deepEqual(linksOf({ 'svc.yaml': `${text}<|>` }), [
			'https://kubernetes.io/docs/concepts/services-networking/service/ -> https://kubernetes.io/docs/concepts/services-networking/service/',
		]);
	});

	it('values with an entry (a removed apiVersion, kinds, a volume source, a provisioner, an image) are not links; a URL beside them is', () => {
		// kind, image, provisioner, volume source and a removed apiVersion: each has an entry, none is underlined.
		const text =
			'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: i }\nspec:\n  backend: { serviceName: web, servicePort: 80 }\n---\n' +
			'apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: p }\nspec:\n  nfs: { server: s, path: /x }\n---\n' +
			'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: ebs }\nprovisioner: ebs.csi.aws.com\n---\n' +
			'apiVersion: v1\nkind: Pod\nmetadata: { name: a, annotations: { runbook: "https://example.com/runbook." } }\nspec:\n  containers: [{ name: a, image: calico/node:v3.27.0 }]\n';
		assert.deepEqual(linksOf({ 'mixed.yaml': `${text}<|>` }), ['https://example.com/runbook -> https://example.com/runbook']);
	});

	it('links of a file just opened (read values-first) are found without parsing its documents', () => {
		const plain = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: b\n`;
		const text = [plain(0), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    docs: http://example.com/web\n', plain(2), plain(3)].join('---\n');
		const w = atCursor({ 'many.yaml': `${text}<|>` });
		const links = w.service.findLinks(w.uri).map((l) => l.target);
		assert.deepEqual(links, ['http://example.com/web']);
		assert.deepEqual(w.service.index.getFile(w.uri)!.manifest.documents.map(isParsed), [false, false, false, false]);
	});

	it('keys and documents that are not resources get no links', () => {
		const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  https://example.com/key: value\n---\nfoo: https://example.com/x\n';
		assert.deepEqual(linksOf({ 'c.yaml': `${text}<|>` }), []);
	});
});
