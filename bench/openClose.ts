/*
 * `node --import tsx bench/openClose.ts [cycles] [server.js]`: opens, checks, hovers and closes
 * documents of distinct URIs (files that are not on disk, and untitled ones), and prints the
 * server's heap after a full garbage collection every tenth of the run. Flat means no per-document leak.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { serverEnvironment } from '../client/src/serverEnvironment';

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - { port: 80 }\n    - { port: 81 }\n';

export interface OpenCloseResult {
	cycles: number;
	/** Heap used after a full GC, bytes: before the first cycle, then after each tenth of the run. */
	start: number;
	heaps: number[];
	ms: number;
}

/** `cycles` open, pull diagnostics, hover, close cycles in one server run by `node`. */
export async function openCloseHeap(node: string, cycles: number, server = join(__dirname, '..', 'dist', 'server.js')): Promise<OpenCloseResult> {
	const child = spawn(node, ['--expose-gc', '-r', join(__dirname, 'gcProbe.cjs'), server, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...serverEnvironment() } });
	const waiting: ((bytes: number) => void)[] = [];
	child.stderr.on('data', (chunk: Buffer) => {
		for (const m of chunk.toString().matchAll(/heap-used (\d+)/g)) waiting.shift()?.(Number(m[1]));
	});
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
	for (const method of ['client/registerCapability', 'workspace/diagnostic/refresh', 'window/workDoneProgress/create']) connection.onRequest(method, () => null);
	for (const method of ['window/logMessage', 'window/showMessage', 'textDocument/publishDiagnostics']) connection.onNotification(method, () => undefined);
	connection.listen();
	try {
		await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } });
		await connection.sendNotification('initialized', {});
		const heap = () =>
			new Promise<number>((resolve) => {
				waiting.push(resolve);
				child.kill('SIGUSR2');
			});
		const start = await heap();
		const heaps: number[] = [];
		const started = performance.now();
		for (let i = 1; i <= cycles; i++) {
			const uri = i % 2 ? `file:///nowhere/doc-${i}.yaml` : `untitled:Untitled-${i}`;
			await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT.replace('web', `web-${i}`) } });
			await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
			await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
			await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
			if (i % Math.max(1, Math.floor(cycles / 10)) === 0) heaps.push(await heap());
		}
		return { cycles, start, heaps, ms: performance.now() - started };
	} finally {
		connection.dispose();
		child.kill();
	}
}

async function main(): Promise<void> {
	const cycles = Number(process.argv[2] ?? 10_000);
	const r = await openCloseHeap(process.execPath, cycles, process.argv[3]);
	const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
	console.log(`heap after a full GC: start ${mb(r.start)}; ${r.heaps.map((h, i) => `${Math.round(((i + 1) * cycles) / r.heaps.length)}: ${mb(h)}`).join(', ')}; ${Math.round(r.ms)} ms for ${cycles} cycles`);
	process.exit(0);
}

if (require.main === module) void main();
