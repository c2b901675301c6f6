import * as vscode from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';
import { ExplainRequest } from '../../server/src/protocol';
import { EntryView } from './entryView';
import { GraphView, type GraphShown } from './graphView';
import { KnowledgeStore } from './knowledgeStore';
import { lintWorkspace } from './lintWorkspace';
import { showSearch } from './search';

/**
 * Registers the palette commands. Each returns what it did, for tests and keybindings:
 * searchKnowledge, openEntry and explainAtCursor the id of the entry shown (undefined: none),
 * showGraph the entries and relations drawn, lintWorkspace the number of findings.
 */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
	const store = new KnowledgeStore(client);
	const entries = new EntryView(context.extensionUri, store);
	const graph = new GraphView(context.extensionUri, store, (id) => entries.show(id));
	const failed = (error: unknown) => {
		void vscode.window.showErrorMessage(vscode.l10n.t('KubeLore: {0}', error instanceof Error ? error.message : String(error)));
		return undefined;
	};
	context.subscriptions.push(
		store,
		entries,
		graph,
		vscode.commands.registerCommand('kubelore.searchKnowledge', async (query?: string): Promise<string | undefined> => {
			const id = await showSearch(store, typeof query === 'string' ? query : '');
			return id ? entries.show(id).catch(failed) : undefined;
		}),
		vscode.commands.registerCommand('kubelore.openEntry', (id: unknown): Promise<string | undefined> => {
			if (typeof id !== 'string') return Promise.resolve(undefined);
			return entries.show(id).catch(failed);
		}),
		vscode.commands.registerCommand('kubelore.showGraph', (category?: string): Promise<GraphShown | undefined> => graph.show(category).catch(failed)),
		vscode.commands.registerCommand('kubelore.explainAtCursor', () => explainAtCursor(client(), entries).catch(failed)),
		vscode.commands.registerCommand('kubelore.lintWorkspace', () => lintWorkspace(client())),
		// A code lens hands over the server's locations; the editor's references view shows them.
		vscode.commands.registerCommand('kubelore.showReferences', (uri: string, position: Position, locations: Location[]) => {
			const converter = client()?.protocol2CodeConverter;
			if (!converter) return undefined;
			return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), converter.asPosition(position), locations.map((l) => converter.asLocation(l)));
		}),
		// After a window reload VS Code hands back the open views with the state their page saved.
		vscode.window.registerWebviewPanelSerializer('kubelore.entry', { deserializeWebviewPanel: (panel, state) => entries.restore(panel, state).catch(failed) }),
		vscode.window.registerWebviewPanelSerializer('kubelore.graph', { deserializeWebviewPanel: (panel, state) => graph.restore(panel, state).catch(failed) }),
		vscode.commands.registerCommand('kubelore.restartServer', async () => {
			await client()?.restart();
			store.clear();
		}),
		// The views show the display language and the team's notes: show them again when either changes.
		vscode.workspace.onDidChangeConfiguration(async (e) => {
			if (!e.affectsConfiguration('kubelore.language') && !e.affectsConfiguration('kubelore.knowledge')) return;
			await Promise.all([entries.refresh(), graph.refresh()]).catch(failed);
		}),
	);
}

/** Opens the entry of what is under the cursor; returns its id, or undefined with a message. */
async function explainAtCursor(client: LanguageClient | undefined, entries: EntryView): Promise<string | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes manifest and put the cursor on a resource or value first.'));
		return undefined;
	}
	if (!client) return undefined;
	const id = await client.sendRequest<ExplainRequest.Result>(ExplainRequest.method, {
		uri: editor.document.uri.toString(),
		position: editor.selection.active,
	} satisfies ExplainRequest.Params);
	if (id) return entries.show(id);
	void vscode.window.showInformationMessage(vscode.l10n.t('KubeLore has no entry for what is under the cursor.'));
	return undefined;
}
