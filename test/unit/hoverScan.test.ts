import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crossReferenced, manifest, random } from '../../bench/generate';
import { lightAt, lightTree, UNKNOWN } from '../../server/src/service/manifest/fastRange';
import { nodeAt, type NodeAtOffset } from '../../server/src/service/manifest/nodes';
import { parseDocumentChunk } from '../../server/src/service/manifest/parse';
import type { ManifestDocument } from '../../server/src/service/manifest/types';
import { tooDeepAt } from '../../server/src/service/manifest/yamlRead';
import { hostileInputs } from '../fuzz/hostileInputs';
import { fieldDocs } from '../fixtures/hover/harness';
import { chunks, unparsed, yamlFiles } from '../util/documents';
import { ROOT, settings, workspace } from '../util/service';
import { createLanguageService } from '../../server/src/service/service';
import { positions } from '../../bench/single';

/** What a hover reads of the node at an offset. */
function shape(at: NodeAtOffset | undefined) {
	return at && { path: at.path, isKey: at.isKey, value: at.scalar?.value, range: at.scalar?.range ? [at.scalar.range[0], at.scalar.range[1]] : undefined };
}

interface Tally {
	asked: number;
	scanned: number;
}

/**
 * Asserts that the node at each offset of a document, found by the line scan without the full
 * parse, is the one the full parse finds; and counts the offsets the scan answered alone.
 */
function compare(chunk: string, tally: Tally, step = 1, where = ''): void {
	if (tooDeepAt(chunk) >= 0) return; // read as broken, never scanned
	const reference = parseDocumentChunk(chunk, 0);
	const yaml = reference.yaml;
	if (!yaml) return;
	const counter = { parses: 0 };
	// The resource as the service reads it values-first: block scalars take their text from its value.
	const fast = unparsed(chunk, yaml, counter, parseDocumentChunk(chunk, 0, { valuesFirst: true }).resource);
	const tree = lightTree(chunk);
	const file = (document: ManifestDocument) => ({ uri: 'file:///a.yaml', version: 1, text: chunk, documents: [document] });
	for (let offset = 0; offset <= chunk.length; offset += step) {
		tally.asked++;
		const before = counter.parses;
		const expected = shape(nodeAt(file(reference), offset));
		assert.deepEqual(shape(nodeAt(file(fast), offset)), expected, `${where} offset ${offset} (${JSON.stringify(chunk.slice(Math.max(0, offset - 20), offset))}|${JSON.stringify(chunk.slice(offset, offset + 20))})\n${chunk.slice(0, 400)}`);
		// The tree read for this offset alone answers as the whole tree does (at some of the offsets of a long document).
		if (chunk.length <= 20_000 || offset % 101 === 0) assert.deepEqual(lightAt(lightTree(chunk, offset), chunk, offset), lightAt(tree, chunk, offset), `${where} offset ${offset}, the tree for it alone\n${chunk.slice(0, 400)}`);
		if (counter.parses === before) tally.scanned++;
		else assert.equal(lightAt(tree, chunk, offset), UNKNOWN, 'the scan answered, yet the document was parsed');
	}
}

const tally = (): Tally => ({ asked: 0, scanned: 0 });
const report = (name: string, t: Tally) => `${name}: ${t.scanned}/${t.asked} offsets answered by the scan (${((100 * t.scanned) / t.asked).toFixed(1)}%)`;

const TRICKY = [
	'apiVersion: v1\nkind: Service\nmetadata:\n  name: web # the name\n  labels:\n    "app.kubernetes.io/name": web\n    \'tier\': back\nspec:\n  ports:\n    - name: http\n      port: 80\n    -   name: https\n        port: 443\n',
	'a:\n- 1\n- - x\n  - y\n-\n  - z\n- \n-\n- k: v\n  l:\n  - m\nb: done\n',
	'a: |\n  line one\n\n  line two\n\nb: >-\n  folded\n  text\nc: 1\n',
	'a:\nb:   \nc: # comment\nd:\n  # only a comment\ne: ""\nf: \'\'\ng: ~\nh: null\ni: Null\nj: NULL\n',
	'n: 80\nm: -1\no: +1\np: 007\nq: 0x1F\nr: 0o17\ns: 1e3\nt: 1.5\nu: 1.0\nv: .5\nw: .inf\nx: -.Inf\ny: .nan\nz: 12345678901234567890\n',
	'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: on\ni: tRue\n',
	"a: 'it''s'\nb: \"esc\\\"aped\"\nc: \"tab\\there\"\nd: 'x'\ne: \"plain\"\n",
	'a: { x: 1, y: [1, 2] }\nb: [ "q", \'r\' ]\nc:\n  - [a, b]\n  - {k: v}\nd: []\ne: {}\nf: [a, , b]\n',
	'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n',
	'1: one\n2.5: two\ntrue: three\nnull: four\n.dockerconfigjson: x\n-dash: y\n',
	'a:\n  b:\n    c: 1\nd: 2\ne:\n  - f\n  - g\nh: 3\n',
	'list:\n- name: a\n  value: 1\n- name: b\n  value: 2\nnext: x\n',
	'a:\n  b: 1\n  # x\n    # deeper\n# shallow\nc: 2\n',
	'x:\n  m:\n    a: b\n\n  s: 1\n  t:\n  - 1\n  -\n',
	'a: x # comment\nb: "#quoted"\nc: x#notcomment\n',
	'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\ndata:\r\n  key: "value"\r\n  other: plain  \r\n',
	'\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n',
	'# c\n--- # d\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n...\n# after\n',
	'a: plain over\n  two lines\nb: x\n',
	'a: &anchor\n  x: 1\nb: *anchor\n',
	'',
	'# only comments\n',
	'- a\n- b: c\n  d: e\n',
	// Block scalars of a resource, whose text the scan takes from the value read values-first.
	'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blocks\ndata:\n  literal: |\n    line one\n\n      more indented\n    last\n\n  folded: >\n    folded\n    text\n\n    next paragraph\n      indented\n    end\n  strip: |-\n    no newline\n  foldstrip: >-\n    a\n    b\n  commented: | # note\n    x\n  script: |\n    #!/bin/sh\n    echo "$X" \\\n      --flag\n  list:\n    - |\n      in a list\n    - >\n      folded in a list\n  last: |\n    at the end',
	'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tail\ndata:\n  a: |\n    one\n\n\n  b: >\n    two\n\n\n',
];

describe('the node at an offset from the line scan is the one the full parse finds', () => {
	it('agrees at every offset of hand-written tricky documents', () => {
		const t = tally();
		for (const text of TRICKY) for (const chunk of chunks(text)) compare(chunk, t, 1, 'tricky');
		assert.ok(t.scanned > t.asked / 2, report('tricky', t));
	});

	it('reads plain scalars as the core schema does, or leaves them to the parser', () => {
		const text = TRICKY[4] + TRICKY[5].replace(/^/gm, 'k').replace(/^k$/m, '');
		const tree = lightTree(text);
		const at = (needle: string) => lightAt(tree, text, text.indexOf(needle) + needle.length);
		const value = (needle: string) => {
			const found = at(needle);
			return found === UNKNOWN ? UNKNOWN : found.scalar?.value;
		};
		assert.equal(value('n: 8'), 80);
		assert.equal(value('m: -'), -1);
		assert.equal(value('t: 1.'), 1.5);
		for (const needle of ['o: +', 'p: 0', 'q: 0x', 's: 1e', 'u: 1.', 'w: .i', 'z: 1234']) assert.equal(value(needle), UNKNOWN, needle);
		assert.equal(value('ka: tr'), true);
		assert.equal(value('kf: FA'), false);
		assert.equal(value('kg: y'), 'yes', 'YAML 1.2 reads yes as a string');
	});

	it('agrees at every offset of the bench generators\' documents', () => {
		const t = tally();
		for (const text of [manifest(1500), crossReferenced(1500)]) for (const chunk of chunks(text)) compare(chunk, t, 1, 'generated');
		assert.ok(t.scanned > t.asked * 0.95, report('generated', t));
	});

	it('agrees on the repository\'s YAML files', () => {
		const t = tally();
		const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))];
		for (const file of files) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, 3, file);
		assert.ok(t.scanned > t.asked * 0.5, report('repository', t));
	});

	it('agrees on the hostile inputs (sampled)', () => {
		const t = tally();
		for (const input of hostileInputs()) {
			if (input.projectConfig || input.name === 'map-40k.yaml') continue;
			const list = chunks(input.text);
			const every = Math.max(1, Math.floor(list.length / 100));
			list.forEach((chunk, i) => {
				if (i % every === 0) compare(chunk, t, Math.max(1, Math.floor(chunk.length / 500)), input.name);
			});
		}
		assert.ok(t.asked > 0);
	});

	it('agrees on seeded random variations of generated documents', () => {
		const rnd = random(Number(process.env.KUBELORE_HOVER_SCAN_SEED ?? 5));
		const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
		const bases = [...chunks(crossReferenced(300)), ...TRICKY.slice(0, 16)];
		const edits: ((lines: string[], at: number) => void)[] = [
			(lines, at) => lines.splice(at, 0, `${' '.repeat(Math.floor(rnd() * 10))}# note`),
			(lines, at) => lines.splice(at, 0, ''),
			(lines, at) => (lines[at] = `${lines[at]}${pick(['  ', ' # c', ' #'])}`),
			(lines, at) => (lines[at] = lines[at].replace(/: (\S+)$/, pick([": '$1'", ': "$1"', ':  $1', ': [$1]', ': { k: $1 }', ':', ': 08', ': 1e2', ': ~', ': True', ': "a\\tb"']))),
			(lines, at) => (lines[at] = lines[at].replace(/^( *)/, pick(['$1 ', '']))),
			(lines, at) => lines.splice(at, 1),
			(lines, at) => lines.splice(at, 0, lines[Math.floor(rnd() * lines.length)] ?? ''),
			(lines, at) => (lines[at] = lines[at].replace(/^( *)([\w.-]+):/, pick(['$1"$2":', "$1'$2':", '$1$2 :', '$1- $2:', '$180:']))),
		];
		const t = tally();
		for (let n = 0; n < Number(process.env.KUBELORE_HOVER_SCAN_VARIATIONS ?? 400); n++) {
			const lines = pick(bases).split('\n');
			for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) pick(edits)(lines, Math.floor(rnd() * lines.length));
			compare(lines.join('\n'), t, 1, `variation ${n}`);
		}
		assert.ok(t.scanned > t.asked * 0.3, report('variations', t));
	});

	// A real-world corpus kept outside the repository, used when present.
	const corpus = process.env.KUBELORE_CORPUS ?? '/work/shared/corpus';
	it('agrees on a real-world corpus', { skip: !existsSync(corpus) && 'no corpus folder' }, () => {
		const t = tally();
		for (const file of yamlFiles(corpus)) for (const chunk of chunks(readFileSync(file, 'utf8'))) compare(chunk, t, 2, file);
		assert.ok(t.scanned > t.asked * 0.5, report('corpus', t));
	});
});

describe('hovers from the line scan', () => {
	it('are the hovers of the fully parsed file, on the cross-referenced bench input', () => {
		const text = crossReferenced(3000);
		const scanned = workspace({ 'a.yaml': text });
		const uri = scanned.uri('a.yaml');
		// The same files, every document parsed with ranges before the first hover.
		const parsed = workspace({ 'a.yaml': text });
		const ahead = parsed.service.rangesAhead(uri);
		while (!ahead.next().done);
		const withDocs = (w: typeof scanned) => createLanguageService({ index: w.service.index, graph: w.service.graph, docsBase: 'file:///docs/rules', fieldDocs });
		const a = withDocs(scanned);
		const b = withDocs(parsed);
		let shown = 0;
		for (const position of positions(text, 400, 3)) {
			const hover = a.doHover(uri, position, settings());
			if (hover) shown++;
			assert.deepEqual(hover, b.doHover(uri, position, settings()), JSON.stringify(position));
		}
		assert.ok(shown > 100, `${shown} hovers shown`);
		let unparsedLeft = 0;
		const rest = scanned.service.rangesAhead(uri);
		while (!rest.next().done) unparsedLeft++;
		const documents = scanned.service.index.getFile(uri)!.manifest.documents.length;
		assert.ok(unparsedLeft > documents * 0.8, `hovers parsed ${documents - unparsedLeft} of ${documents} documents`);
	});

	it('are those of each document where two documents have the same text, hovered in turn with others between', () => {
		const doc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n';
		const other = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${n}\ndata:\n  k: v\n`;
		const text = [doc, ...Array.from({ length: 10 }, (_, n) => other(n)), doc].join('---\n');
		const scanned = workspace({ 'a.yaml': text });
		const parsed = workspace({ 'a.yaml': text });
		const uri = scanned.uri('a.yaml');
		const ahead = parsed.service.rangesAhead(uri);
		while (!ahead.next().done);
		const lines = text.split('\n');
		const typeLines = lines.flatMap((l, i) => (l === '  type: NodePort' ? [i] : []));
		const kindLines = lines.flatMap((l, i) => (l === 'kind: ConfigMap' ? [i] : []));
		assert.equal(typeLines.length, 2);
		for (const line of [typeLines[0], ...kindLines, typeLines[1], typeLines[0], ...kindLines.reverse(), typeLines[1]]) {
			const position = { line, character: 8 };
			const hover = scanned.service.doHover(uri, position, settings());
			assert.ok(hover, `a hover on line ${line}`);
			assert.equal(hover.range?.start.line, line, 'the range is in the hovered document');
			assert.deepEqual(hover, parsed.service.doHover(uri, position, settings()));
		}
	});
});
