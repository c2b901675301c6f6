/*
 * `npm run bench:validation`: what validation against the API schema costs, in-process, on the
 * benchmark's generated files (bench/generate.ts). Compares the schema walker with ajv on the same
 * resources, and open -> diagnostics and edit -> diagnostics with `kubelore.validation` off and on.
 * Times are CPU time of the process, of the bundled code (as the server runs it: no per-function
 * wrappers of a TypeScript loader); the schemas and the walker take the least of interleaved
 * runs, the share of open the medians of alternating rounds (see there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { loadSchemas } from '../server/src/node/schemas';
import { SchemaCatalog } from '../server/src/service/schema/catalog';
import { linkCompact } from '../server/src/service/schema/nodes';
import { walkSchema } from '../server/src/service/schema/validate';
import { RULES } from '../server/src/service/rules/index';
import { VALIDATION_RULES } from '../server/src/service/rules/validationRules';
import { createLanguageService } from '../server/src/service/service';
import { DEFAULT_SETTINGS, type Settings } from '../server/src/service/settings';
import { WorkspaceIndex } from '../server/src/service/workspace/index';
import { Scope } from '../server/src/service/workspace/scope';
import { graphWithTeam, loadGraphData } from '../server/src/node/knowledge';
import { manifest } from './generate';
import { percentile } from './lsp';

// Run bundled (bench/out/validation.js, see package.json), as the server runs: from the repository root.
const ROOT = process.cwd();
const graphData = loadGraphData(join(ROOT, 'dist'));
const realGraph = () => graphWithTeam(graphData, undefined);
const DIST = join(ROOT, 'dist');
const RUNS = 15;
const source = loadSchemas(DIST);
if (!source) throw new Error('build first: npm run build');
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`;
/** The least of interleaved runs: other processes on a shared machine only ever add time. */
const best = (xs: number[]) => Math.min(...xs);
/** CPU time of this process (user + system), in ms: on a shared machine it varies far less than wall time. */
const time = (f: () => void) => {
	const start = process.cpuUsage();
	f();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
};

// 1. The schemas: size on disk and gzipped, time to read and link one version.
console.log('| version | source | kinds | JSON | gzip | read + link |\n|---|---|---|---|---|---|');
for (const version of source.versions) {
	const path = join(DIST, 'schemas', `${version}.json`);
	const gzip = execFileSync('gzip', ['-c', path]).length;
	const load = best(Array.from({ length: RUNS }, () => time(() => linkCompact(JSON.parse(readFileSync(path, 'utf8'))))));
	const schema = source.load(version)!;
	console.log(`| ${version} | ${schema.source} | ${Object.keys(schema.kinds).length} | ${Math.round(statSync(path).size / 1024)} KiB | ${Math.round(gzip / 1024)} KiB | ${ms(load)} |`);
}

// 2. Walker and ajv on the resources of the 10,000-line file.
const text10k = manifest(10000);
const index = new WorkspaceIndex(['/bench']);
index.setFile('file:///bench/manifest.yaml', text10k, 1, false);
const resources = index.getFile('file:///bench/manifest.yaml')!.manifest.documents.flatMap((d) => (d.resource ? [d.resource] : []));
const version = new SchemaCatalog(source).forVersion('1.30')!;
const walker = best(
	Array.from({ length: RUNS }, () =>
		time(() => {
			for (const r of resources) walkSchema(r.value, version.rootOf(r.apiVersion, r.kind)!, { skipRoot: ['status'] });
		}),
	),
);
const jsonSchemaPath = join(ROOT, 'bench', 'out', 'kubernetes.schema.json');
if (!existsSync(jsonSchemaPath)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'schema.ts')], { stdio: 'inherit' });
const jsonSchema = JSON.parse(readFileSync(jsonSchemaPath, 'utf8')) as { definitions: Record<string, unknown> };
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, (value: unknown) => boolean>();
const compiled = time(() => {
	ajv.addSchema(jsonSchema, 'k8s');
	for (const kind of new Set(resources.map((r) => r.kind))) validators.set(kind, ajv.compile<unknown>({ $ref: `k8s#/definitions/${kind}` }) as (value: unknown) => boolean);
});
const ajvRun = best(
	Array.from({ length: RUNS }, () =>
		time(() => {
			for (const r of resources) validators.get(r.kind)!(r.value);
		}),
	),
);
console.log(`\n${resources.length} resources of the ${text10k.split('\n').length}-line file: walker ${ms(walker)}; ajv ${ms(ajvRun)} (+ ${ms(compiled)} to compile the kinds once)`);

// 3. Open -> diagnostics, and edits, with validation off and on (fresh index and graph per run).
const settingsFor = (validation: Settings['validation']): Settings => ({ ...DEFAULT_SETTINGS, validation });
function open(text: string, validation: Settings['validation']): number {
	const idx = new WorkspaceIndex(['/bench']);
	const service = createLanguageService({ index: idx, graph: realGraph(), docsBase: 'file:///docs', schemas: source });
	return time(() => {
		idx.setFile('file:///bench/open.yaml', text, 1, true);
		service.doValidation('file:///bench/open.yaml', settingsFor(validation));
	});
}
function edits(text: string, validation: Settings['validation']): number[] {
	const idx = new WorkspaceIndex(['/bench']);
	const service = createLanguageService({ index: idx, graph: realGraph(), docsBase: 'file:///docs', schemas: source });
	const uri = 'file:///bench/edit.yaml';
	idx.setFile(uri, text, 1, true);
	service.doValidation(uri, settingsFor(validation));
	const at = text.indexOf('LOG_LEVEL: ', text.length / 2);
	const out: number[] = [];
	for (let i = 0; i < 20; i++) {
		const edited = i % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : text;
		out.push(time(() => {
			idx.setFile(uri, edited, i + 2, true);
			service.doValidation(uri, settingsFor(validation));
		}));
	}
	return out;
}
/**
 * Where the rules' time goes on one file: each rule's CPU time over all the documents it looks at,
 * on a fresh parse per pass (so that what the schema rules share, the walk of each resource, is
 * paid again, by the first of them), the median of PASSES passes after a few not counted.
 */
function ruleSplit(text: string): { id: string; validation: boolean; ms: number }[] {
	const PASSES = 15;
	const spent = new Map<string, number[]>();
	const graph = realGraph();
	const schemas = new SchemaCatalog(source!);
	const settings = settingsFor('all');
	for (let pass = 0; pass < PASSES + 3; pass++) {
		const idx = new WorkspaceIndex(['/bench']);
		const uri = 'file:///bench/split.yaml';
		const file = idx.setFile(uri, text, 1, true)!;
		const contexts = file.manifest.documents.flatMap((d) => (d.resource ? [{ entry: { uri, document: d, resource: d.resource }, file, index: idx, graph, settings, schemas, scope: new Scope(idx, { uri, document: d, resource: d.resource }, settings) }] : []));
		for (const rule of RULES) {
			const applicable = contexts.filter((c) => !rule.kinds || rule.kinds.includes(c.entry.resource.kind));
			const used = time(() => applicable.forEach((c) => rule.check(c)));
			if (pass >= 3) spent.set(rule.id, [...(spent.get(rule.id) ?? []), used]);
		}
	}
	return RULES.map((rule) => ({ id: rule.id, validation: VALIDATION_RULES.includes(rule), ms: percentile(spent.get(rule.id)!, 50) }));
}
const split = ruleSplit(text10k);
const validationSplit = split.filter((r) => r.validation).sort((a, b) => b.ms - a.ms);
const validationMs = validationSplit.reduce((n, r) => n + r.ms, 0);
const otherMs = split.filter((r) => !r.validation).reduce((n, r) => n + r.ms, 0);
console.log(`\nrules on the ${text10k.split('\n').length}-line file (CPU time over all its documents, fresh parse, median of 15 passes): the validation rules ${ms(validationMs)}, the other ${split.length - validationSplit.length} rules ${ms(otherMs)}; per validation rule: ${validationSplit.map((r) => `${r.id} ${ms(r.ms)}`).join(', ')}`);
/**
 * Per edit, local rules re-run on the edited document only; the others on every document of the
 * file. Their cost per pass over all documents of a file, steady state (least of 30 passes).
 */
function passCosts(text: string): { id: string; local: boolean; documents: number; ms: number }[] {
	const idx = new WorkspaceIndex(['/bench']);
	const uri = 'file:///bench/passes.yaml';
	const file = idx.setFile(uri, text, 1, true)!;
	const graph = realGraph();
	const schemas = new SchemaCatalog(source!);
	const settings = settingsFor('all');
	const contexts = file.manifest.documents.flatMap((d) => (d.resource ? [{ entry: { uri, document: d, resource: d.resource }, file, index: idx, graph, settings, schemas, scope: new Scope(idx, { uri, document: d, resource: d.resource }, settings) }] : []));
	return VALIDATION_RULES.map((rule) => {
		const applicable = contexts.filter((c) => !rule.kinds || rule.kinds.includes(c.entry.resource.kind));
		const runs = Array.from({ length: 30 }, () => time(() => applicable.forEach((c) => rule.check(c))));
		return { id: rule.id, local: rule.local === true, documents: applicable.length, ms: best(runs) };
	});
}
/**
 * Validation's share of open -> diagnostics. Two arms, validation off and on, each a fresh open of
 * the same text. What made the least of a few strictly alternating runs unsteady (+3% and +55% for
 * the same code): an open allocates enough to meet one or two scavenges of the young generation
 * (each a good part of an open's time), and with the arms strictly alternating, which arm meets
 * the second one locks in for the whole run; the first rounds were still compiling too. So: a few
 * rounds first that are not counted; each sample is the mean of OPENS opens (the scavenges a
 * sample meets are averaged out, and the arm that allocates more still meets more of them); the
 * arms swap places every other round (off-on, on-off, on-off, off-on...), so neither always
 * follows the other's garbage; and the share is taken from the median of each arm over ROUNDS
 * rounds, with the spread of the per-round ratios beside it. No forced GC before a sample: after
 * a full collection an open runs about twice as slow (new space shrunk, code and feedback
 * dropped), in both arms, which is not how a server meets an open.
 */
const WARMUP_ROUNDS = 6;
const ROUNDS = 20;
const OPENS = 3;
function openSample(text: string, validation: Settings['validation']): number {
	let sum = 0;
	for (let i = 0; i < OPENS; i++) sum += open(text, validation);
	return sum / OPENS;
}
for (let i = 0; i < WARMUP_ROUNDS; i++) {
	open(text10k, i % 2 === 0 ? 'off' : 'all');
	open(text10k, i % 2 === 0 ? 'all' : 'off');
}
const offOpen: number[] = [];
const onOpen: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
	const offFirst = i % 4 === 0 || i % 4 === 3;
	if (offFirst) offOpen.push(openSample(text10k, 'off'));
	onOpen.push(openSample(text10k, 'all'));
	if (!offFirst) offOpen.push(openSample(text10k, 'off'));
}
const median = (xs: number[]) => percentile(xs, 50);
const ratios = onOpen.map((on, i) => on / offOpen[i]);
const pct = (r: number) => `${r >= 1 ? '+' : ''}${Math.round((r - 1) * 100)}%`;
const ms1 = (n: number) => `${n.toFixed(1)} ms`;
console.log(`\nopen -> diagnostics, ${text10k.split('\n').length} lines (CPU time, median of ${ROUNDS} rounds of ${OPENS} opens per arm, arms alternating, after ${WARMUP_ROUNDS} rounds not counted): validation off ${ms1(median(offOpen))}, on ${ms1(median(onOpen))}: ${pct(median(onOpen) / median(offOpen))} (per round: quartiles ${pct(percentile(ratios, 25))} ${pct(percentile(ratios, 50))} ${pct(percentile(ratios, 75))})`);
const text50k = manifest(50000);
// One pass not counted: the arm run first would otherwise compile what both use (off was slower than on).
edits(text50k, 'off');
const offEdit = edits(text50k, 'off');
const onEdit = edits(text50k, 'all');
console.log(`edit -> diagnostics, ${text50k.split('\n').length} lines, p95 of 20: validation off ${ms(percentile(offEdit, 95))}, on ${ms(percentile(onEdit, 95))}`);
const passes = passCosts(text50k);
const rerun = passes.filter((p) => !p.local);
console.log(`per edit of the ${text50k.split('\n').length}-line file, the rules that re-run on every document: ${rerun.map((p) => `${p.id} ${ms(p.ms)} (${p.documents} documents)`).join(', ')}; the local ones, over all documents at open: ${ms(passes.filter((p) => p.local).reduce((n, p) => n + p.ms, 0))}`);
