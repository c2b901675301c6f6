import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeAt, pathPattern, rangeOf } from '../../server/src/service/manifest/nodes';
import { parseManifest } from '../../server/src/service/manifest/parse';
import { splitDocuments } from '../../server/src/service/manifest/split';
import { cursor } from '../util/service';

const TWO = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: { app: web, tier: "1" }
spec:
  selector: { app: web }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
`;

describe('manifest model', () => {
	it('splits a multi-document file at --- and ... markers only at column 0', () => {
		const text = 'a: 1\n---\nb: |\n  ---\n  text\n...\n--- \nc: 3\n';
		const spans = splitDocuments(text).map((s) => text.slice(s.start, s.end));
		assert.deepEqual(spans, ['a: 1\n', '---\nb: |\n  ---\n  text\n...\n', '--- \nc: 3\n']);
	});

	it('keeps leading comments with the document after the marker', () => {
		const text = '# header\n---\nkind: A\n';
		assert.equal(splitDocuments(text).length, 1);
	});

	it('reads each document as a resource with kind, name, namespace and labels', () => {
		const file = parseManifest('file:///a.yaml', 1, TWO);
		assert.equal(file.documents.length, 2);
		const [service, deployment] = file.documents.map((d) => d.resource!);
		assert.deepEqual(
			{ kind: service.kind, name: service.name, namespace: service.namespace, labels: service.labels },
			{ kind: 'Service', name: 'web', namespace: 'shop', labels: { app: 'web', tier: '1' } },
		);
		assert.equal(deployment.kind, 'Deployment');
		assert.equal(deployment.namespace, undefined);
	});

	it('gives exact source ranges in the file for nodes of later documents', () => {
		const file = parseManifest('file:///a.yaml', 1, TWO);
		const [start, end] = rangeOf(file.documents[1], ['kind'])!;
		assert.equal(TWO.slice(start, end), 'Deployment');
		const [ks, ke] = rangeOf(file.documents[0], ['spec', 'selector'], true)!;
		assert.equal(TWO.slice(ks, ke), 'selector');
	});

	it('finds the path and scalar at an offset, telling keys from values', () => {
		const { text, offset } = cursor(TWO.replace('selector: { app: web }', 'selector: { app: w<|>eb }'));
		const at = nodeAt(parseManifest('file:///a.yaml', 1, text), offset)!;
		assert.deepEqual(at.path, ['spec', 'selector', 'app']);
		assert.equal(at.isKey, false);
		assert.equal(at.scalar?.value, 'web');
		const key = cursor(TWO.replace('  name: web\n  namespace', '  na<|>me: web\n  namespace'));
		const atKey = nodeAt(parseManifest('file:///a.yaml', 1, key.text), key.offset)!;
		assert.deepEqual(atKey.path, ['metadata', 'name']);
		assert.equal(atKey.isKey, true);
		assert.equal(pathPattern(['spec', 'containers', 0, 'image']), 'spec.containers[].image');
	});

	it('recognises non-Kubernetes YAML, empty documents and Helm templates', () => {
		const file = parseManifest('file:///a.yaml', 1, 'name: x\nlist: [1]\n---\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n');
		assert.deepEqual(file.documents.map((d) => d.kind), ['other', 'empty', 'partial']);
		assert.equal(file.documents[2].partialReason, 'helm');
		assert.equal(file.documents[2].problems.length, 0);
	});

	it('marks strategic-merge patches as partial', () => {
		const file = parseManifest('file:///p.yaml', 1, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        $patch: delete\n');
		assert.equal(file.documents[0].kind, 'partial');
	});

	it('gives one syntax problem where a broken document breaks, and the other documents still work', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n  b: "x\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n';
		const file = parseManifest('file:///a.yaml', 1, text);
		assert.deepEqual(file.documents.map((d) => d.kind), ['resource', 'broken', 'resource']);
		assert.equal(file.documents[1].problems.length, 1);
		const p = file.documents[1].problems[0];
		assert.ok(p.start >= file.documents[1].start && p.start < file.documents[1].end, 'the problem lies inside the broken document');
		assert.equal(file.documents[2].resource?.name, 's');
	});

	it('re-parses only the documents an edit touches', () => {
		const docs = Array.from({ length: 50 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
		const text = docs.join('---\n');
		const first = parseManifest('file:///a.yaml', 1, text);
		const edited = text.replace('name: c25', 'name: c25x');
		const second = parseManifest('file:///a.yaml', 2, edited, {}, first);
		const reused = second.documents.filter((d, i) => d === first.documents[i]).length;
		assert.equal(reused, 25, 'documents before the edit are the same objects');
		assert.equal(second.documents[25].resource?.name, 'c25x');
		assert.equal(second.documents[30].yaml, first.documents[30].yaml, 'documents after the edit reuse their parse, shifted');
		const [s, e] = rangeOf(second.documents[30], ['metadata', 'name'])!;
		assert.equal(edited.slice(s, e), 'c30');
	});

	it('reads disable comments for a whole document', () => {
		const file = parseManifest('file:///a.yaml', 1, '# kubelore-disable host-path-volume, pv-reclaim-recycle\nkind: A\napiVersion: v1\n');
		assert.deepEqual([...file.documents[0].disabledRules], ['host-path-volume', 'pv-reclaim-recycle']);
	});

	it('survives hostile input: alias bombs, deep nesting, binary garbage', () => {
		const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\napiVersion: v1\nkind: ConfigMap\n';
		assert.doesNotThrow(() => parseManifest('file:///a.yaml', 1, bomb));
		assert.doesNotThrow(() => parseManifest('file:///a.yaml', 1, `${'['.repeat(5000)}`));
		assert.doesNotThrow(() => parseManifest('file:///a.yaml', 1, '\u0000\u0001\uffff: : : ---\n...\n---'));
	});

	it('reads files from disk for values first and parses ranges on first use, with the same results', () => {
		const full = parseManifest('file:///a.yaml', 1, TWO);
		const fast = parseManifest('file:///a.yaml', 1, TWO, { valuesFirst: true });
		assert.deepEqual(fast.documents.map((d) => d.resource), full.documents.map((d) => d.resource));
		const [start, end] = rangeOf(fast.documents[1], ['kind'])!;
		assert.equal(TWO.slice(start, end), 'Deployment');
	});

	it('reports syntax errors the same way on the values-first path', () => {
		const broken = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n';
		const fast = parseManifest('file:///a.yaml', 1, broken, { valuesFirst: true });
		const full = parseManifest('file:///a.yaml', 1, broken);
		assert.equal(fast.documents[0].kind, 'broken');
		assert.deepEqual(fast.documents[0].problems, full.documents[0].problems);
		const dup = parseManifest('file:///a.yaml', 1, 'apiVersion: v1\nkind: A\nkind: B\n', { valuesFirst: true });
		assert.equal(dup.documents[0].kind, 'broken', 'duplicate keys are an error on both paths');
	});
});

