/*
 * `node --import tsx bench/openClose.ts [cycles] [server.js]`: opens, checks, hovers and closes
 * documents of distinct URIs (files that are not on disk, and untitled ones), and prints the
 * server's heap after a full garbage collection every tenth of the run. Flat means no per-document leak.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const CYCLES = Number(process.argv[2] ?? 10_000);
const SERVER = process.argv[3] ?? join(__dirname, '..', 'dist', 'server.js');
const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - { port: 80 }\n    - { port: 81 }\n';

async function main(): Promise<void> {
	const child = spawn(process.execPath, ['--expose-gc', '-r', join(__dirname, 'gcProbe.cjs'), SERVER, '--stdio'], { stdio: 'pipe' });
	const heaps: ((bytes: number) => void)[] = [];
	child.stderr.on('data', (chunk: Buffer) => {
		for (const m of chunk.toString().matchAll(/heap-used (\d+)/g)) heaps.shift()?.(Number(m[1]));
	});
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
	for (const method of ['client/registerCapability', 'workspace/diagnostic/refresh', 'window/workDoneProgress/create']) connection.onRequest(method, () => null);
	for (const method of ['window/logMessage', 'window/showMessage', 'textDocument/publishDiagnostics']) connection.onNotification(method, () => undefined);
	connection.listen();
	await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } });
	await connection.sendNotification('initialized', {});
	const heap = () =>
		new Promise<number>((resolve) => {
			heaps.push(resolve);
			child.kill('SIGUSR2');
		});
	const rows: string[] = [];
	const start = await heap();
	const started = performance.now();
	for (let i = 1; i <= CYCLES; i++) {
		const uri = i % 2 ? `file:///nowhere/doc-${i}.yaml` : `untitled:Untitled-${i}`;
		await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT.replace('web', `web-${i}`) } });
		await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
		await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
		await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		if (i % (CYCLES / 10) === 0) rows.push(`${i}: ${((await heap()) / 1024 / 1024).toFixed(1)} MB`);
	}
	console.log(`heap after a full GC: start ${(start / 1024 / 1024).toFixed(1)} MB; ${rows.join(', ')}; ${Math.round(performance.now() - started)} ms for ${CYCLES} cycles`);
	child.kill();
	process.exit(0);
}

void main();
