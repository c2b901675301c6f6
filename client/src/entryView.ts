import * as vscode from 'vscode';
import { entryBodyHtml } from './entryHtml';
import { neighbourhood } from './graphData';
import type { KnowledgeStore } from './knowledgeStore';
import { displayLanguage } from './language';
import { openExternal, openNote, parseViewMessage } from './viewMessages';
import { pageHtml, webviewOptions } from './webviewPage';

/**
 * The entry view: one webview panel that shows one entry at a time, with its neighbourhood as a
 * picture. Relations open in the same panel; Back returns along the way taken.
 */
export class EntryView implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private history: string[] = [];
	/** Nodes and edges of the last picture the webview reported drawn (for tests). */
	drawn: { nodes: number; edges: number } | undefined;

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly store: KnowledgeStore,
	) {}

	/** The id of the entry on show, if the panel is open. */
	get current(): string | undefined {
		return this.panel ? this.history[this.history.length - 1] : undefined;
	}

	/** Shows an entry and returns its id; undefined (with a message) when there is no such entry. */
	async show(id: string, addToHistory = true): Promise<string | undefined> {
		const knowledge = await this.store.load();
		const entity = knowledge.byId.get(id);
		if (!entity) {
			void vscode.window.showWarningMessage(vscode.l10n.t('KubeLore has no entry "{0}".', id));
			return undefined;
		}
		const panel = this.ensurePanel();
		if (addToHistory && this.history[this.history.length - 1] !== id) this.history.push(id);
		const language = displayLanguage();
		const title = entity.title[language] || entity.title.en;
		panel.title = `KubeLore: ${title}`;
		this.drawn = undefined;
		panel.webview.html = pageHtml(panel.webview, this.extensionUri, {
			title,
			language,
			view: 'entry',
			entryId: entity.id,
			body: entryBodyHtml(entity, { byId: knowledge.byId, notes: knowledge.notes[entity.id] ?? [], language, canGoBack: this.history.length > 1 }),
			graph: neighbourhood(entity, knowledge.byId, language),
		});
		panel.reveal(undefined, false);
		return entity.id;
	}

	/** Goes back to the entry shown before this one. */
	async back(): Promise<string | undefined> {
		if (this.history.length < 2) return this.current;
		this.history.pop();
		return this.show(this.history[this.history.length - 1], false);
	}

	/** Shows the current entry again (the display language or the knowledge changed). */
	async refresh(): Promise<void> {
		const id = this.current;
		if (id) await this.show(id, false);
	}

	dispose(): void {
		this.panel?.dispose();
	}

	/** Takes over a panel VS Code kept across a window reload and shows its entry again. */
	async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
		const id = (state as { id?: unknown } | undefined)?.id;
		if (this.panel || typeof id !== 'string') {
			panel.dispose();
			return;
		}
		panel.webview.options = webviewOptions(this.extensionUri);
		this.adopt(panel);
		if (!(await this.show(id))) panel.dispose();
	}

	private ensurePanel(): vscode.WebviewPanel {
		if (this.panel) return this.panel;
		// Beside the editor (or the graph) in use; in the only group when nothing is open.
		const column = vscode.window.tabGroups.activeTabGroup.tabs.length ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
		return this.adopt(vscode.window.createWebviewPanel('kubelore.entry', 'KubeLore', column, webviewOptions(this.extensionUri)));
	}

	private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
		panel.onDidDispose(() => {
			this.panel = undefined;
			this.history = [];
		});
		panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw));
		this.panel = panel;
		return panel;
	}

	private async onMessage(raw: unknown): Promise<void> {
		const message = parseViewMessage(raw);
		try {
			if (message?.type === 'open') await this.show(message.id);
			else if (message?.type === 'back') await this.back();
			else if (message?.type === 'external') await openExternal(message.url);
			else if (message?.type === 'note') await openNote(message.file, message.line, (await this.store.load()).files);
			else if (message?.type === 'drawn') this.drawn = { nodes: message.nodes, edges: message.edges };
		} catch (error) {
			void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
		}
	}
}
