/* A minimal LSP client for measuring servers the way an editor talks to them, over stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
	name: string;
	command: string;
	args: string[];
	/** Variables added to this process's environment for the server. */
	env?: Record<string, string>;
	/** Answers to workspace/configuration, by section. */
	configuration: Record<string, unknown>;
}

export class BenchClient {
	readonly connection: ProtocolConnection;
	readonly child: ChildProcess;
	private diagnosticWaiters = new Map<string, ((n: number) => void)[]>();
	readonly logs: string[] = [];
	private logWaiters: ((line: string) => void)[] = [];
	private peakRss = 0;
	private readonly sampler: NodeJS.Timeout;

	constructor(readonly spec: ServerSpec) {
		this.child = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'ignore'], env: spec.env && { ...process.env, ...spec.env } });
		this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
		this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section ? spec.configuration[i.section] ?? null : null)));
		for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'window/showMessageRequest']) this.connection.onRequest(method, () => null);
		this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
			const waiters = this.diagnosticWaiters.get(p.uri) ?? [];
			this.diagnosticWaiters.set(p.uri, []);
			for (const w of waiters) w(p.diagnostics.length);
		});
		this.connection.onNotification('window/logMessage', (p: { message: string }) => {
			this.logs.push(p.message);
			for (const w of this.logWaiters.splice(0)) w(p.message);
		});
		for (const method of ['window/showMessage', '$/progress', 'telemetry/event']) this.connection.onNotification(method, () => undefined);
		this.connection.listen();
		this.sampler = setInterval(() => this.sampleRss(), 20);
	}

	/** Highest resident set size seen (kB), sampled every 20 ms and at the kernel's own high-water mark. */
	sampleRss(): number {
		try {
			const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
			const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
			this.peakRss = Math.max(this.peakRss, hwm);
		} catch {
			// the process has exited
		}
		return this.peakRss;
	}

	async initialize(rootUri: string | null): Promise<number> {
		const start = performance.now();
		await this.connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri,
			workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
			locale: 'en',
			capabilities: {
				workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
				textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {}, synchronization: { didSave: true } },
			},
		});
		const elapsed = performance.now() - start;
		await this.connection.sendNotification('initialized', {});
		await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.configuration });
		return elapsed;
	}

	/** Resolves with the next diagnostics published for a uri. */
	nextDiagnostics(uri: string, timeoutMs = 60_000): Promise<number> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no diagnostics for ${uri} in ${timeoutMs} ms`)), timeoutMs);
			const list = this.diagnosticWaiters.get(uri) ?? [];
			list.push((n) => {
				clearTimeout(timer);
				resolve(n);
			});
			this.diagnosticWaiters.set(uri, list);
		});
	}

	/** Resolves with the first log message that matches. */
	nextLog(pattern: RegExp, timeoutMs = 120_000): Promise<string> {
		const seen = this.logs.find((l) => pattern.test(l));
		if (seen) return Promise.resolve(seen);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no log ${pattern}`)), timeoutMs);
			const wait = (line: string) => {
				if (pattern.test(line)) {
					clearTimeout(timer);
					resolve(line);
				} else this.logWaiters.push(wait);
			};
			this.logWaiters.push(wait);
		});
	}

	/** Ends the server at once (one that may be stuck in a long computation). */
	kill(): void {
		clearInterval(this.sampler);
		this.child.kill('SIGKILL');
		this.connection.dispose();
	}

	async stop(): Promise<void> {
		clearInterval(this.sampler);
		try {
			await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
			await this.connection.sendNotification('exit');
		} catch {
			// already gone
		}
		setTimeout(() => this.child.kill('SIGKILL'), 1000).unref();
		this.connection.dispose();
	}
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
