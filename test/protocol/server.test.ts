import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentLink, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - { name: http, port: 80 }
`;

describe('the bundled server over stdio', () => {
	let client: TestClient;
	let folder: string;
	const uri = () => pathToFileURL(join(folder, 'app.yaml')).toString();

	before(async () => {
		folder = mkdtempSync(join(tmpdir(), 'kubelore-protocol-'));
		mkdirSync(join(folder, 'more'));
		writeFileSync(join(folder, 'more', 'pvc.yaml'), 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n');
		client = new TestClient();
	});
	after(async () => {
		if (client.process.exitCode === null) client.process.kill();
	});

	it('answers initialize with its capabilities', async () => {
		const result = await client.initialize(pathToFileURL(folder).toString(), { diagnostic: { dynamicRegistration: false } });
		const caps = result.capabilities;
		assert.ok(caps.hoverProvider);
		assert.ok(caps.definitionProvider);
		assert.ok(caps.referencesProvider);
		assert.ok(caps.codeActionProvider);
		assert.ok(caps.documentLinkProvider);
		assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
	});

	it('hovers on kind: Service with the knowledge entry', async () => {
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'yaml', version: 1, text: SERVICE } });
		const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 1, character: 8 } })) as Hover;
		const value = (hover.contents as { value: string }).value;
		assert.match(value, /Service/);
		assert.match(value, /command:kubelore\.openEntry/, 'related entries are command links');
		assert.deepEqual(hover.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 13 } });
	});

	it('pulls diagnostics, and a didChange brings new ones', async () => {
		const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri() } })) as { items: Diagnostic[] };
		assert.deepEqual(first.items.filter((d) => d.code === 'service-port-name-required'), []);
		const broken = SERVICE.replace('    - { name: http, port: 80 }\n', '    - { name: http, port: 80 }\n    - { port: 443 }\n');
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: [{ text: broken }] });
		const second = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri() } })) as { items: Diagnostic[] };
		const found = second.items.find((d) => d.code === 'service-port-name-required');
		assert.ok(found, 'the unnamed port is reported');
		assert.equal(found.source, 'KubeLore');
		assert.equal(found.range.start.line, 8);
	});

	it('links only web addresses; a known value opens its entry from its hover and Explain, not from an underline', async () => {
		const linked = pathToFileURL(join(folder, 'links.yaml')).toString();
		const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: edge\n  annotations: { runbook: "https://example.com/runbooks/edge" }\nspec:\n  type: NodePort\n  selector: { app: edge }\n  ports:\n    - { port: 80 }\n    - { port: 81 }\n`;
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: linked, languageId: 'yaml', version: 1, text } });
		const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: linked } })) as DocumentLink[];
		assert.deepEqual(
			links.map((l) => [l.target, l.range.start.line]),
			[['https://example.com/runbooks/edge', 4]],
		);
		const diagnostics = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: linked } })) as { items: Diagnostic[] };
		assert.ok(diagnostics.items.some((d) => d.code === 'service-port-name-required'), 'the squiggles are there, with no link over them');
		const position = { line: 6, character: 10 };
		const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: linked }, position })) as Hover;
		assert.ok((hover.contents as { value: string }).value.includes(`command:kubelore.openEntry?${encodeURIComponent('["nodeport"]')}`), 'the hover links to the NodePort entry');
		assert.equal(await client.connection.sendRequest('kubelore/explain', { uri: linked, position }), 'nodeport');
	});

	it('gives one syntax diagnostic for a broken document and keeps serving the others', async () => {
		const text = `${SERVICE}---\nkind: [unclosed\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n`;
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text }] });
		const result = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri() } })) as { items: Diagnostic[] };
		const syntax = result.items.filter((d) => d.code === 'yaml-syntax');
		assert.equal(syntax.length, 1);
		assert.ok(syntax[0].range.start.line >= 9 && syntax[0].range.start.line <= 10);
		const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 12, character: 8 } })) as Hover | null;
		assert.match((hover?.contents as { value: string }).value, /Secret/);
	});

	it('survives garbage and requests for unknown documents', async () => {
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///nowhere/x.yaml', languageId: 'yaml', version: 1, text: '\u0000{{{{ ]]]: :\n'.repeat(100) } });
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never-opened.yaml' }, position: { line: 99, character: 99 } });
		assert.equal(hover, null);
		const result = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.yaml' } })) as { items: Diagnostic[] };
		assert.ok(result.items.length <= 1);
	});

	it('shuts down cleanly', async () => {
		assert.equal(await client.shutdown(), 0);
	});
});

describe('a client without pull diagnostics gets them pushed', () => {
	it('publishes diagnostics after didOpen', async () => {
		const client = new TestClient();
		try {
			await client.initialize(null);
			const uri = 'file:///tmp/push-test.yaml';
			await client.connection.sendNotification('textDocument/didOpen', {
				textDocument: { uri, languageId: 'yaml', version: 1, text: SERVICE.replace('    - { name: http, port: 80 }\n', '    - { port: 80 }\n    - { port: 81 }\n') },
			});
			const published = await client.until(() => client.published.get(uri));
			assert.equal(published.diagnostics.filter((d) => d.code === 'service-port-name-required').length, 2);
			assert.equal(await client.shutdown(), 0);
		} finally {
			if (client.process.exitCode === null) client.process.kill();
		}
	});
});
