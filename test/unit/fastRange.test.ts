import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { crossReferenced, manifest, random } from '../../bench/generate';
import { ABSENT, lightNodeAt, lightRange, lightTree, UNKNOWN } from '../../server/src/service/manifest/fastRange';
import { firstKeyRange, keyRangeOf, rangeOf, scalarAt } from '../../server/src/service/manifest/nodes';
import { parseDocumentChunk, parseManifest } from '../../server/src/service/manifest/parse';
import type { NodePath } from '../../server/src/service/manifest/types';
import { tooDeepAt } from '../../server/src/service/manifest/yamlRead';
import { hostileInputs } from '../fuzz/hostileInputs';
import { chunks, unparsed, yamlFiles } from '../util/documents';
import { ROOT, settings, workspace } from '../util/service';

/** Paths asked of one document: every path in its tree, and a few that are surely not there. */
function pathsOf(yaml: Document.Parsed, limit: number): NodePath[] {
	const out: NodePath[] = [];
	const walk = (node: unknown, path: NodePath, depth: number): void => {
		if (depth > 60) return;
		out.push(path);
		if (isMap(node)) {
			out.push([...path, 'no-such-key']);
			const step = Math.max(1, Math.floor(node.items.length / limit));
			node.items.forEach((pair, i) => {
				if (i % step !== 0 && i !== node.items.length - 1) return;
				const key = isScalar(pair.key) ? pair.key.value : undefined;
				if (typeof key === 'string' || typeof key === 'number') walk(pair.value, [...path, key], depth + 1);
			});
		} else if (isSeq(node)) {
			out.push([...path, node.items.length], [...path, 'x']);
			node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
		} else {
			out.push([...path, 'x'], [...path, 0]);
		}
	};
	walk(yaml.contents, [], 0);
	return out;
}

interface Tally {
	asked: number;
	fast: number;
	/** Asked for the range of a block map or sequence, which the scan leaves to the parser. */
	collections: number;
	documents: number;
	scanned: number;
}

/** Asserts, for every path of a document, that the scan gives the full parse's range or gives up. */
function compare(chunk: string, tally: Tally, limit = 400, where = ''): void {
	if (tooDeepAt(chunk) >= 0) return; // read as broken, never scanned
	const reference = parseDocumentChunk(chunk, 0);
	const yaml = reference.yaml; // read: nodes.ts now answers from this tree
	if (!yaml) return;
	const counter = { parses: 0 };
	const fast = unparsed(chunk, yaml, counter);
	const tree = lightTree(chunk);
	tally.documents++;
	if (tree) tally.scanned++;
	const label = (path: NodePath, what: string) => `${where} ${JSON.stringify(path)} ${what}\n${chunk.slice(0, 400)}`;
	assert.deepEqual(firstKeyRange(fast), firstKeyRange(reference), label([], 'first key'));
	for (const path of pathsOf(yaml, limit)) {
		for (const key of [false, true]) {
			const light = lightRange(tree, path, key);
			tally.asked++;
			if (light !== UNKNOWN) tally.fast++;
			else if (!key && isBlockCollection(yaml.getIn(path, true))) tally.collections++;
			const expected = rangeOf(reference, path, key);
			if (light !== UNKNOWN) assert.deepEqual(light === ABSENT ? undefined : light, expected, label(path, key ? 'key' : 'value'));
			assert.deepEqual(rangeOf(fast, path, key), expected, label(path, key ? 'key (nodes.ts)' : 'value (nodes.ts)'));
		}
		assert.deepEqual(keyRangeOf(fast, path), keyRangeOf(reference, path), label(path, 'keyRangeOf'));
		assert.deepEqual(scalarAt(fast, path), scalarAt(reference, path), label(path, 'scalarAt'));
	}
}

function tally(): Tally {
	return { asked: 0, fast: 0, collections: 0, documents: 0, scanned: 0 };
}

function isBlockCollection(node: unknown): boolean {
	return (isMap(node) || isSeq(node)) && !node.flow;
}

function report(name: string, t: Tally): string {
	const rate = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
	return `${name}: ${t.fast}/${t.asked} ranges by the scan (${rate(t.fast, t.asked)}; ${rate(t.fast, t.asked - t.collections)} leaving out the ${t.collections} asked of block collections), ${t.scanned}/${t.documents} documents read by the scan`;
}

const TRICKY = [
	'# leading comment\n\napiVersion: v1   # trailing\nkind: Service\nmetadata:\n  name: web # the name\n  labels:\n    "app.kubernetes.io/name": web\n    \'tier\': back\n    a.b/c: d\nspec:\n  ports:\n    - name: http\n      port: 80\n    -   name: https\n        port: 443\n',
	'a:\n- 1\n- - x\n  - y\n-\n  - z\n- \n-\n- k: v\n  l:\n  - m\nb: done\n',
	'a: |\n  line one\n\n  line two\n\nb: >-\n  folded\n  text\nc: |+\n  keep\n\n\nd: 1\n',
	'a: plain over\n  two lines\nb: x\n\n  after a blank\nc: 3\n',
	'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  key: "value"\r\n  other: plain  \r\n',
	'\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n',
	'\uFEFF---\napiVersion: v1\nkind: ConfigMap\n',
	'a:\nb:   \nc: # comment\nd:\n  # only a comment\ne: ""\nf: \'\'\ng: ~\nh: null\n',
	'url: http://example.com:8080/path\n"key: with colon": 1\nkey.with.dots: 2\nk:v: 3\n',
	'spec:\n  name: outer\n  template:\n    name: inner\n    spec:\n      name: innermost\n',
	'# comment before\n--- # marker comment\n# after the marker\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n...\n# after the end\n',
	'a: { x: 1, y: [1, 2] }  # flow\nb: [ "q", \'r\' ]\nc:\n  - [a, b]\n  - {k: v}\n',
	'a: &anchor\n  x: 1\nb: *anchor\n',
	'base: &b { type: NodePort }\nspec:\n  <<: *b\n',
	'a: !!str 1\nb: !custom x\n',
	'%YAML 1.1\n---\na: yes\n',
	'? complex\n: value\n',
	'a:\tb\n',
	'a: "multi\n  line"\nb: 1\n',
	"a: 'it''s'\nb: \"esc\\\"aped\"\n\"q\\\"k\": 1\n'it''s': 2\n",
	'1: one\n2.5: two\ntrue: three\nnull: four\n.dockerconfigjson: x\n-dash: y\n',
	'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n',
	'  indented: root\n  second: key\n',
	'- a\n- b: c\n  d: e\n',
	'a:\n    b: 1\n  c: 2\n',
	'a: x # comment\n  y\n',
	'key: value: nested\n',
	'a: -1\nb: - x\n',
	'a: [unclosed\nb: 1\n',
	'a: "x" trailing\n',
	'a: "x"#c\n',
	'a:\n  - b\n  c: d\n',
	'just a scalar\n',
	'',
	'# only comments\n',
	'a: 1\n---\nb: 2\n',
	'a: x#notcomment\nb: "#quoted"\n',
	`${'k'.repeat(1030)}: long key\n`,
	'a:\n  b:\n    c:\n      d:\n        e: deep\n',
	'list:\n- name: a\n  value: 1\n- name: b\n  value: 2\nnext: x\n',
	'a: |\n\tx\nb: 1\n',
	'a: b\n \t\nc: d\n',
	't:\n  m:\n    l:\n      a: b\n      # c\n  s: 1\n',
	't:\n  m:\n    a: b\n    # c\n\n  s: 1\n',
	'a:\n  b:\n    c: 1\n\n\n# trailing\n  # more\n',
	'a:\n  b: 1\n  # x\n    # deeper\n# shallow\nc: 2\n',
	'a:\n  b:\n  # empty value, then a comment\nc:\n  - x\n  # c\n  - y\n    # deeper\nd: |\n  text\n  # in the text\n# after\n',
	'x:\n  m:\n    a: b\n\n  s: 1\n  t:\n  - 1\n  -\n',
];

describe('the line scan gives exactly the ranges of the full parse, or gives up', () => {
	it('agrees on hand-written tricky documents', () => {
		const t = tally();
		for (const text of TRICKY) for (const chunk of chunks(text)) compare(chunk, t, 400, 'tricky');
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('tricky', t));
		assert.ok(t.fast > t.asked / 2, report('tricky', t));
	});

	it('answers ordinary shapes without the parse, and gives up on what it does not read', () => {
		for (const text of [TRICKY[0], TRICKY[1], TRICKY[4], TRICKY[5], TRICKY[6], TRICKY[7], TRICKY[8], TRICKY[10], TRICKY[11], TRICKY[19]]) assert.ok(lightTree(chunks(text).at(-1)!), text);
		for (const text of [TRICKY[12], TRICKY[13], TRICKY[14], TRICKY[15], TRICKY[16], TRICKY[17], TRICKY[18], TRICKY[24], TRICKY[25], TRICKY[26], TRICKY[27], TRICKY[28], TRICKY[29], TRICKY[30]]) {
			assert.equal(lightTree(text), undefined, text);
		}
		const crlf = lightTree(TRICKY[4]);
		assert.deepEqual(lightRange(crlf, ['data', 'other'], false), [TRICKY[4].indexOf('plain'), TRICKY[4].indexOf('plain') + 5]);
		assert.equal(lightRange(crlf, ['data', 'missing'], true), ABSENT);
		assert.equal(lightRange(crlf, ['data', 'key', 'deeper'], false), ABSENT);
		// A key the core schema reads as a number or a boolean: the map is left to the parser.
		assert.equal(lightNodeAt(lightTree(TRICKY[20]), ['x']), UNKNOWN);
		const block = lightTree(TRICKY[2]);
		assert.deepEqual(lightRange(block, ['a'], false), [3, TRICKY[2].indexOf('\n\nb:') + 1], 'a block scalar ends after its last line of text');
		assert.equal(lightRange(block, ['c'], false), UNKNOWN, 'kept trailing lines (`|+`) are left to the parser');
		assert.deepEqual(lightRange(block, ['b'], true), [TRICKY[2].indexOf('b: >'), TRICKY[2].indexOf('b: >') + 1]);
	});

	it('agrees on every document of the bench generators', () => {
		const t = tally();
		for (const text of [manifest(3000), crossReferenced(3000)]) for (const chunk of chunks(text)) compare(chunk, t, 400, 'generated');
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('generated', t));
		// Only block scalars (a ConfigMap's properties file) are left to the parser besides collections.
		assert.ok(t.fast > (t.asked - t.collections) * 0.98, report('generated', t));
	});

	it('agrees on the hostile inputs (large maps sampled)', () => {
		const t = tally();
		for (const input of hostileInputs()) {
			// map-40k is map-20k twice over; a project configuration is no manifest.
			if (input.projectConfig || input.name === 'map-40k.yaml') continue;
			const list = chunks(input.text);
			const step = Math.max(1, Math.floor(list.length / 500));
			list.forEach((chunk, i) => {
				if (i % step === 0) compare(chunk, t, 200, input.name);
			});
		}
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('hostile', t));
		assert.ok(t.fast > 0);
	});

	it('agrees on every document of the repository\'s YAML files', () => {
		const t = tally();
		const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))];
		for (const file of files) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, 400, file);
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('repository', t));
		assert.ok(t.fast > (t.asked - t.collections) * 0.8, report('repository', t));
	});

	it('agrees on seeded random variations: comments, blank lines, spaces, quotes and indentation moved about', () => {
		// KUBELORE_FAST_RANGE_SEED and KUBELORE_FAST_RANGE_VARIATIONS run a longer search by hand.
		const rnd = random(Number(process.env.KUBELORE_FAST_RANGE_SEED ?? 12));
		const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
		const bases = [...chunks(crossReferenced(400)), ...TRICKY.slice(0, 12), TRICKY[40], TRICKY[41], ...TRICKY.slice(44)];
		const edits: ((lines: string[], at: number) => void)[] = [
			(lines, at) => lines.splice(at, 0, `${' '.repeat(Math.floor(rnd() * 10))}# note`),
			(lines, at) => lines.splice(at, 0, ' '.repeat(Math.floor(rnd() * 4))),
			(lines, at) => (lines[at] = `${lines[at]}${pick(['  ', ' # c', '\r', ' #', '  # x: y'])}`),
			(lines, at) => (lines[at] = lines[at].replace(/: (\S+)$/, pick([": '$1'", ': "$1"', ':  $1', ': [$1]', ': { k: $1 }', ':', ': |\n  $1']))),
			(lines, at) => (lines[at] = lines[at].replace(/^( *)/, pick(['$1 ', '$1  ', '']))),
			(lines, at) => lines.splice(at, 1),
			(lines, at) => lines.splice(at, 0, lines[Math.floor(rnd() * lines.length)] ?? ''),
			(lines, at) => (lines[at] = lines[at].replace(/^( *)- /, pick(['$1-   ', '$1-\n$1  ']))),
			(lines, at) => (lines[at] = lines[at].replace(/^( *)([\w.-]+):/, pick(['$1"$2":', "$1'$2':", '$1$2 :', '$1- $2:']))),
			(lines, at) => lines.splice(at, 0, (lines[at] ?? '').replace(/^( *).*/, pick(['$1-', '$1- ', '$1k:', '$1k: ', '$1- k:', '$1- k: v']))),
		];
		const wholes: ((text: string) => string)[] = [(text) => text.replace(/\n/g, '\r\n'), (text) => `\uFEFF${text}`, (text) => `# c\n--- # d\n${text}`, (text) => `${text}...\n`, (text) => text];
		const t = tally();
		for (let n = 0; n < Number(process.env.KUBELORE_FAST_RANGE_VARIATIONS ?? 1500); n++) {
			const lines = pick(bases).split('\n');
			for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) pick(edits)(lines, Math.floor(rnd() * lines.length));
			compare(pick(wholes)(lines.join('\n')), t, 400, `variation ${n}`);
		}
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('variations', t));
		assert.ok(t.fast > t.asked * 0.3, report('variations', t));
	});

	// A real-world corpus kept outside the repository, used when present.
	const corpus = process.env.KUBELORE_CORPUS ?? '/work/shared/corpus';
	it('agrees on every document of a real-world corpus', { skip: !existsSync(corpus) && 'no corpus folder' }, () => {
		const t = tally();
		for (const file of yamlFiles(corpus)) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, 400, file);
		if (process.env.KUBELORE_FAST_RANGE_REPORT) console.log(report('corpus', t));
		assert.ok(t.fast > (t.asked - t.collections) * 0.9, report('corpus', t));
	});
});

describe('finding places without the full parse', () => {
	it('validation of an opened file parses no document for findings on scanned documents', () => {
		const claim = (i: number, mode: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${i}\nspec:\n  storageClassName: fast\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 1Gi\n`;
		const svc = (i: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  type: ExternalName\n  externalName: 10.0.0.${i}\n`;
		const cls = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n';
		const text = [cls, claim(1, 'ReadWriteMany'), svc(1), svc(2)].join('---\n');
		const { service, uri } = workspace({ 'a.yaml': text });
		const file = uri('a.yaml');
		const diagnostics = service.doValidation(file, settings());
		assert.ok(diagnostics.length >= 3, diagnostics.map((d) => d.code).join());
		let waiting = 0;
		const ahead = service.rangesAhead(file);
		while (!ahead.next().done) waiting++;
		assert.equal(waiting, 4, 'no document was parsed with ranges to place the findings');
		// The same diagnostics as when every document is parsed first.
		const again = workspace({ 'a.yaml': text });
		const parsedFirst = again.uri('a.yaml');
		const steps = again.service.rangesAhead(parsedFirst);
		while (!steps.next().done);
		assert.deepEqual(again.service.doValidation(parsedFirst, settings()), diagnostics);
	});

	it('a document with an anchor is still placed by its full parse', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nx: &p { port: 80 }\nspec:\n  type: Nope\n  ports: [*p]\n';
		const document = parseManifest('file:///a.yaml', 1, text, { valuesFirst: true }).documents[0];
		assert.deepEqual(rangeOf(document, ['spec', 'type']), [text.indexOf('Nope'), text.indexOf('Nope') + 4]);
	});
});
