/*
 * Each hostile input of test/fuzz through the bundled server: open to first diagnostics, the first
 * hover and a second one, peak memory. `node --import tsx bench/hostile.ts [name...]` prints them
 * with the command line's time on the same file; bench/run.ts puts them in BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTeamKnowledge } from '../server/src/node/knowledge';
import { hostileInputs, hugeFrontMatterNote, type HostileInput } from '../test/fuzz/hostileInputs';
import { BenchClient, type ServerSpec } from './lsp';
import { serverEnvironment } from '../client/src/serverEnvironment';

const ROOT = join(__dirname, '..');
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

export interface HostileResult {
	name: string;
	/** ms, or NaN when the server did not answer within the limit. */
	open: number;
	diagnostics: number;
	firstHover: number;
	secondHover: number;
	/** Peak RSS, kB. */
	rss: number;
}

/** Resolves with the elapsed ms and the value, or NaN and undefined past the limit or on an error. */
async function timed<T>(limitMs: number, run: () => Promise<T>): Promise<[number, T | undefined]> {
	const failed = Symbol('failed');
	const start = performance.now();
	const result = await Promise.race([run().catch(() => failed), new Promise<typeof failed>((r) => setTimeout(() => r(failed), limitMs).unref())]);
	return result === failed ? [NaN, undefined] : [performance.now() - start, result as T];
}

/** One input through a fresh server, in a folder of its own (the workspace, for `.kubelore.yaml`). */
export async function measureHostile(spec: ServerSpec, input: HostileInput, limitMs: number): Promise<HostileResult> {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-hostile-'));
	writeFileSync(join(folder, input.name), input.text);
	if (input.projectConfig) writeFileSync(join(folder, 'app.yaml'), SERVICE);
	const client = new BenchClient(spec);
	const result: HostileResult = { name: input.name, open: NaN, diagnostics: 0, firstHover: NaN, secondHover: NaN, rss: 0 };
	try {
		await client.initialize(pathToFileURL(folder).toString());
		if (input.projectConfig) await client.nextLog(/indexed/, limitMs);
		const uri = pathToFileURL(join(folder, input.projectConfig ? 'app.yaml' : input.name)).toString();
		const text = input.projectConfig ? SERVICE : input.text;
		const diagnostics = client.nextDiagnostics(uri, limitMs);
		[result.open, result.diagnostics = 0] = await timed(limitMs, async () => {
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
			return diagnostics;
		});
		const position = input.projectConfig ? { line: 1, character: 7 } : input.hover;
		const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
		if (Number.isFinite(result.open)) [result.firstHover] = await timed(limitMs, hover);
		if (Number.isFinite(result.firstHover)) [result.secondHover] = await timed(limitMs, hover);
		result.rss = client.sampleRss();
	} finally {
		client.kill();
		rmSync(folder, { recursive: true, force: true });
	}
	return result;
}

export async function measureHostileInputs(spec: ServerSpec, limitMs: number, only: string[] = []): Promise<HostileResult[]> {
	const results: HostileResult[] = [];
	for (const input of hostileInputs()) if (!only.length || only.includes(input.name)) results.push(await measureHostile(spec, input, limitMs));
	return results;
}

/** Team notes read from a folder of which one has a front matter of `keys` keys (it once blocked the server 23 s): ms. */
export async function measureTeamNote(keys: number): Promise<{ ms: number; problems: number }> {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-notes-'));
	try {
		mkdirSync(join(folder, 'notes'));
		writeFileSync(join(folder, 'notes', 'huge.md'), hugeFrontMatterNote(keys));
		writeFileSync(join(folder, 'notes', 'good.md'), '---\nid: our-mesh\ntitle: { en: Our mesh, zh: 我们的网格 }\ncategory: concept\n---\n# Our mesh\n\nThe mesh every team uses.\n');
		const start = performance.now();
		const team = await loadTeamKnowledge(folder, ['notes'], { version: 1, entities: [] });
		return { ms: performance.now() - start, problems: team.problems.length };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

function throughCli(input: HostileInput): string {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-hostile-'));
	writeFileSync(join(folder, input.name), input.text);
	try {
		const start = performance.now();
		const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'dist', 'cli.js'), 'lint', folder, '--format', 'json'], { timeout: 60_000, maxBuffer: 1 << 30 });
		const peak = Number(run.stderr.toString().trim().split('\n').pop());
		return `cli ${Math.round(performance.now() - start)} ms, exit ${run.status}, peak ${Math.round(peak / 1024)} MB`;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const spec: ServerSpec = { name: 'KubeLore', command: process.execPath, args: [join(ROOT, 'dist', 'server.js'), '--stdio'], env: serverEnvironment(), configuration: { kubelore: {} } };
	const round = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'over 60 s');
	for (const input of hostileInputs()) {
		if (only.length && !only.includes(input.name)) continue;
		const r = await measureHostile(spec, input, 60_000);
		console.log(`${r.name}: open+diagnostics ${round(r.open)} (${r.diagnostics} diagnostics), hover ${round(r.firstHover)}, again ${round(r.secondHover)}, peak ${Math.round(r.rss / 1024)} MB; ${throughCli(input)}`);
	}
	process.exit(0);
}

if (require.main === module) void main();
