import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../util/service';

/** Starts the server over stdio, initializes it, optionally shuts it down, then closes its input: resolves to its exit code. */
async function exitCodeWhenInputEnds(shutdownFirst: boolean): Promise<number | null> {
	const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
	const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
	connection.onRequest('client/registerCapability', () => null);
	connection.listen();
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
	await connection.sendNotification('initialized', {});
	if (shutdownFirst) await connection.sendRequest('shutdown');
	// No exit notification: the editor went away, and with it the server's input.
	child.stdin.end();
	const code = await exited;
	connection.dispose();
	return code;
}

describe('a server over stdio whose input ends', () => {
	it('exits with 1 when it was not shut down first', async () => {
		assert.equal(await exitCodeWhenInputEnds(false), 1);
	});

	it('exits with 0 after a shutdown request', async () => {
		assert.equal(await exitCodeWhenInputEnds(true), 0);
	});
});
