import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - { port: 80 }\n    - { port: 81 }\n';
const PODS = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx }]\n';

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
	return ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
}

describe('protocol hygiene', () => {
	it('refuses requests before initialize with -32002, and a second initialize', async () => {
		const client = new TestClient();
		try {
			await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } }), { code: -32002 });
			await client.initialize(null, { diagnostic: {} });
			await assert.rejects(client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), (error: { code?: number }) => error.code !== undefined && error.code !== -32002);
			assert.equal(await client.shutdown(), 0);
		} finally {
			if (client.process.exitCode === null) client.process.kill();
		}
	});

	it('answers empty for documents it never saw', async () => {
		const client = new TestClient();
		try {
			await client.initialize(null, { diagnostic: {} });
			const textDocument = { uri: 'untitled:never-seen' };
			const position = { line: 3, character: 4 };
			assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument, position }), null);
			assert.deepEqual(await client.connection.sendRequest('textDocument/definition', { textDocument, position }), []);
			assert.deepEqual(await client.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }), []);
			assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
			assert.deepEqual(await client.connection.sendRequest('textDocument/documentLink', { textDocument }), []);
			assert.deepEqual(await pull(client, textDocument.uri), []);
			const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument, position })) as { items: unknown[] } | null;
			assert.deepEqual(completion?.items ?? [], []);
			assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument }), []);
			assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument }), []);
			assert.equal(await client.connection.sendRequest('textDocument/prepareRename', { textDocument, position }), null);
		} finally {
			client.process.kill();
		}
	});
});

describe('state that follows every event', () => {
	const root = mkdtempSync(join(tmpdir(), 'kubelore-events-'));
	mkdirSync(join(root, 'first'));
	mkdirSync(join(root, 'second'));
	writeFileSync(join(root, 'second', 'pods.yaml'), PODS);
	writeFileSync(join(root, 'second', 'service.yaml'), SERVICE.replace('    - { port: 81 }\n', ''));
	after(() => rmSync(root, { recursive: true, force: true }));

	it('keeps a document that is not on disk when it is closed and opened again at once', async () => {
		const client = new TestClient();
		try {
			await client.initialize(pathToFileURL(join(root, 'first')).toString(), { diagnostic: {} });
			const uri = pathToFileURL(join(root, 'first', 'never-saved.yaml')).toString();
			const open = () => client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SERVICE } });
			await open();
			assert.equal((await pull(client, uri)).filter((d) => d.code === 'service-port-name-required').length, 2);
			await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
			await open();
			// The disk read that the close started has answered "no such file" by the second pull.
			await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
			await new Promise((resolve) => setImmediate(resolve));
			assert.equal((await pull(client, uri)).filter((d) => d.code === 'service-port-name-required').length, 2);
			const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
			assert.ok(hover, 'the reopened document is still known');
		} finally {
			client.process.kill();
		}
	});

	it('indexes a workspace folder added at run time', async () => {
		const client = new TestClient();
		try {
			await client.initialize(pathToFileURL(join(root, 'first')).toString(), { diagnostic: {} });
			await client.until(() => client.logs.some((l) => /indexed \d+ files/.test(l)));
			const second = pathToFileURL(join(root, 'second')).toString();
			await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: second, name: 'second' }], removed: [] } });
			await client.until(() => client.logs.filter((l) => /indexed \d+ files/.test(l)).length >= 2);
			const uri = pathToFileURL(join(root, 'second', 'service.yaml')).toString();
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SERVICE.replace('    - { port: 81 }\n', '') } });
			assert.deepEqual((await pull(client, uri)).map((d) => d.code), [], 'the pods of the added folder are seen');
		} finally {
			client.process.kill();
		}
	});
});
