import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../util/service';

/**
 * Starts dist/server.js with a cache folder, initializes it, opens a document and hovers once (unless
 * `open` is false; with `idle`, waits for its diagnostics and that long after them), and ends it the way an editor does.
 */
async function startAndStop(cacheDir: string | undefined, env: NodeJS.ProcessEnv = process.env, open = true, idle?: number, beforeExit?: () => void): Promise<{ name?: string; hover: unknown }> {
	const args = [join(ROOT, 'dist', 'server.js'), '--stdio', ...(cacheDir === undefined ? [] : ['--cache-dir', cacheDir])];
	const child = spawn(process.execPath, args, { stdio: 'pipe', env });
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
	connection.onRequest('client/registerCapability', () => null);
	connection.listen();
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo?: { name: string } };
	await connection.sendNotification('initialized', {});
	let hover: unknown;
	if (open) {
		const uri = 'file:///ws/claim.yaml';
		const diagnostics = new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
		await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n' } });
		if (idle !== undefined) {
			await diagnostics;
			await new Promise((resolve) => setTimeout(resolve, idle));
		}
		hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } });
	}
	beforeExit?.();
	await connection.sendRequest('shutdown');
	await connection.sendNotification('exit');
	await exited;
	connection.dispose();
	return { name: result.serverInfo?.name, hover };
}

const cacheFile = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cache')).map((f) => join(dir, f));
/** The byte of the header that says whether the cache was made after an open (codeCache.ts). */
const afterOpen = (file: string) => readFileSync(file)[13] === 1;

describe('the server start through the code cache', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kubelore-cache-'));
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('writes the cache on the first start and uses it, unchanged, on the next', async () => {
		const first = await startAndStop(dir);
		assert.equal(first.name, 'kubelore');
		assert.ok(first.hover, 'the server answers a hover');
		const [file] = cacheFile(dir);
		assert.ok(file, 'a cache file is written');
		assert.equal(readFileSync(file).toString('latin1', 0, 5), 'KLCC2');
		assert.ok(afterOpen(file), 'made after the open of a document');
		const written = statSync(file).mtimeMs;
		const second = await startAndStop(dir);
		assert.deepEqual(second, first, 'the same answers with the cache');
		// a cache V8 accepted is not written again
		assert.equal(statSync(file).mtimeMs, written);
	});

	it('ignores a damaged or foreign cache and writes a good one in its place', async () => {
		const [file] = cacheFile(dir);
		const good = readFileSync(file);
		const damaged = Buffer.from(good);
		for (let i = 64; i < damaged.length; i += 97) damaged[i] ^= 0x5a;
		for (const bad of [damaged, good.subarray(0, good.length >> 1), Buffer.from('not a cache at all'), Buffer.alloc(0)]) {
			writeFileSync(file, bad);
			const answer = await startAndStop(dir);
			assert.equal(answer.name, 'kubelore');
			assert.ok(answer.hover, 'the server answers a hover');
			const again = readFileSync(file);
			assert.equal(again.toString('latin1', 0, 5), 'KLCC2', 'the bad file is replaced by a cache');
			assert.notDeepEqual(again, bad);
		}
	});

	it('makes a cache made before any open again, once, after the first open of a server that loads it', async () => {
		const own = mkdtempSync(join(tmpdir(), 'kubelore-cache-open-'));
		const first = await startAndStop(own, process.env, false);
		assert.equal(first.name, 'kubelore');
		const [file] = cacheFile(own);
		assert.ok(file, 'a server that opens nothing writes a cache at exit');
		assert.ok(!afterOpen(file), 'marked as made before any open');
		const before = readFileSync(file);
		// without an open, such a cache is used as it is
		await startAndStop(own, process.env, false);
		assert.deepEqual(readFileSync(file), before, 'a server that opens nothing leaves it alone');
		// written in idle time after the open, before the exit
		let whileRunning = false;
		// idle work waits for quiet: a generous wait keeps a loaded machine from failing it
		const opened = await startAndStop(own, process.env, true, 3000, () => (whileRunning = afterOpen(file)));
		assert.ok(opened.hover, 'the server answers a hover');
		assert.ok(whileRunning, 'made again while the server runs, in idle time after the open');
		const again = readFileSync(file);
		assert.ok(afterOpen(file), 'made again after the open');
		assert.ok(again.length > before.length, `it holds more compiled code (${before.length} then ${again.length} bytes)`);
		assert.deepEqual(readdirSync(own).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
		const written = statSync(file).mtimeMs;
		assert.deepEqual(await startAndStop(own, process.env, true, 1500), opened, 'the same answers with that cache');
		assert.equal(statSync(file).mtimeMs, written, 'a cache made after an open V8 accepts is not written again');
		rmSync(own, { recursive: true, force: true });
	});

	it('removes the caches of other bundles once it writes its own', async () => {
		const other = mkdtempSync(join(tmpdir(), 'kubelore-cache-old-'));
		const stale = join(other, 'server-0123456789ab-x64-1.0.cache');
		writeFileSync(stale, 'KLCC1 from an earlier version of the extension');
		writeFileSync(join(other, 'notes.txt'), 'not a cache');
		await startAndStop(other);
		const left = readdirSync(other).sort();
		assert.ok(!left.includes('server-0123456789ab-x64-1.0.cache'), `the stale cache is gone: ${left.join(', ')}`);
		assert.equal(cacheFile(other).length, 1, 'the new cache is there');
		assert.ok(left.includes('notes.txt'), 'other files are left alone');
		rmSync(other, { recursive: true, force: true });
	});

	it('keeps the cache in the user cache folder when no folder is given', async () => {
		const home = mkdtempSync(join(tmpdir(), 'kubelore-xdg-'));
		const env = { ...process.env, XDG_CACHE_HOME: home };
		const first = await startAndStop(undefined, env);
		const [file] = cacheFile(join(home, 'kubelore', 'code-cache'));
		assert.ok(file, 'a cache file is written in $XDG_CACHE_HOME/kubelore/code-cache');
		const written = statSync(file).mtimeMs;
		assert.deepEqual(await startAndStop(undefined, env), first, 'the same answers with the cache');
		assert.equal(statSync(file).mtimeMs, written, 'the cache is used, not written again');
		rmSync(home, { recursive: true, force: true });
	});

	it('starts with the cache turned off', async () => {
		const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio', '--cache-dir='], { stdio: 'pipe' });
		const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
		connection.listen();
		const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo?: { name: string } };
		assert.equal(result.serverInfo?.name, 'kubelore');
		child.kill();
		connection.dispose();
	});
});

describe('the modules of Node a server loads', () => {
	it('are not crypto nor child_process, which the server bundle requires where they are used (esbuild.mjs), nor fs/promises (read where used)', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kubelore-modules-'));
		const preload = join(dir, 'modules.cjs');
		const list = join(dir, 'modules.txt');
		writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`);
		const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}` };
		// with a cache and without one (the server is loaded from its code cache or by require)
		for (const cache of [join(dir, 'cache'), '']) {
			const answer = await startAndStop(cache, env, true, 200);
			assert.ok(answer.hover, 'the server answers a hover');
			const loaded = readFileSync(list, 'utf8').split('\n');
			assert.ok(loaded.includes('NativeModule fs'), 'the list is of the modules loaded');
			for (const name of ['crypto', 'child_process', 'fs/promises']) assert.ok(!loaded.includes(`NativeModule ${name}`), `${name} is not loaded (cache ${cache || 'off'})`);
		}
		rmSync(dir, { recursive: true, force: true });
	});
});

describe('the client bundles', () => {
	it('activation loads a small bundle; vscode-languageclient is in dist/languageClient.js, loaded after activation returns', () => {
		const client = readFileSync(join(ROOT, 'dist', 'client.js'), 'utf8');
		const languageClient = readFileSync(join(ROOT, 'dist', 'languageClient.js'), 'utf8');
		// a message of vscode-languageclient that survives minifying
		const text = 'Client is not running';
		assert.ok(languageClient.includes(text) && !client.includes(text), `"${text}" is in dist/languageClient.js only`);
		assert.ok(client.length < 50_000, `dist/client.js is small (${client.length} bytes)`);
	});
});
