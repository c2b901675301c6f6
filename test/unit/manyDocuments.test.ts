/*
 * Files of many documents: what the index notes when they come and change (WorkspaceIndex.changedAt),
 * validation of texts a file holds more than once, and the Service reading the Service rules share.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifest } from '../../server/src/service/manifest/parse';
import { readService } from '../../server/src/service/rules/serviceSpec';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { FOLDER, settings, workspace } from '../util/service';

const config = (name: string, value = 'v') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: ${value}\n`;
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const CUSTOM = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';
const EXTERNAL = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ExternalName\n  externalName: 10.0.0.1\n  clusterIP: 10.0.0.2\n  selector: { app: a }\n`;

/** The keys that moved past `stamp`. */
function movedSince(index: WorkspaceIndex, stamp: number, keys: string[]): string[] {
	return keys.filter((key) => index.changedAt(key) > stamp);
}

const KEYS = ['ConfigMap', '@ConfigMap', 'ConfigMap:names', 'Deployment', '@Deployment', 'Deployment:names', 'Widget', '#pods', '#custom', '#layout', 'Secret', 'Secret:names'];

describe('the index notes what a file of many documents changes', () => {
	it('a new file moves the keys of every kind it holds, the pods and the custom resources, and nothing else', () => {
		const index = new WorkspaceIndex([FOLDER]);
		const stamp = index.changeStamp;
		const docs = [...Array.from({ length: 300 }, (_, i) => config(`c${i}`)), DEPLOYMENT, CUSTOM];
		index.setFile(`file://${FOLDER}/many.yaml`, docs.join('---\n'), 1, true);
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', 'ConfigMap:names', 'Deployment', '@Deployment', 'Deployment:names', 'Widget', '#pods', '#custom']);
	});

	it('a value edited in one document moves its kind but not the names; a renamed one moves the names', () => {
		const index = new WorkspaceIndex([FOLDER]);
		const uri = `file://${FOLDER}/many.yaml`;
		const docs = [...Array.from({ length: 50 }, (_, i) => config(`c${i}`)), DEPLOYMENT];
		index.setFile(uri, docs.join('---\n'), 1, true);
		let stamp = index.changeStamp;
		docs[10] = config('c10', 'changed');
		index.setFile(uri, docs.join('---\n'), 2, true);
		// The documents below it moved: `@Kind` says where documents sit.
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', '@Deployment']);
		stamp = index.changeStamp;
		docs[10] = config('renamed', 'changed');
		index.setFile(uri, docs.join('---\n'), 3, true);
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', 'ConfigMap:names', '@Deployment']);
		stamp = index.changeStamp;
		index.removeFile(uri);
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', 'ConfigMap:names', 'Deployment', '@Deployment', 'Deployment:names', '#pods']);
	});

	it('documents that only swap places are noted as changed, with their names', () => {
		const index = new WorkspaceIndex([FOLDER]);
		const uri = `file://${FOLDER}/swap.yaml`;
		// Each document after a `---` of its own, so that a document's text is the same wherever it sits.
		const file = (docs: string[]) => docs.map((d) => `---\n${d}`).join('');
		index.setFile(uri, file([config('a'), config('b'), DEPLOYMENT]), 1, true);
		let stamp = index.changeStamp;
		index.setFile(uri, file([config('b'), config('a'), DEPLOYMENT]), 2, true);
		// Every document of the file counts as edited, the Deployment that stayed too: answers come in a new order.
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', 'ConfigMap:names', 'Deployment', '@Deployment', 'Deployment:names', '#pods']);
		stamp = index.changeStamp;
		index.setFile(uri, file([DEPLOYMENT, config('b'), config('a')]), 3, true);
		assert.deepEqual(movedSince(index, stamp, KEYS), ['ConfigMap', '@ConfigMap', 'ConfigMap:names', 'Deployment', '@Deployment', 'Deployment:names', '#pods']);
	});
});

describe('resources by kind and name', () => {
	it('are those of the kind with that name, by URI and offset, whatever order files came, changed and went in', () => {
		const index = new WorkspaceIndex([FOLDER]);
		const names = ['a', 'b', '', 'a-long-name-of-a-config', 'B'];
		const fileText = (n: number) =>
			Array.from({ length: 1 + (n % 4) }, (_, k) => (names[(n + k) % names.length] ? config(names[(n + k) % names.length]) : 'apiVersion: v1\nkind: ConfigMap\ndata: { k: v }\n')).join('---\n');
		const check = () => {
			const all = index.ofKind('ConfigMap');
			for (const name of [...names, 'missing']) {
				const expected = all.filter((e) => (e.resource.name ?? '') === name);
				assert.deepEqual(index.named('ConfigMap', name).map((e) => [e.uri, e.document.start]), expected.map((e) => [e.uri, e.document.start]), `named ${JSON.stringify(name)}`);
			}
			assert.deepEqual(index.named('Secret', 'a'), []);
		};
		// Files come in no particular order, some change, some go, with lookups in between.
		const order = [7, 2, 9, 0, 4, 11, 3, 8, 1, 10, 6, 5];
		for (const [step, n] of order.entries()) {
			index.setFile(`file://${FOLDER}/f${n}.yaml`, fileText(n), 1, false);
			if (step % 3 === 0) check();
		}
		check();
		index.setFile(`file://${FOLDER}/f3.yaml`, fileText(4), 2, true);
		index.removeFile(`file://${FOLDER}/f9.yaml`);
		check();
		index.removeFile(`file://${FOLDER}/f0.yaml`);
		index.setFile(`file://${FOLDER}/f12.yaml`, fileText(12), 1, false);
		check();
		assert.ok(index.named('ConfigMap', 'a').length > 2, 'names repeat across files');
	});
});

/** Diagnostics without what only the protocol carries apart from the finding (the same in both). */
function shown(diagnostics: Diagnostic[]): unknown[] {
	return diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range, related: d.relatedInformation }));
}

describe('validation of a file that holds a text more than once', () => {
	it('gives each copy its own findings, before and after an edit above them, as a fresh service does', () => {
		const texts = [EXTERNAL('a'), config('c'), EXTERNAL('a'), EXTERNAL('b'), EXTERNAL('a')];
		const { service, uri } = workspace({ 'twice.yaml': texts.join('---\n') });
		const file = uri('twice.yaml');
		const first = service.doValidation(file, settings());
		assert.equal(first.filter((d) => d.code === 'service-external-name-misuse').length, 12, 'three findings for each of the four Services');
		const lines = new Set(first.map((d) => d.range.start.line));
		assert.ok(lines.size >= 12, 'the copies are reported where each one is');
		for (const edited of [[config('top'), ...texts], [config('top'), ...texts.slice(0, 4)], [EXTERNAL('a'), EXTERNAL('a'), ...texts]]) {
			const text = edited.join('---\n');
			service.index.setFile(file, text, 2, true);
			const fresh = workspace({ 'twice.yaml': text });
			assert.deepEqual(shown(service.doValidation(file, settings())), shown(fresh.service.doValidation(fresh.uri('twice.yaml'), settings())));
		}
	});
});

describe('the Service the Service rules read', () => {
	it('is read for each resource asked about, when two are asked about in turn', () => {
		const docs = parseManifest('file:///ws/s.yaml', 1, [EXTERNAL('a'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  type: NodePort\n  ports: [{ port: 80, nodePort: 30080 }]\n', config('c')].join('---\n'), {}).documents;
		const [a, b, c] = docs.map((d) => d.resource!);
		for (const resource of [a, b, a, c, b]) {
			const spec = readService(resource);
			if (resource === c) assert.equal(spec, undefined);
			else assert.equal(spec?.type, resource === a ? 'ExternalName' : 'NodePort');
		}
		assert.equal(readService(b)?.ports[0]?.nodePort, 30080);
		assert.equal(readService(a)?.selectorWritten, true);
	});
});
