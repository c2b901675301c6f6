/*
 * `npm run bench:validation`: what validation against the API schema costs, in-process, on the
 * benchmark's generated files (bench/generate.ts). Compares the schema walker with ajv on the same
 * resources, and open -> diagnostics and edit -> diagnostics with `kubelore.validation` off and on.
 * Times are CPU time of the process, the least of interleaved runs, of the bundled code (as the
 * server runs it: no per-function wrappers of a TypeScript loader).
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
// The CPU time spent inside the validation rules, counted within each run (less exposed to other
// processes than the difference of two runs). Each count reads the process's CPU time twice, a
// system call each, thousands of times per run, and most rule calls take a few microseconds: what
// the counting itself adds is measured on an empty check (calibrate) and taken off both the rules'
// time and the run's. The rules' share stays an estimate; the open line below is the measure.
function timedRules(): { rules: typeof RULES; spent: () => number; calls: () => number } {
	let spent = 0;
	let calls = 0;
	const rules = RULES.map((rule) =>
		VALIDATION_RULES.includes(rule)
			? {
					...rule,
					check: (context: Parameters<typeof rule.check>[0]) => {
						calls++;
						const start = process.cpuUsage();
						try {
							return rule.check(context);
						} finally {
							const used = process.cpuUsage(start);
							spent += (used.user + used.system) / 1000;
						}
					},
				}
			: rule,
	);
	return { rules, spent: () => spent, calls: () => calls };
}
/** Per count, what an empty check reports as spent inside it, and what the whole count costs (ms; least of 5 batches). */
function calibrate(): { inside: number; whole: number } {
	const n = 5000;
	const insides: number[] = [];
	const wholes: number[] = [];
	for (let batch = 0; batch < 5; batch++) {
		let inside = 0;
		const whole = time(() => {
			for (let i = 0; i < n; i++) {
				const start = process.cpuUsage();
				try {
					// nothing: the cost of counting alone
				} finally {
					const used = process.cpuUsage(start);
					inside += (used.user + used.system) / 1000;
				}
			}
		});
		insides.push(inside / n);
		wholes.push(whole / n);
	}
	return { inside: best(insides), whole: best(wholes) };
}
function share(text: string, counting: { inside: number; whole: number }): { total: number; rules: number } {
	const timed = timedRules();
	const idx = new WorkspaceIndex(['/bench']);
	const service = createLanguageService({ index: idx, graph: realGraph(), docsBase: 'file:///docs', schemas: source, rules: timed.rules });
	idx.setFile('file:///bench/share.yaml', text, 1, true);
	const total = time(() => service.doValidation('file:///bench/share.yaml', settingsFor('all')));
	return { total: total - timed.calls() * counting.whole, rules: Math.max(0, timed.spent() - timed.calls() * counting.inside) };
}
const counting = calibrate();
const shares = Array.from({ length: RUNS }, () => share(text10k, counting)).sort((a, b) => a.total - b.total);
const fastest = shares[0];
console.log(`\nvalidation of the ${text10k.split('\n').length}-line file (fastest of ${RUNS}, less the cost of counting, ${(counting.whole * 1000).toFixed(1)} µs per rule call): ${ms(fastest.total)}, of which the validation rules ${ms(fastest.rules)} (${Math.round((fastest.rules / (fastest.total - fastest.rules)) * 100)}% on top of the other rules)`);
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
const offOpen: number[] = [];
const onOpen: number[] = [];
for (let i = 0; i < RUNS; i++) {
	offOpen.push(open(text10k, 'off'));
	onOpen.push(open(text10k, 'all'));
}
console.log(`\nopen -> diagnostics, ${text10k.split('\n').length} lines (least of ${RUNS}, interleaved): validation off ${ms(best(offOpen))}, on ${ms(best(onOpen))}: +${Math.round((best(onOpen) / best(offOpen) - 1) * 100)}%`);
const text50k = manifest(50000);
const offEdit = edits(text50k, 'off');
const onEdit = edits(text50k, 'all');
console.log(`edit -> diagnostics, ${text50k.split('\n').length} lines, p95 of 20: validation off ${ms(percentile(offEdit, 95))}, on ${ms(percentile(onEdit, 95))}`);
const passes = passCosts(text50k);
const rerun = passes.filter((p) => !p.local);
console.log(`per edit of the ${text50k.split('\n').length}-line file, the rules that re-run on every document: ${rerun.map((p) => `${p.id} ${ms(p.ms)} (${p.documents} documents)`).join(', ')}; the local ones, over all documents at open: ${ms(passes.filter((p) => p.local).reduce((n, p) => n + p.ms, 0))}`);
