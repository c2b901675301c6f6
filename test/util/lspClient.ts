import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
	createProtocolConnection,
	StreamMessageReader,
	StreamMessageWriter,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './service';

/** A language client speaking LSP over stdio to the bundled server (dist/server.js). */
export class TestClient {
	readonly connection: ProtocolConnection;
	readonly process: ChildProcess;
	readonly stderr: string[] = [];
	readonly published = new Map<string, PublishDiagnosticsParams>();
	private readonly waiters: (() => void)[] = [];
	/** Requests the server sent us (workspace/diagnostic/refresh and the like), by method. */
	readonly serverRequests: string[] = [];
	/** Messages the server logged (window/logMessage). */
	readonly logs: string[] = [];

	constructor(private readonly configuration: Record<string, unknown> = {}) {
		this.process = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
		this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
		this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
		this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.configuration));
		for (const method of ['workspace/diagnostic/refresh', 'client/registerCapability', 'window/showMessageRequest', 'window/workDoneProgress/create']) {
			this.connection.onRequest(method, () => {
				this.serverRequests.push(method);
				this.waiters.splice(0).forEach((w) => w());
				return null;
			});
		}
		this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
			this.published.set(params.uri, params);
			this.waiters.splice(0).forEach((w) => w());
		});
		this.connection.onNotification('window/logMessage', (params: { message: string }) => {
			this.logs.push(params.message);
			this.waiters.splice(0).forEach((w) => w());
		});
		for (const method of ['window/showMessage', '$/progress', 'telemetry/event']) this.connection.onNotification(method, () => undefined);
		this.connection.listen();
	}

	/** Waits until the condition holds, re-checking on every message from the server. */
	async until<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = check();
			if (value) return value;
			if (Date.now() > deadline) throw new Error('timed out waiting for the server');
			await new Promise<void>((resolve) => {
				this.waiters.push(resolve);
				setTimeout(resolve, 50);
			});
		}
	}

	async initialize(rootUri: string | null, capabilities: Record<string, unknown> = {}, locale = 'en') {
		const result = await this.connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri,
			workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
			locale,
			capabilities: {
				workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
				textDocument: { hover: { contentFormat: ['markdown'] }, ...capabilities },
			},
		});
		await this.connection.sendNotification('initialized', {});
		return result as { capabilities: Record<string, unknown> };
	}

	async shutdown(): Promise<number | null> {
		await this.connection.sendRequest('shutdown');
		await this.connection.sendNotification('exit');
		return new Promise((resolve) => {
			if (this.process.exitCode !== null) resolve(this.process.exitCode);
			else this.process.on('exit', (code) => resolve(code));
		});
	}
}
