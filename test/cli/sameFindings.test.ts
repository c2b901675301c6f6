/*
 * The ways a file is read into the index give the same findings: the full parse with ranges, the
 * values-first parse of the editor's workspace (js-yaml, long strings copied out of the text, the
 * tree parsed on use), and the command line's records (also as read back from a cache file).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { workspace } from '../../bench/generate';
import { Checker } from '../../server/src/cli/check';
import { indexSources, type SourceText } from '../../server/src/node/lint';
import { parseManifest } from '../../server/src/service/manifest/parse';
import { loadValues, tooDeepAt } from '../../server/src/service/manifest/yamlRead';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { parseForRecord, plainRecord, shareText, type FileRecord } from '../../server/src/cli/records';
import { recordFromParts, StoredResource, storedParts, type StoredValues } from '../../server/src/cli/storedRecords';
import { observedImages, OBSERVED_KINDS } from '../../server/src/service/workspace/profile';
import { templateLabels } from '../../server/src/service/workspace/selectors';
import { realGraph, ROOT } from '../util/service';
import { sourcesOf } from '../util/sources';

const CORPUS = '/work/shared/corpus';
const CORPUS_OR = (fallback: string) => (existsSync(CORPUS) ? CORPUS : fallback);

const PAIR_A = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: main
          image: registry.example.com/web:1.0.0
          envFrom:
            - configMapRef:
                name: settings
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
`;
const PAIR_B = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: shop
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: webb
  ports:
    - port: 80
      targetPort: 8080
`;

type Way = (index: WorkspaceIndex, sources: SourceText[]) => void;

/** Every reported file's findings, by path, with the index filled one way. */
function findings(root: string, { sources, roots }: { sources: SourceText[]; roots: string[] }, fill: Way): Map<string, unknown> {
	const index = new WorkspaceIndex();
	fill(index, sources);
	index.setFolders(roots.map((r) => URI.file(r).path));
	const checker = new Checker(index, realGraph(), { language: 'en', rules: {}, docsBase: pathToFileURL(join(ROOT, 'docs', 'rules')).toString(), cwd: root, distDir: join(ROOT, 'dist') });
	const out = new Map<string, unknown>();
	for (const source of sources) if (source.report) out.set(source.path, checker.check(source.uri).diagnostics);
	return out;
}

const WAYS: Record<string, Way> = {
	// Parsed with ranges in full, values from the `yaml` package.
	full: (index, sources) => {
		for (const s of sources) index.setFile(s.uri, s.text, 0, false, s.path.includes('/templates/') ? undefined : parseManifest(s.uri, 0, s.text));
	},
	// As the editor's workspace reads files from disk.
	valuesFirst: (index, sources) => {
		for (const s of sources) index.setFile(s.uri, s.text, 0, false);
	},
	// As the command line reads them, parsing each file.
	records: (index, sources) => indexSources(index, sources, () => undefined),
	// As the command line reads them from a cache or index file written by an earlier run (stored as JSON, in the compact form).
	cachedRecords: (index, sources) => {
		const kept = new Map<string, FileRecord>();
		indexSources(new WorkspaceIndex(), sources, () => undefined, (hash, record) => kept.set(hash, storedAndRead(record, false)!));
		indexSources(index, sources, (hash) => kept.get(hash));
	},
	// As a shard reads the files it does not check from an index: values parsed only when a rule reads them (here every file's).
	storedValuesLater: (index, sources) => {
		const kept = new Map<string, FileRecord>();
		indexSources(new WorkspaceIndex(), sources, () => undefined, (hash, record) => kept.set(hash, storedAndRead(record, true)!));
		indexSources(index, sources, (hash) => kept.get(hash));
	},
};

/** A record written as a cache or index file stores it and read back. */
function storedAndRead(record: FileRecord, later: boolean): FileRecord | undefined {
	const { head, values } = storedParts(record);
	return read(head, values, later);
}

/** A record read back from its head and values as a file stores them, the values read from memory (after another record's, as in a file). */
function read(head: string, values: string, later: boolean): FileRecord | undefined {
	const before = '{"kind":"before"},';
	const bytes = Buffer.from(before + values);
	const at: StoredValues = {
		readValues(offset, length) {
			if (offset + length > bytes.length) throw new Error('past the values');
			return bytes.subarray(offset, offset + length);
		},
	};
	return recordFromParts(head, Buffer.byteLength(before), Buffer.byteLength(values), at, later);
}

function sameEveryWay(root: string, input: { sources: SourceText[]; roots: string[] }): number {
	const expected = findings(root, input, WAYS.full);
	for (const [name, way] of Object.entries(WAYS)) {
		if (name === 'full') continue;
		const got = findings(root, input, way);
		assert.deepEqual([...got.keys()], [...expected.keys()], name);
		for (const [path, diagnostics] of expected) assert.deepStrictEqual(got.get(path), diagnostics, `${name}: ${path}`);
	}
	return [...expected.values()].reduce<number>((n, d) => n + (d as unknown[]).length, 0);
}

describe('the ways of reading files into the index', () => {
	let folder: string;
	before(() => {
		folder = mkdtempSync(join(tmpdir(), 'kubelore-same-'));
		// Padded ConfigMaps hold long strings: the values whose text js-yaml would otherwise keep.
		workspace(folder, 60, 7, 2);
	});
	after(() => rmSync(folder, { recursive: true, force: true }));

	it('give the same findings on a generated workspace', async () => {
		const count = sameEveryWay(folder, await sourcesOf(folder));
		assert.ok(count > 20, `the workspace has findings to compare (${count})`);
	});

	it('give the same findings whatever order the files are checked in (related places in files checked before)', async () => {
		// A checked file lets its line offsets go: findings of files checked after it that point into it work them out again.
		const mixed = mkdtempSync(join(tmpdir(), 'kubelore-order-'));
		try {
			workspace(mixed, 20, 7, 1);
			for (let k = 0; k < 5; k++) {
				// A Deployment and the claim and Service of it in another file: findings of each point into the other.
				mkdirSync(join(mixed, `pair-${k}`));
				writeFileSync(join(mixed, `pair-${k}`, 'a.yaml'), PAIR_A.replaceAll('shop', `shop-${k}`));
				writeFileSync(join(mixed, `pair-${k}`, 'b.yaml'), PAIR_B.replaceAll('shop', `shop-${k}`));
			}
			const input = await sourcesOf(mixed);
			const forward = findings(mixed, input, WAYS.records);
			const backward = findings(mixed, { ...input, sources: [...input.sources].reverse() }, WAYS.records);
			assert.deepEqual([...backward.keys()].sort(), [...forward.keys()].sort());
			let elsewhere = 0;
			for (const [path, diagnostics] of forward) {
				assert.deepStrictEqual(backward.get(path), diagnostics, path);
				for (const d of diagnostics as Diagnostic[]) elsewhere += (d.relatedInformation ?? []).filter((r) => r.location.uri !== URI.file(path).toString()).length;
			}
			assert.ok(elsewhere >= 10, `findings point into other files (${elsewhere})`);
		} finally {
			rmSync(mixed, { recursive: true, force: true });
		}
	});

	it('give the same findings on the corpus of real manifests', { skip: !existsSync(CORPUS) && 'no corpus here' }, async () => {
		const count = sameEveryWay(CORPUS, await sourcesOf(CORPUS));
		assert.ok(count > 20, `the corpus has findings to compare (${count})`);
	});

	it('store records compactly and read them back the same', async () => {
		const { sources } = await sourcesOf(CORPUS_OR(folder));
		let documents = 0;
		for (const source of sources) {
			indexSources(new WorkspaceIndex(), [source], () => undefined, (_, record) => {
				documents += record.length;
				// Compared as JSON: fields left undefined are absent from one side only.
				assert.deepStrictEqual(JSON.parse(JSON.stringify(storedAndRead(record, false))), JSON.parse(JSON.stringify(record)), source.path);
				// Read with the values left as stored: the resource's own fields at once, the same value when read.
				const later = storedAndRead(record, true)!;
				assert.equal(later.length, record.length);
				for (const [i, document] of later.entries()) {
					const { resource } = document;
					if (!resource) continue;
					assert.ok(resource instanceof StoredResource && !resource.parsed, source.path);
					const { value, ...own } = record[i].resource!;
					assert.deepStrictEqual({ apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name, namespace: resource.namespace, labels: resource.labels, annotations: resource.annotations }, own, source.path);
					// Whether the value may hold containers, told without reading it: false only when it has none.
					if (!resource.mayHold('containers')) assert.doesNotMatch(JSON.stringify(value), /"containers":/, source.path);
					else assert.match(JSON.stringify(value), /"containers":/, source.path);
					assert.equal(resource.mayHold('apiVersion'), true);
					// A DaemonSet's or Deployment's images as the cluster profile reads them from its value.
					if (OBSERVED_KINDS.includes(resource.kind)) assert.deepStrictEqual(resource.podImages, observedImages(record[i].resource!), source.path);
					else assert.equal(resource.podImages, undefined);
					// A workload's pod labels as they are read from its value.
					assert.deepStrictEqual(templateLabels(resource), templateLabels(record[i].resource!), source.path);
					assert.deepStrictEqual(JSON.parse(JSON.stringify(resource.value)), JSON.parse(JSON.stringify(value)), source.path);
					assert.ok(resource.parsed);
				}
			});
		}
		assert.ok(documents > 50);
		for (const later of [false, true]) {
			assert.equal(read('{"not":"a record"}', '', later), undefined);
			// A resource without its value, or a value more than the documents have.
			assert.equal(read('[[0,10,"resource",0,["v1","ConfigMap",null,null,0,0,0,0,0],0,0,0]]', '', later), undefined);
			assert.equal(read('[[0,10,"other",0,0,0,0,0]]', '{"kind":"ConfigMap"}', later), undefined);
			// Lengths that are not those of the values part (a part cut short).
			assert.equal(read('[[0,10,"resource",0,["v1","ConfigMap",null,null,0,0,0,0,0],0,0,19]]', '{"kind":"ConfigMap"}', later), undefined);
		}
		assert.equal(read('[[0,10,"resource",0,[1,"ConfigMap",null,null,0,0,0,0,0],0,0,20]]', '{"kind":"ConfigMap"}', true), undefined);
		const whole = read('[[0,10,"resource",0,["v1","ConfigMap",null,null,0,0,0,0,0],0,0,20]]', '{"kind":"ConfigMap"}', true);
		assert.equal(whole?.[0].resource?.kind, 'ConfigMap');
	});

	it('read the same values as js-yaml itself, long strings included', async () => {
		const { sources } = await sourcesOf(folder);
		let long = 0;
		for (const source of sources) {
			for (const document of parseManifest(source.uri, 0, source.text, { valuesFirst: true }).documents) {
				if (!document.resource) continue;
				assert.deepStrictEqual(document.resource.value, loadValues(document.text), source.path);
				long += JSON.stringify(document.resource.value).includes('x'.repeat(1000)) ? 1 : 0;
			}
		}
		assert.ok(long > 0, 'some values are long strings');
	});
});

describe('long strings shared with the text', () => {
	const text = [
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata: { name: one }',
		'data:',
		`  plain: ${'p'.repeat(100)}`,
		`  quoted: "${'q'.repeat(100)}"`,
		`  escaped: "${'e'.repeat(50)}\\n${'e'.repeat(50)}"`,
		`  folded: >-\n    ${'f'.repeat(50)}\n    ${'f'.repeat(50)}`,
		'  list:',
		`    - ${'l'.repeat(100)}`,
		'---',
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata: { name: two }',
		`data: { later: ${'p'.repeat(100)} }`,
		'',
	].join('\n');

	it('keeps every value as it was read, written as it is in the text or not', () => {
		const record = plainRecord(parseForRecord('file:///shared.yaml', text));
		const before = JSON.parse(JSON.stringify(record)) as unknown;
		shareText(record, text);
		assert.deepStrictEqual(JSON.parse(JSON.stringify(record)), before);
		const data = record[0].resource!.value.data as Record<string, unknown>;
		assert.equal(data.escaped, `${'e'.repeat(50)}\n${'e'.repeat(50)}`);
		assert.equal(data.folded, `${'f'.repeat(50)} ${'f'.repeat(50)}`);
		assert.deepEqual(data.list, ['l'.repeat(100)]);
		assert.equal((record[1].resource!.value.data as Record<string, unknown>).later, 'p'.repeat(100));
	});

	it('keeps every value as it was read when short strings are shared across files', async () => {
		const same = new Map<string, string>();
		const { sources } = await sourcesOf(CORPUS_OR(folderFor()));
		let met = 0;
		for (const source of sources) {
			const record = plainRecord(parseForRecord(source.uri, source.text));
			const before = JSON.parse(JSON.stringify(record)) as unknown;
			shareText(record, source.text, same);
			assert.deepStrictEqual(JSON.parse(JSON.stringify(record)), before, source.path);
			met += JSON.stringify(record).match(/"[^"]{1,20}"/g)?.length ?? 0;
		}
		assert.ok(same.size > 10 && same.size < met / 4, `short strings met more than once (${same.size} of ${met})`);
	});
});

describe('the depth check without a scan', () => {
	// A bracket in a trailing comment changes nothing the scan finds, but makes it scan every character.
	const scanned = (chunk: string) => tooDeepAt(`${chunk}\n# [`);

	it('answers as the full scan does around the limit, for maps, sequences and both', () => {
		const shapes: Record<string, (depth: number) => string> = {
			maps: (depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
			sequences: (depth) => `${'- '.repeat(depth)}x`,
			'sequences in maps': (depth) => Array.from({ length: Math.ceil(depth / 2) }, (_, i) => `${' '.repeat(2 * i)}- k${i}:`).join('\n'),
			'dashes on indented lines': (depth) => `a:\n${' '.repeat(depth - 300)}${'- '.repeat(300)}x`,
			// Indented maps, then a line of `- ` entries as deep as they go: the most depth for the leading run.
			'maps, then entries': (depth) => {
				const n = Math.ceil((depth - 1) / 3);
				return `${Array.from({ length: 2 * n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n${'- '.repeat(n)}x`;
			},
			'comments and blank lines': (depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:\n\n${' '.repeat(i + 1)}# note`).join('\n'),
		};
		let deep = 0;
		for (const [name, shape] of Object.entries(shapes)) {
			for (const depth of [600, 665, 666, 667, 998, 999, 1000, 1001, 1002, 1300]) {
				const chunk = shape(depth);
				assert.equal(tooDeepAt(chunk), scanned(chunk), `${name}, ${depth} levels`);
				if (scanned(chunk) >= 0) deep++;
			}
		}
		assert.ok(deep >= 5, 'some of them are too deep');
	});

	it('answers as the full scan does on every document of the corpus and a generated workspace', async () => {
		const { sources } = await sourcesOf(CORPUS_OR(folderFor()));
		for (const source of sources) assert.equal(tooDeepAt(source.text), scanned(source.text), source.path);
	});
});

function folderFor(): string {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-depth-'));
	workspace(folder, 5, 7, 1);
	return folder;
}
