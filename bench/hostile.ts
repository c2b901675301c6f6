/*
 * `node --import tsx bench/hostile.ts [name...]`: each hostile input of test/fuzz through the bundled
 * server (open, pull diagnostics, hover twice) and the command line, with wall times and peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostileInputs, type HostileInput } from '../test/fuzz/hostileInputs';
import { TestClient } from '../test/util/lspClient';

const ROOT = join(__dirname, '..');
const LIMIT_MS = 60_000;

async function timed<T>(run: () => Promise<T>): Promise<[number, T | 'timeout']> {
	const start = performance.now();
	const result = await Promise.race([run(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), LIMIT_MS).unref())]);
	return [Math.round(performance.now() - start), result];
}

async function throughServer(input: HostileInput, folder: string): Promise<string> {
	const client = new TestClient();
	try {
		await client.initialize(pathToFileURL(folder).toString(), { diagnostic: { dynamicRegistration: false } });
		const target = input.projectConfig ? 'app.yaml' : input.name;
		const uri = pathToFileURL(join(folder, target)).toString();
		const text = input.projectConfig ? 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' : input.text;
		if (input.projectConfig) await client.until(() => client.logs.some((l) => /indexed/.test(l)), LIMIT_MS);
		const [open, items] = await timed(async () => {
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
			return ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: unknown[] }).items.length;
		});
		const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: input.projectConfig ? { line: 1, character: 7 } : input.hover });
		const [first] = await timed(hover);
		const [second] = await timed(hover);
		const rss = /VmHWM:\s+(\d+)/.exec(spawnSync('cat', [`/proc/${client.process.pid}/status`]).stdout.toString())?.[1];
		return `open+diagnostics ${open} ms (${items} diagnostics), hover ${first} ms, again ${second} ms, peak ${Math.round(Number(rss) / 1024)} MB`;
	} finally {
		client.process.kill('SIGKILL');
	}
}

function throughCli(folder: string): string {
	const start = performance.now();
	const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(ROOT, 'dist', 'cli.js'), 'lint', folder, '--format', 'json'], { timeout: LIMIT_MS, maxBuffer: 1 << 30 });
	const ms = Math.round(performance.now() - start);
	const peak = Number(run.stderr.toString().trim().split('\n').pop());
	return `cli ${ms} ms, exit ${run.status}, peak ${Math.round(peak / 1024)} MB`;
}

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	for (const input of hostileInputs()) {
		if (only.length && !only.includes(input.name)) continue;
		const folder = mkdtempSync(join(tmpdir(), 'kubelore-hostile-'));
		mkdirSync(folder, { recursive: true });
		writeFileSync(join(folder, input.name), input.text);
		if (input.projectConfig) writeFileSync(join(folder, 'app.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
		try {
			console.log(`${input.name}: ${await throughServer(input, folder)}; ${throughCli(folder)}`);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}
	process.exit(0);
}

void main();
