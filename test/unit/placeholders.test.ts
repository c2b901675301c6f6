import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPlaceholder, holdsPlaceholder } from '../../server/src/service/manifest/placeholders';
import { settings, workspace } from '../util/service';

/** Rule ids of the warnings and errors of one file, with their severity. */
function findings(files: Record<string, string>, path: string): string[] {
	const { service, uri } = workspace(files);
	return service
		.doValidation(uri(path), settings())
		.filter((d) => d.severity !== undefined && d.severity <= 2)
		.map((d) => `${String(d.code)}:${d.severity}`);
}

const deployment = (memory: string, cpu = '500m') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: api
          resources:
            limits:
              memory: ${memory}
              cpu: ${cpu}
`;

describe('placeholders are filled in later and never judged', () => {
	it('recognises ${VAR}, ${VAR:-default} and $(VAR), and nothing else', () => {
		for (const value of ['${MEMORY_LIMIT}', '${MEMORY:=1Gi}', '$(POD_NAME)', 'prefix-${ENV}-suffix', '${cluster_name}']) assert.ok(hasPlaceholder(value), value);
		for (const value of ['$MEMORY', '1Gi', '${', '$()', 'cost: $5', '{{ .Values.x }}', 42]) assert.ok(!hasPlaceholder(value), String(value));
		assert.ok(holdsPlaceholder({ app: 'web', tier: '${TIER}' }));
		assert.ok(!holdsPlaceholder({ app: 'web' }));
	});

	it('memory: ${MEMORY_LIMIT} is not an invalid quantity, and the rest of the document is still judged', () => {
		assert.deepEqual(findings({ 'a.yaml': deployment('${MEMORY_LIMIT}') }, 'a.yaml'), []);
		assert.deepEqual(findings({ 'a.yaml': deployment('$(MEMORY_LIMIT)') }, 'a.yaml'), []);
		assert.deepEqual(findings({ 'a.yaml': deployment('${MEMORY_LIMIT}', '1 core') }, 'a.yaml'), ['quantity-invalid:1']);
		assert.deepEqual(findings({ 'a.yaml': deployment('512 MB') }, 'a.yaml'), ['quantity-invalid:1'], 'without the placeholder the rule fires');
	});

	it('a nodePort or a claim name held by a placeholder is not judged', () => {
		const service = (port: string) => `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: ${port}
`;
		assert.deepEqual(findings({ 's.yaml': service('${NODE_PORT}') }, 's.yaml'), []);
		assert.deepEqual(
			findings({ 's.yaml': service('80') }, 's.yaml').filter((f) => f.startsWith('service-node-port-invalid')),
			['service-node-port-invalid:1'],
		);
		const pod = (claim: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox }]
  volumes:
    - name: d
      persistentVolumeClaim:
        claimName: ${claim}
`;
		assert.deepEqual(findings({ 'p.yaml': pod('${CLAIM}') }, 'p.yaml'), []);
		assert.deepEqual(findings({ 'p.yaml': pod('dta') }, 'p.yaml'), ['pvc-claim-missing:2']);
	});

	it('a selector or pod label held by a placeholder is not judged', () => {
		const files = (selector: string, label: string) => ({
			'a.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  selector:
    matchLabels:
      app: ${label}
  template:
    metadata:
      labels:
        app: ${label}
    spec: { containers: [{ name: api, image: api }] }
---
apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector:
${selector}
  ports: [{ port: 80 }]
`,
		});
		assert.deepEqual(findings(files('    app: ${APP}\n    tier: web', 'api'), 'a.yaml'), []);
		assert.deepEqual(findings(files('    app: api', '${APP}'), 'a.yaml'), []);
		assert.deepEqual(findings(files('    app: api', 'apl'), 'a.yaml'), ['service-selector-no-match:2']);
		assert.deepEqual(findings(files('    app: api\n    tier: web', 'api'), 'a.yaml'), ['service-selector-no-match:2']);
	});
});
