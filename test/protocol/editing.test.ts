import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionList, DocumentSymbol, ServerCapabilities, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - { name: http, port: 80 }\n';
const INGRESS = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: { number: 80 }\n';
const DEPLOYMENT =
	'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - { name: web, image: nginx }\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: \n';
const CLAIMS = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources: { requests: { storage: 20Gi } }\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: logs\nspec:\n  resources: { requests: { storage: 1Gi } }\n';
const HELM_CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: cache\n';
const HELM_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  volumes:\n    - name: c\n      persistentVolumeClaim: { claimName: cache }\n';

describe('editing features over stdio', () => {
	let client: TestClient;
	let caps: ServerCapabilities;
	let folder: string;
	const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
	const files: [string, string][] = [
		['app/service.yaml', SERVICE],
		['app/ingress.yaml', INGRESS],
		['app/web.yaml', DEPLOYMENT],
		['storage/claims.yaml', CLAIMS],
		['chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n'],
		['chart/templates/claim.yaml', HELM_CLAIM],
		['chart/templates/pod.yaml', HELM_POD],
	];

	before(async () => {
		folder = mkdtempSync(join(tmpdir(), 'kubelore-editing-'));
		for (const [name, text] of files) {
			mkdirSync(dirname(join(folder, name)), { recursive: true });
			writeFileSync(join(folder, name), text);
		}
		client = new TestClient();
		caps = (await client.initialize(pathToFileURL(folder).toString())).capabilities as ServerCapabilities;
		for (const name of ['app/service.yaml', 'app/web.yaml', 'storage/claims.yaml', 'chart/templates/claim.yaml']) {
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'yaml', version: 1, text: files.find(([n]) => n === name)![1] } });
		}
		await client.until(() => client.logs.some((l) => /KubeLore indexed \d+ files/.test(l)));
	});
	after(async () => {
		if (client.process.exitCode === null) await client.shutdown();
		rmSync(folder, { recursive: true, force: true });
	});

	it('announces completion with trigger characters, symbols, rename with prepare, and code lenses', () => {
		assert.ok(caps.completionProvider?.triggerCharacters?.includes(':'));
		assert.equal(caps.documentSymbolProvider, true);
		assert.equal(caps.workspaceSymbolProvider, true);
		assert.deepEqual(caps.renameProvider, { prepareProvider: true });
		assert.ok(caps.codeLensProvider);
	});

	it('completes claimName with the claims of the workspace and their sizes, a Helm template\'s last', async () => {
		const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('app/web.yaml') }, position: { line: 15, character: 23 } })) as CompletionList;
		assert.deepEqual(list.items.map((i) => [i.label, i.labelDetails?.description]), [['data', '20Gi'], ['logs', '1Gi'], ['cache', undefined]]);
	});

	it('renames a Service with the Ingress in another file in one edit', async () => {
		const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('app/service.yaml') }, position: { line: 3, character: 8 } })) as { placeholder: string };
		assert.equal(prepared.placeholder, 'web');
		const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('app/service.yaml') }, position: { line: 3, character: 8 }, newName: 'frontend' })) as WorkspaceEdit;
		assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [uri('app/ingress.yaml'), uri('app/service.yaml')]);
		assert.deepEqual(edit.changes![uri('app/ingress.yaml')], [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 15 } }, newText: 'frontend' }]);
	});

	it('refuses a rename that reaches into a Helm template with an error that says why', async () => {
		await assert.rejects(client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('chart/templates/claim.yaml') }, position: { line: 3, character: 8 } }), /Helm template/);
	});

	it('outlines a multi-document file and finds resources across the workspace', async () => {
		const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('storage/claims.yaml') } })) as DocumentSymbol[];
		assert.deepEqual(symbols.map((s) => s.name), ['PersistentVolumeClaim data', 'PersistentVolumeClaim logs']);
		const found = (await client.connection.sendRequest('workspace/symbol', { query: 'ingress' })) as WorkspaceSymbol[];
		assert.deepEqual(found.map((s) => [s.name, s.location.uri]), [['web', uri('app/ingress.yaml')]]);
	});

	it('shows what a Service selects in a resolved code lens whose command carries the locations', async () => {
		const unresolved = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('app/service.yaml') } })) as CodeLens[];
		assert.equal(unresolved.length, 1);
		const lenses = [(await client.connection.sendRequest('codeLens/resolve', unresolved[0])) as CodeLens];
		assert.equal(lenses[0].command?.title, 'selects Deployment/web, 2 replicas');
		assert.equal(lenses[0].command?.command, 'kubelore.showReferences');
		assert.equal((lenses[0].command?.arguments?.[2] as { uri: string }[])[0].uri, uri('app/web.yaml'));
	});
});
