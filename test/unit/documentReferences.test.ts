import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../server/src/service/manifest/parse';
import { documentReferences } from '../../server/src/service/workspace/relations';
import { referenceAt } from '../../server/src/service/workspace/references';

const referencesOf = (text: string) => parseManifest('file:///ws/a.yaml', 1, text).documents.map((d) => documentReferences(d).map((r) => ({ path: r.path.join('/'), kind: r.kind, name: r.name, optional: r.optional, namespace: r.namespace })));

describe('the references a document makes', () => {
	it('gives each reference its own path, through lists and maps', () => {
		const pod = [
			'apiVersion: v1',
			'kind: Pod',
			'metadata: { name: app }',
			'spec:',
			'  serviceAccountName: runner',
			'  containers:',
			'    - name: a',
			'      envFrom: [{ configMapRef: { name: settings } }, { secretRef: { name: keys, optional: true } }]',
			'    - name: b',
			'      env: [{ name: X, valueFrom: { configMapKeyRef: { name: other, key: x } } }]',
			'  volumes:',
			'    - name: data',
			'      persistentVolumeClaim: { claimName: data }',
		].join('\n');
		assert.deepEqual(referencesOf(pod), [
			[
				{ path: 'spec/serviceAccountName', kind: 'ServiceAccount', name: 'runner', optional: false, namespace: undefined },
				{ path: 'spec/containers/0/envFrom/0/configMapRef/name', kind: 'ConfigMap', name: 'settings', optional: false, namespace: undefined },
				{ path: 'spec/containers/0/envFrom/1/secretRef/name', kind: 'Secret', name: 'keys', optional: true, namespace: undefined },
				{ path: 'spec/containers/1/env/0/valueFrom/configMapKeyRef/name', kind: 'ConfigMap', name: 'other', optional: false, namespace: undefined },
				{ path: 'spec/volumes/0/persistentVolumeClaim/claimName', kind: 'PersistentVolumeClaim', name: 'data', optional: false, namespace: undefined },
			],
		]);
	});

	it('reads a field limited to some kinds only in those, whichever kind asked first', () => {
		const set = (kind: string) => `apiVersion: apps/v1\nkind: ${kind}\nmetadata: { name: web }\nspec:\n  serviceName: web-headless\n`;
		assert.deepEqual(referencesOf(`${set('Deployment')}---\n${set('StatefulSet')}---\n${set('Deployment')}`), [[], [{ path: 'spec/serviceName', kind: 'Service', name: 'web-headless', optional: false, namespace: undefined }], []]);
		assert.equal(referenceAt('spec.serviceName', 'StatefulSet')?.target, 'Service');
		assert.equal(referenceAt('spec.serviceName', 'Deployment'), undefined);
		assert.equal(referenceAt('spec.serviceName', undefined), undefined);
	});

	it('takes the kind a reference names from its sibling, with the namespace beside it', () => {
		const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: b }\nroleRef: { kind: Role, name: reader }\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: { name: pv }\nspec:\n  claimRef: { name: data, namespace: team }\n';
		assert.deepEqual(referencesOf(binding), [[{ path: 'roleRef/name', kind: 'Role', name: 'reader', optional: false, namespace: undefined }], [{ path: 'spec/claimRef/name', kind: 'PersistentVolumeClaim', name: 'data', optional: false, namespace: 'team' }]]);
	});
});
