import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settings, workspace } from '../util/service';

const pv = (modes: string, className = 'manual') => `apiVersion: v1
kind: PersistentVolume
metadata: { name: pv-1 }
spec:
  storageClassName: ${className}
  capacity: { storage: 10Gi }
  accessModes: [${modes}]
  nfs: { server: nfs.example.com, path: /exports/a }
`;
const claim = (modes: string, className = 'manual') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: shared }
spec:
  storageClassName: ${className}
  accessModes: [${modes}]
  resources: { requests: { storage: 5Gi } }
`;
const statefulSet = (modes: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: postgres }] }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        storageClassName: manual
        accessModes: [${modes}]
        resources: { requests: { storage: 5Gi } }
`;

function unbindable(files: Record<string, string>, path: string) {
	const { service, uri } = workspace(files);
	const text = files[path];
	return service
		.doValidation(uri(path), settings())
		.filter((d) => d.code === 'pvc-unbindable')
		.map((d) => ({ line: text.split('\n')[d.range.start.line].trim(), message: String(d.message) }));
}

describe('a class that only PersistentVolumes carry binds statically', () => {
	it('a ReadWriteMany claim whose class only a ReadWriteOnce PV carries is reported at its access modes', () => {
		const found = unbindable({ 'pv.yaml': pv('ReadWriteOnce'), 'claim.yaml': claim('ReadWriteMany') }, 'claim.yaml');
		assert.equal(found.length, 1);
		assert.equal(found[0].line, 'accessModes: [ReadWriteMany]');
		assert.match(found[0].message, /no StorageClass "manual" is defined, and PersistentVolumes here carry that class/);
		assert.match(found[0].message, /pv-1/);
	});

	it('a claim a PV of that class satisfies is silent, and a class no PV carries is left to the cluster', () => {
		assert.deepEqual(unbindable({ 'pv.yaml': pv('ReadWriteMany'), 'claim.yaml': claim('ReadWriteMany') }, 'claim.yaml'), []);
		assert.deepEqual(unbindable({ 'pv.yaml': pv('ReadWriteOnce', 'other'), 'claim.yaml': claim('ReadWriteMany') }, 'claim.yaml'), []);
	});

	it('a StatefulSet volumeClaimTemplate is checked the same way, at its own fields', () => {
		const found = unbindable({ 'pv.yaml': pv('ReadWriteOnce'), 'db.yaml': statefulSet('ReadWriteMany') }, 'db.yaml');
		assert.equal(found.length, 1);
		assert.equal(found[0].line, 'accessModes: [ReadWriteMany]');
		assert.deepEqual(unbindable({ 'pv.yaml': pv('ReadWriteOnce'), 'db.yaml': statefulSet('ReadWriteOnce') }, 'db.yaml'), []);
	});
});
