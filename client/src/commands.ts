import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainRequest } from '../../server/src/protocol';
import { EntryView } from './entryView';
import { KnowledgeStore } from './knowledgeStore';
import { lintWorkspace } from './lintWorkspace';
import { showSearch } from './search';

/** Registers the palette commands; each is a few lines into its own module. */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
	const store = new KnowledgeStore(client);
	const view = new EntryView(context, store);
	context.subscriptions.push(
		vscode.commands.registerCommand('kubelore.searchKnowledge', async () => {
			const id = await showSearch(store);
			if (id) await view.show(id);
			return id;
		}),
		vscode.commands.registerCommand('kubelore.openEntry', (id: string) => view.show(id)),
		vscode.commands.registerCommand('kubelore.showGraph', () => view.showGraph()),
		vscode.commands.registerCommand('kubelore.explainAtCursor', async () => {
			const editor = vscode.window.activeTextEditor;
			const c = client();
			if (!editor || !c) return undefined;
			const id = await c.sendRequest<ExplainRequest.Result>(ExplainRequest.method, {
				uri: editor.document.uri.toString(),
				position: editor.selection.active,
			} satisfies ExplainRequest.Params);
			if (id) await view.show(id);
			else void vscode.window.showInformationMessage(vscode.l10n.t('KubeLore has no entry for what is under the cursor.'));
			return id;
		}),
		vscode.commands.registerCommand('kubelore.lintWorkspace', () => lintWorkspace(client())),
		vscode.commands.registerCommand('kubelore.restartServer', async () => {
			await client()?.restart();
			store.clear();
		}),
	);
}
