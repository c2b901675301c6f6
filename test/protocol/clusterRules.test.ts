import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { TestClient } from '../util/lspClient';
import { ROOT } from '../util/service';

const INGRESS = readFileSync(join(ROOT, 'test', 'fixtures', 'cli', 'cluster', 'ingress.yaml'), 'utf8');

describe('deprecated-api-version over the protocol', () => {
	let client: TestClient;
	let uri: string;

	before(async () => {
		const folder = mkdtempSync(join(tmpdir(), 'kubelore-api-'));
		writeFileSync(join(folder, 'ingress.yaml'), INGRESS);
		uri = pathToFileURL(join(folder, 'ingress.yaml')).toString();
		client = new TestClient({ kubernetesVersion: '1.31' });
		await client.initialize(pathToFileURL(folder).toString(), { diagnostic: { dynamicRegistration: false } });
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: INGRESS } });
	});
	after(async () => {
		if (client.process.exitCode === null) await client.shutdown();
	});

	it('an extensions/v1beta1 Ingress is an error on its apiVersion, and the hover says the same', async () => {
		const { items } = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
		const found = items.find((d) => d.code === 'deprecated-api-version');
		assert.ok(found, items.map((d) => d.code).join(', '));
		assert.equal(found.severity, 1);
		assert.deepEqual(found.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } });
		const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 15 } })) as Hover;
		assert.match((hover.contents as { value: string }).value, /removed in 1\.22: the target version 1\.31 rejects it/);
	});

	it('its quick fix produces a networking.k8s.io/v1 Ingress that no longer gets the diagnostic', async () => {
		const { items } = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
		const found = items.find((d) => d.code === 'deprecated-api-version')!;
		const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: found.range, context: { diagnostics: [found], only: ['quickfix'] } })) as CodeAction[];
		const fix = actions.find((a) => a.isPreferred);
		assert.ok(fix?.edit?.changes?.[uri], actions.map((a) => a.title).join(' | '));
		const next = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, INGRESS), fix.edit.changes[uri]);
		assert.deepEqual(parse(next), {
			apiVersion: 'networking.k8s.io/v1',
			kind: 'Ingress',
			metadata: { name: 'shop' },
			spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'shop', port: { number: 80 } } } }] } }] },
		});
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: next }] });
		const after = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
		assert.ok(!after.items.some((d) => d.code === 'deprecated-api-version'));
	});
});
