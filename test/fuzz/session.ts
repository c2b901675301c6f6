/* One language server under fuzzing: the bundled server over stdio, with timed requests and a record of failures. */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

/** A request slower than this fails the run; generous, because CI machines are shared. */
export const SLOW_MS = Number(process.env.KUBELORE_FUZZ_SLOW_MS ?? 5000);
/** ServerCancelled: the server gave up a pull that a newer version overtook (the client asks again). */
const SERVER_CANCELLED = -32802;

export interface Session {
	client: TestClient;
	/** Every failure seen: thrown errors in the server, error answers, slow answers. */
	failures: string[];
	/** The slowest answer seen, in ms, with its method. */
	slowest: { ms: number; method: string };
	/** A request, timed against `boundMs` (SLOW_MS unless given). */
	request<T>(method: string, params: unknown, boundMs?: number): Promise<T | undefined>;
	notify(method: string, params: unknown): Promise<void>;
	diagnostics(uri: string, boundMs?: number): Promise<Diagnostic[] | undefined>;
	stop(): Promise<void>;
}

/** Starts a server on workspace folders (file URIs), with pull diagnostics and folder events. */
export async function startSession(folders: string[], configuration: Record<string, unknown> = {}): Promise<Session> {
	const client = new TestClient(configuration);
	const failures: string[] = [];
	const slowest = { ms: 0, method: '' };
	const session: Session = {
		client,
		failures,
		slowest,
		async request<T>(method: string, params: unknown, boundMs = SLOW_MS): Promise<T | undefined> {
			const start = performance.now();
			try {
				return (await client.connection.sendRequest(method, params)) as T;
			} catch (error) {
				if ((error as { code?: number }).code !== SERVER_CANCELLED) failures.push(`${method}: ${(error as Error).message}`);
				return undefined;
			} finally {
				const ms = performance.now() - start;
				if (ms > slowest.ms) Object.assign(slowest, { ms: Math.round(ms), method });
				if (ms > boundMs) failures.push(`${method} took ${Math.round(ms)} ms`);
			}
		},
		notify: (method, params) => client.connection.sendNotification(method, params),
		async diagnostics(uri, boundMs) {
			return (await session.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, boundMs))?.items;
		},
		async stop() {
			try {
				await Promise.race([client.shutdown(), new Promise((resolve) => setTimeout(resolve, 5000))]);
			} finally {
				if (client.process.exitCode === null) client.process.kill('SIGKILL');
			}
		},
	};
	client.process.on('exit', (code, signal) => {
		if (code !== 0 && signal !== 'SIGKILL') failures.push(`server exited with ${code ?? signal}`);
	});
	await client.connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri: folders[0] ?? null,
		workspaceFolders: folders.map((uri, i) => ({ uri, name: `ws${i}` })),
		locale: 'en',
		capabilities: {
			workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: false } },
			textDocument: { hover: { contentFormat: ['markdown'] }, diagnostic: { dynamicRegistration: false } },
		},
	});
	await client.connection.sendNotification('initialized', {});
	return session;
}

/** Errors the server logged: a stack trace, or an uncaught exception or rejection. */
export function thrownErrors(client: TestClient): string[] {
	return [...client.logs, ...client.stderr].filter((line) => /KubeLore: (uncaught|unhandled)|\n\s+at /.test(line));
}

/** Diagnostics in a stable order, as text, for comparing two servers. */
export function canonical(diagnostics: Diagnostic[] | undefined): string {
	return (diagnostics ?? [])
		.map((d) => JSON.stringify(d))
		.sort()
		.join('\n');
}
