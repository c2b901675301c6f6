/*
 * The edits quick fixes are built from (serviceEdits.ts) read a document through the line scan
 * when it has no parse with ranges yet. For every map of every document, each edit must come out
 * the same as from the full parse.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { crossReferenced, manifest } from '../../bench/generate';
import { parseDocumentChunk } from '../../server/src/service/manifest/parse';
import type { NodePath } from '../../server/src/service/manifest/types';
import { tooDeepAt } from '../../server/src/service/manifest/yamlRead';
import { insertAfterKeyEdit, insertFirstKeyEdit, removeKeyEdits, replaceValueEdit } from '../../server/src/service/rules/serviceEdits';
import { chunks, unparsed, yamlFiles } from '../util/documents';
import { ROOT } from '../util/service';

/** Paths of the maps of a document and of their keys. */
function mapPaths(yaml: Document.Parsed): { map: NodePath; keys: NodePath[] }[] {
	const out: { map: NodePath; keys: NodePath[] }[] = [];
	const walk = (node: unknown, path: NodePath, depth: number): void => {
		if (depth > 40) return;
		if (isMap(node)) {
			const keys: NodePath[] = [];
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? pair.key.value : undefined;
				if (typeof key !== 'string') continue;
				keys.push([...path, key]);
				walk(pair.value, [...path, key], depth + 1);
			}
			out.push({ map: path, keys: [...keys, [...path, 'no-such-key']] });
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
		}
	};
	walk(yaml.contents, [], 0);
	return out;
}

interface Tally {
	edits: number;
	documents: number;
	withoutParse: number;
}

function compare(chunk: string, tally: Tally, where: string): void {
	if (tooDeepAt(chunk) >= 0) return;
	const reference = parseDocumentChunk(chunk, 0);
	const yaml = reference.yaml;
	if (!yaml || yaml.errors.length > 0) return;
	const counter = { parses: 0 };
	const fast = unparsed(chunk, yaml, counter);
	tally.documents++;
	for (const { map, keys } of mapPaths(yaml)) {
		const label = (what: string, path: NodePath) => `${where} ${what} ${JSON.stringify(path)}\n${chunk.slice(0, 300)}`;
		assert.deepEqual(insertFirstKeyEdit(chunk, fast, map, 'a: b'), insertFirstKeyEdit(chunk, reference, map, 'a: b'), label('insertFirstKeyEdit', map));
		for (const path of keys) {
			assert.deepEqual(removeKeyEdits(chunk, fast, path), removeKeyEdits(chunk, reference, path), label('removeKeyEdits', path));
			assert.deepEqual(insertAfterKeyEdit(chunk, fast, path, 'a: b'), insertAfterKeyEdit(chunk, reference, path, 'a: b'), label('insertAfterKeyEdit', path));
			assert.deepEqual(replaceValueEdit(fast, path, 'x'), replaceValueEdit(reference, path, 'x'), label('replaceValueEdit', path));
			tally.edits += 4;
		}
	}
	if (counter.parses === 0) tally.withoutParse++;
}

const TRICKY = [
	'apiVersion: v1\nkind: Service\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n    - { port: 81, nodePort: 30081, name: b }\n    -   name: c\n        port: 82   # comment\n  selector: {}\n  empty:\n  last: x\n',
	'a: 1\r\nb:\r\n  c: "quoted"\r\n  d: \'single\'\r\n  e: |\r\n    block\r\n  f: x\r\n',
	'spec:\n  ports:\n  - name: a\n    port: 1\n\n  # between\n  - port: 2\n    targetPort: 3\n  externalTrafficPolicy: Local\n  healthCheckNodePort: 30000\n',
	'a:\n  b: plain over\n    two lines\n  c: d\n  e: >-\n    folded\n  f: g\n',
	'm: { a: 1, b: 2 }\nn: {}\no: [1, 2]\n',
];

describe('edits read through the line scan agree with the full parse', () => {
	it('on hand-written documents', () => {
		const t: Tally = { edits: 0, documents: 0, withoutParse: 0 };
		for (const chunk of TRICKY) compare(chunk, t, 'tricky');
		assert.equal(t.documents, TRICKY.length);
	});

	it('on the bench generators, with no parse for ordinary manifests', () => {
		const t: Tally = { edits: 0, documents: 0, withoutParse: 0 };
		for (const text of [manifest(1500), crossReferenced(1500)]) for (const chunk of chunks(text)) compare(chunk, t, 'generated');
		assert.ok(t.withoutParse > t.documents * 0.9, `${t.withoutParse}/${t.documents} documents edited without a parse`);
	});

	it('on the repository fixtures and examples', () => {
		const t: Tally = { edits: 0, documents: 0, withoutParse: 0 };
		for (const folder of ['test/fixtures', 'examples']) for (const file of yamlFiles(join(ROOT, folder))) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, file);
		assert.ok(t.edits > 1000);
	});

	const corpus = process.env.KUBELORE_CORPUS ?? '/work/shared/corpus';
	it('on every document of a real-world corpus', { skip: !existsSync(corpus) && 'no corpus folder' }, () => {
		const t: Tally = { edits: 0, documents: 0, withoutParse: 0 };
		for (const file of yamlFiles(corpus)) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, file);
		assert.ok(t.withoutParse > t.documents * 0.8, `${t.withoutParse}/${t.documents} documents edited without a parse`);
	});
});
