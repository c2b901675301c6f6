import * as vscode from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';
import { ExplainRequest } from '../../server/src/protocol';
import { lintWorkspace } from './lintWorkspace';
import type { GraphShown, Views } from './views';

/**
 * Registers the palette commands. Each returns what it did, for tests and keybindings:
 * searchKnowledge, openEntry and explainAtCursor the id of the entry shown (undefined: none),
 * showGraph the entries and relations drawn, lintWorkspace the number of findings.
 * The views live in their own bundle (dist/views.js), loaded by the first command that needs them.
 * Commands that talk to the server first wait for `started` (the client starts after activation).
 */
export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, started: () => Promise<unknown> = async () => undefined): void {
	let loaded: Promise<Views> | undefined;
	const views = () =>
		(loaded ??= started().then(() => import('./views')).then((m) => {
			const made = new m.Views(context.extensionUri, client);
			context.subscriptions.push(made);
			return made;
		}));
	const failed = (error: unknown) => {
		void vscode.window.showErrorMessage(vscode.l10n.t('KubeLore: {0}', error instanceof Error ? error.message : String(error)));
		return undefined;
	};
	context.subscriptions.push(
		vscode.commands.registerCommand('kubelore.searchKnowledge', async (query?: string): Promise<string | undefined> =>
			(await views()).search(typeof query === 'string' ? query : '').catch(failed),
		),
		vscode.commands.registerCommand('kubelore.openEntry', async (id: unknown): Promise<string | undefined> => {
			if (typeof id !== 'string') return undefined;
			return (await views()).entries.show(id).catch(failed);
		}),
		vscode.commands.registerCommand('kubelore.showGraph', async (category?: string): Promise<GraphShown | undefined> => (await views()).graph.show(category).catch(failed)),
		vscode.commands.registerCommand('kubelore.explainAtCursor', async () => (await started(), explainAtCursor(client(), views)).catch(failed)),
		vscode.commands.registerCommand('kubelore.lintWorkspace', async () => (await started(), lintWorkspace(client()))),
		// A code lens hands over the server's locations; the editor's references view shows them.
		vscode.commands.registerCommand('kubelore.showReferences', (uri: string, position: Position, locations: Location[]) => {
			const converter = client()?.protocol2CodeConverter;
			if (!converter) return undefined;
			return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), converter.asPosition(position), locations.map((l) => converter.asLocation(l)));
		}),
		// After a window reload VS Code hands back the open views with the state their page saved.
		vscode.window.registerWebviewPanelSerializer('kubelore.entry', { deserializeWebviewPanel: async (panel, state) => (await views()).entries.restore(panel, state).catch(failed) }),
		vscode.window.registerWebviewPanelSerializer('kubelore.graph', { deserializeWebviewPanel: async (panel, state) => (await views()).graph.restore(panel, state).catch(failed) }),
		vscode.commands.registerCommand('kubelore.restartServer', async () => {
			await started();
			await client()?.restart();
			(await loaded)?.store.clear();
		}),
		// The views show the display language and the team's notes: show them again when either changes
		// (views never loaded have nothing on show).
		vscode.workspace.onDidChangeConfiguration(async (e) => {
			if (!e.affectsConfiguration('kubelore.language') && !e.affectsConfiguration('kubelore.knowledge')) return;
			await (await loaded)?.refresh().catch(failed);
		}),
	);
}

/** Opens the entry of what is under the cursor; returns its id, or undefined with a message. */
async function explainAtCursor(client: LanguageClient | undefined, views: () => Promise<Views>): Promise<string | undefined> {
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
	if (id) return (await views()).entries.show(id);
	void vscode.window.showInformationMessage(vscode.l10n.t('KubeLore has no entry for what is under the cursor.'));
	return undefined;
}
