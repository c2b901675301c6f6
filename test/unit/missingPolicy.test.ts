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

	it('a Service of that name in another namespace makes it a warning, pointing there', () => {
		const { diagnostics } = check({ 'a.yaml': ingress('docs-site'), 'b.yaml': service('docs-site', 'web') }, 'a.yaml', 'ingress-backend-unknown');
		assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Warning);
		assert.match(diagnostics[0].relatedInformation?.[0].message ?? '', /namespace "web"/);
	});
});
