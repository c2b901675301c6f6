/* Editing features in a real editor: completion of a claimName, a Service rename that reaches another file, the outline, code lenses. No test writes a file. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, positionOf, waitFor, workspaceFolder } from './util';

const uriOf = (path: string) => vscode.Uri.joinPath(workspaceFolder(), ...path.split('/'));

/** Registers the editing tests with Mocha. */
export function defineEditingTests(): void {
	describe('KubeLore editing features', () => {
		// The tests change no file: the workspace is shared with the tests after them.
		afterEach(async () => {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		});

		it('right after `claimName: ` the claims of the workspace are offered with their sizes', async () => {
			const editor = await openFile('app/db.yaml');
			const start = positionOf(editor.document, 'claimName: db-data', 'claimName: '.length);
			const items = await waitFor('claims offered at claimName', async () => {
				const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, start);
				const claims = list.items.filter((i) => i.detail?.includes('PersistentVolumeClaim'));
				return claims.length ? claims : undefined;
			});
			const claim = items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'db-data');
			assert.ok(claim, `db-data is offered: ${items.map((i) => JSON.stringify(i.label)).join(', ')}`);
			const label = claim.label as vscode.CompletionItemLabel;
			assert.match(label.description ?? '', /20Gi/, 'the claim shows its size');
			assert.match(claim.detail ?? '', /claims\.yaml:\d+/, 'the claim says where it is defined');
		});

		it('renaming a Service updates the Ingress in another file in one edit', async () => {
			const editor = await openFile('app/web.yaml');
			// the Service's own name (the Deployment and its container are named web too)
			const needle = 'kind: Service\nmetadata:\n  name: web';
			const position = positionOf(editor.document, needle, needle.length - 2);
			// The server may still be reading the workspace: wait until the edit reaches the Ingress.
			const edit = await waitFor('a rename edit across two files', async () => {
				const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'storefront');
				return found && found.size > 1 ? found : undefined;
			});
			const files = edit.entries().map(([uri]) => uri.toString()).sort();
			assert.deepEqual(files, [uriOf('app/ingress.yaml').toString(), uriOf('app/web.yaml').toString()].sort());
			// What each edit replaces: the Ingress backend's name, and the Service's own name (not the Deployment's).
			const ingress = await vscode.workspace.openTextDocument(uriOf('app/ingress.yaml'));
			const [backend] = edit.get(ingress.uri);
			assert.equal(backend.newText, 'storefront');
			assert.equal(ingress.getText(backend.range), 'web');
			assert.match(ingress.lineAt(backend.range.start.line - 1).text, /service:$/, 'the backend service name');
			const [own] = edit.get(editor.document.uri);
			assert.equal(own.range.start.line, position.line, "the Service's name");
		});

		it('the outline of a ten-document file lists ten resources', async () => {
			const editor = await openFile('app/settings.yaml');
			const symbols = await waitFor('document symbols', async () => {
				const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
				return found?.length ? found : undefined;
			});
			assert.equal(symbols.length, 10);
			assert.ok(symbols.every((s) => s.name.startsWith('ConfigMap ')), symbols.map((s) => s.name).join(', '));
			assert.equal(symbols[0].name, 'ConfigMap web-settings');
		});

		it('a Service shows the pods it selects above it', async () => {
			const editor = await openFile('app/web.yaml');
			const lenses = await waitFor('code lenses', async () => {
				const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
				return found?.some((l) => l.command?.title) ? found : undefined;
			});
			const selects = lenses.find((l) => l.command?.title.startsWith('selects'));
			assert.equal(selects?.command?.title, 'selects Deployment/web, 2 replicas');
			assert.equal(editor.document.lineAt(selects.range.start.line).text, 'apiVersion: v1', 'above the Service document');
			assert.equal(selects.command?.command, 'kubelore.showReferences');
		});
	});
}
