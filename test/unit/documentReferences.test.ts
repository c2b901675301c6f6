/*
 * The references a document makes (documentReferences), found by a walk that keeps one stack of keys,
 * compared with the walk that copied the key path at every object and array it entered: the same
 * references, in the same order, each with a path of its own.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crossReferenced, manifest } from '../../bench/generate';
import { pathPattern } from '../../server/src/service/manifest/nodes';
import { isRecord, parseManifest } from '../../server/src/service/manifest/parse';
import type { ManifestDocument, NodePath } from '../../server/src/service/manifest/types';
import { isClusterScopedTarget, isOptionalReference, referenceAt, siblingNamespace, targetKind } from '../../server/src/service/workspace/references';
import { documentReferences } from '../../server/src/service/workspace/relations';

const REFERENCE_KEYS = new Set(['claimName', 'volumeName', 'storageClassName', 'runtimeClassName', 'serviceAccountName', 'serviceAccount', 'serviceName', 'priorityClassName', 'ingressClassName', 'name', 'secretName']);

/** The walk as it was: a new path array for every object and array entered. */
function copyingWalk(value: unknown, path: NodePath, found: (path: NodePath, value: string) => void): void {
	if (Array.isArray(value)) value.forEach((item, i) => copyingWalk(item, [...path, i], found));
	else if (isRecord(value)) {
		for (const [key, item] of Object.entries(value)) {
			if (typeof item === 'string') {
				if (item && REFERENCE_KEYS.has(key)) found([...path, key], item);
			} else if (item && typeof item === 'object') copyingWalk(item, [...path, key], found);
		}
	}
}

function expectedReferences(document: ManifestDocument) {
	const resource = document.resource;
	if (!resource) return [];
	const out: unknown[] = [];
	copyingWalk(resource.value, [], (path, name) => {
		const reference = referenceAt(pathPattern(path), resource.kind);
		const kind = reference && targetKind(reference, resource.value, path);
		if (!reference || !kind) return;
		out.push({ path, kind, name, clusterScoped: isClusterScopedTarget(reference, kind), namespace: siblingNamespace(resource.value, path), optional: isOptionalReference(reference, resource.value, path) });
	});
	return out;
}

const EXTRA = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
spec:
  serviceAccountName: runner
  priorityClassName: high
  imagePullSecrets: [{ name: pull }]
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: data }
    - name: conf
      configMap: { name: conf, optional: true }
    - name: secret
      secret: { secretName: s }
    - name: projected
      projected:
        sources:
          - configMap: { name: deep }
          - secret: { name: deeper }
  containers:
    - name: app
      image: app:1
      envFrom:
        - configMapRef: { name: env }
        - secretRef: { name: "" }
      env:
        - name: A
          valueFrom: { secretKeyRef: { name: key-secret, key: k } }
`;

describe('documentReferences', () => {
	const texts: [string, string][] = [
		['cross-referenced manifests', crossReferenced(3000)],
		['generated manifests', manifest(2000)],
		['a pod with references at every depth', EXTRA],
		['examples/shop/web.yaml', readFileSync(join(__dirname, '..', '..', 'examples', 'shop', 'web.yaml'), 'utf8')],
		['examples/storage/data.yaml', readFileSync(join(__dirname, '..', '..', 'examples', 'storage', 'data.yaml'), 'utf8')],
	];
	for (const [name, text] of texts) {
		it(`finds the references the copying walk finds, in its order: ${name}`, () => {
			for (const valuesFirst of [false, true]) {
				const file = parseManifest('file:///refs.yaml', 1, text, { valuesFirst });
				let found = 0;
				for (const document of file.documents) {
					const refs = documentReferences(document);
					assert.deepEqual(refs, expectedReferences(document));
					found += refs.length;
					// Every reference owns its path: none is shared with another or changed by the walk after it was found.
					assert.equal(new Set(refs.map((r) => r.path)).size, refs.length);
				}
				if (!name.startsWith('examples') && name !== 'generated manifests') assert.ok(found > 5, 'the text makes references');
			}
		});
	}
});
