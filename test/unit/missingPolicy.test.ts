import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { settings, workspace } from '../util/service';

const ingress = (backend: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: docs }
spec:
  defaultBackend:
    service:
      name: ${backend}
      port: { number: 80 }
`;
const service = (name: string, namespace = 'default') => `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80 }]
`;
const statefulSet = (serviceName: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: ${serviceName}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres }] }
`;
const pod = (claim: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox }]
  volumes:
    - name: d
      persistentVolumeClaim: { claimName: ${claim} }
`;
const claim = (name: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

function check(files: Record<string, string>, path: string, rule: string) {
	const { service: ls, uri } = workspace(files);
	const s = settings();
	const diagnostics = ls.doValidation(uri(path), s).filter((d) => d.code === rule);
	return { diagnostics, fixes: diagnostics.length ? ls.getCodeActions(uri(path), [diagnostics[0]], s).filter((a) => !a.title.startsWith('Suppress')) : [] };
}

describe('one closed-world policy for "missing" references', () => {
	const cases = [
		{ rule: 'ingress-backend-unknown', kind: 'Service', ref: ingress, target: service, good: 'docs-site', typo: 'docs-stie' },
		{ rule: 'statefulset-service-unknown', kind: 'Service', ref: statefulSet, target: service, good: 'db-headless', typo: 'db-hedless' },
		{ rule: 'pvc-claim-missing', kind: 'PersistentVolumeClaim', ref: pod, target: claim, good: 'data-volume', typo: 'data-volmue' },
	];
	for (const c of cases) {
		it(`${c.rule}: information when nothing of that kind is in the namespace and scope`, () => {
			const { diagnostics } = check({ 'a.yaml': c.ref('elsewhere') }, 'a.yaml', c.rule);
			assert.equal(diagnostics.length, 1);
			assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
			assert.match(String(diagnostics[0].message), /outside this workspace/);
		});

		it(`${c.rule}: a warning naming the near name, with its fix, for a typo`, () => {
			const { diagnostics, fixes } = check({ 'a.yaml': c.ref(c.typo), 'b.yaml': c.target(c.good) }, 'a.yaml', c.rule);
			assert.equal(diagnostics.length, 1);
			assert.equal(diagnostics[0].severity, DiagnosticSeverity.Warning);
			assert.ok(String(diagnostics[0].message).includes(`Did you mean "${c.good}"?`), String(diagnostics[0].message));
			assert.ok(
				fixes.some((f) => f.title === `Use ${c.kind} "${c.good}"`),
				fixes.map((f) => f.title).join(', '),
			);
		});

		it(`${c.rule}: a warning when objects of that kind are around but none of that name`, () => {
			const { diagnostics } = check({ 'a.yaml': c.ref('unrelated-name'), 'b.yaml': c.target(c.good) }, 'a.yaml', c.rule);
			assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Warning);
		});
	}

	it('in a workspace of unrelated projects, only objects of that kind near the file make it a warning', () => {
		const severity = (files: Record<string, string>) => check(files, 'examples/rbd/pod.yaml', 'pvc-claim-missing').diagnostics.map((d) => d.severity);
		const pods = { 'examples/rbd/pod.yaml': pod('claim1') };
		assert.deepEqual(severity({ ...pods, 'other/app/data/pvc.yaml': claim('data') }), [DiagnosticSeverity.Information], 'a claim of another project says nothing');
		assert.deepEqual(severity({ ...pods, 'examples/rbd/pvc.yaml': claim('data') }), [DiagnosticSeverity.Warning], 'beside the file');
		assert.deepEqual(severity({ ...pods, 'examples/vsphere/pvc.yaml': claim('data') }), [DiagnosticSeverity.Warning], 'in a folder beside it');
		assert.deepEqual(severity({ ...pods, 'other/app/data/pvc.yaml': claim('claim-1') }), [DiagnosticSeverity.Warning], 'a near name anywhere in the scope');
	});

	it('a kustomization builds its scope as one: any claim of the scope makes it a warning', () => {
		const files = { 'app/kustomization.yaml': 'resources: [deploy/web/pod.yaml, storage/pvc.yaml]\n', 'app/deploy/web/pod.yaml': pod('claim1'), 'app/storage/pvc.yaml': claim('data') };
		assert.deepEqual(check(files, 'app/deploy/web/pod.yaml', 'pvc-claim-missing').diagnostics.map((d) => d.severity), [DiagnosticSeverity.Warning]);
		const loose = { 'app/deploy/web/pod.yaml': files['app/deploy/web/pod.yaml'], 'app/storage/pvc.yaml': files['app/storage/pvc.yaml'] };
		assert.deepEqual(check(loose, 'app/deploy/web/pod.yaml', 'pvc-claim-missing').diagnostics.map((d) => d.severity), [DiagnosticSeverity.Information], 'without it, that claim is two folders away');
	});

	it('a Service of that name in another namespace makes it a warning, pointing there', () => {
		const { diagnostics } = check({ 'a.yaml': ingress('docs-site'), 'b.yaml': service('docs-site', 'web') }, 'a.yaml', 'ingress-backend-unknown');
		assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Warning);
		assert.match(diagnostics[0].relatedInformation?.[0].message ?? '', /namespace "web"/);
	});
});

describe('config-ref-missing: ConfigMaps and Secrets a pod needs', () => {
	const web = (secret: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx
      envFrom:
        - secretRef: { name: ${secret} }
`;
	const found = (files: Record<string, string>) => check(files, 'a.yaml', 'config-ref-missing').diagnostics.map((d) => d.severity);

	it('a Secret a kustomize generator, a cert-manager Certificate or a SealedSecret makes is not missing', () => {
		assert.deepEqual(found({ 'a.yaml': web('web-tls') }), [DiagnosticSeverity.Information]);
		assert.deepEqual(found({ 'a.yaml': web('web-tls'), 'kustomization.yaml': 'resources: [a.yaml]\nsecretGenerator:\n  - name: web-tls\n    files: [tls.crt]\n' }), []);
		assert.deepEqual(found({ 'a.yaml': web('web-tls'), 'cert.yaml': 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: { name: web }\nspec:\n  secretName: web-tls\n  dnsNames: [web.example.com]\n' }), []);
		assert.deepEqual(found({ 'a.yaml': web('web-tls'), 'sealed.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: { name: web-tls }\nspec: {}\n' }), []);
	});

	it('other Secrets around without a near name only make it information; a near name makes it a warning', () => {
		const other = 'apiVersion: v1\nkind: Secret\nmetadata: { name: registry-auth }\n';
		assert.deepEqual(found({ 'a.yaml': web('web-tls'), 'b.yaml': other }), [DiagnosticSeverity.Information]);
		assert.deepEqual(found({ 'a.yaml': web('registry-auht'), 'b.yaml': other }), [DiagnosticSeverity.Warning]);
	});
});
