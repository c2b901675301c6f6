/* The palette commands, run through vscode.commands as a user's keybinding or palette would run them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findings, graphEntry, graphSize, openFile, positionOf, waitFor, webviewTabs } from './util';

/** Registers the command tests with Mocha. */
export function defineCommandTests(): void {
	describe('KubeLore commands', () => {
		afterEach(async () => {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		});

		it('Search Knowledge finds an entry despite a typo and opens it in the entry view', async () => {
			let settled = false;
			const chosen = Promise.resolve(vscode.commands.executeCommand<string | undefined>('kubelore.searchKnowledge', 'calcio'));
			chosen.then(
				() => (settled = true),
				() => (settled = true),
			);
			// The QuickPick appears once the server has sent the knowledge; accept its first row then.
			const id = await waitFor('the search QuickPick to accept a row', async () => {
				if (settled) return { id: await chosen };
				await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
				return undefined;
			});
			assert.equal(id.id, 'calico', 'the first row for "calcio" is Calico, and the command returns its id');
			const title = `KubeLore: ${graphEntry('calico').title.en}`;
			await waitFor(`a "${title}" tab`, () => (webviewTabs().includes(title) ? true : undefined), [vscode.window.tabGroups.onDidChangeTabs]);
		});

		it('Explain Resource at Cursor opens the entry of the kind under the cursor', async () => {
			const editor = await openFile('app/web.yaml');
			const position = positionOf(editor.document, 'kind: Service', 'kind: '.length + 1);
			editor.selection = new vscode.Selection(position, position);
			const id = await vscode.commands.executeCommand<string | undefined>('kubelore.explainAtCursor');
			assert.equal(id, 'service');
			const title = `KubeLore: ${graphEntry('service').title.en}`;
			await waitFor(`a "${title}" tab`, () => (webviewTabs().includes(title) ? true : undefined), [vscode.window.tabGroups.onDidChangeTabs]);
		});

		it('Show Knowledge Graph draws the entries and their relations', async () => {
			const shown = await vscode.commands.executeCommand<{ entries: number; relations: number } | undefined>('kubelore.showGraph');
			assert.ok(shown, 'the command returns what it drew (undefined means it failed)');
			assert.ok(shown.entries > 1 && shown.entries <= graphSize(), `entries drawn: ${shown.entries} of ${graphSize()}`);
			assert.ok(shown.relations > 0, `relations drawn: ${shown.relations}`);
			await waitFor('a KubeLore webview tab', () => (webviewTabs().some((label) => label.startsWith('KubeLore')) ? true : undefined), [vscode.window.tabGroups.onDidChangeTabs]);
		});

		it('Lint Workspace checks every file and reports the one broken Service once', async () => {
			const editor = await openFile('app/api.yaml');
			const api = editor.document.uri;
			await waitFor('the server diagnostic of app/api.yaml', () => (findings(api, 'service-port-name-required').length ? true : undefined), [vscode.languages.onDidChangeDiagnostics]);
			const count = await vscode.commands.executeCommand<number>('kubelore.lintWorkspace');
			assert.equal(count, 1, 'the workspace has exactly one finding: the unnamed port in app/api.yaml');
			assert.equal(findings(api, 'service-port-name-required').length, 1, 'an open file is not reported twice');
		});
	});
}
