import * as vscode from 'vscode';
import { CATEGORIES, type Category } from '../../server/src/service/knowledge/types';
import { wholeGraph } from './graphData';
import { escapeHtml } from './html';
import type { KnowledgeStore } from './knowledgeStore';
import { displayLanguage } from './language';
import { say, VIEW_TEXT } from './viewText';
import { parseViewMessage } from './viewMessages';
import { pageHtml, webviewOptions } from './webviewPage';

/** What Show Knowledge Graph put on screen. */
export interface GraphShown {
	entries: number;
	relations: number;
	/** The category the picture starts filtered to, if any. */
	category?: Category;
}

/** The whole knowledge graph as a picture, filtered by category; a click opens the entry. */
export class GraphView implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	private category: Category | undefined;
	/** Nodes and edges of the last picture the webview reported drawn (for tests). */
	drawn: { nodes: number; edges: number } | undefined;

	constructor(
		private readonly extensionUri: vscode.Uri,
		private readonly store: KnowledgeStore,
		private readonly openEntry: (id: string) => Promise<unknown>,
	) {}

	/** Shows the graph, optionally filtered to one category from the start. */
	async show(category?: string): Promise<GraphShown> {
		const knowledge = await this.store.load();
		this.category = CATEGORIES.find((c) => c === category);
		const language = displayLanguage();
		const graph = wholeGraph(knowledge.entities, language);
		const title = say(VIEW_TEXT.graphTitle, language);
		const panel = this.ensurePanel();
		panel.title = `KubeLore: ${title}`;
		this.drawn = undefined;
		const chips = graph.categories.map(
			(c) => `<button type="button" class="cat-${escapeHtml(c.id)}" data-category="${escapeHtml(c.id)}" aria-pressed="${!this.category || this.category === c.id}"><span class="swatch"></span>${escapeHtml(c.label)}</button>`,
		);
		const body = `<header>
<h1>${escapeHtml(title)}</h1>
<p class="muted" id="graph-count">${escapeHtml(say(VIEW_TEXT.graphSummary, language, graph.nodes.length, graph.edges.length))}</p>
<div class="chips" role="group"><button type="button" data-category="" aria-pressed="${!this.category}">${escapeHtml(say(VIEW_TEXT.allCategories, language))}</button>${chips.join('')}</div>
</header>
<div id="graph" class="graph-box" role="img" aria-label="${escapeHtml(title)}" ${this.category ? `data-category="${this.category}"` : ''}></div>
<p class="hint">${escapeHtml(say(VIEW_TEXT.neighbourhoodHint, language))}</p>`;
		panel.webview.html = pageHtml(panel.webview, this.extensionUri, { title, language, view: 'graph', body, graph });
		panel.reveal(undefined, false);
		const entries = this.category ? graph.nodes.filter((n) => n.category === this.category).length : graph.nodes.length;
		const shown = new Set(graph.nodes.filter((n) => !this.category || n.category === this.category).map((n) => n.id));
		const relations = graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target)).length;
		return { entries, relations, ...(this.category ? { category: this.category } : {}) };
	}

	/** Draws the graph again if it is open (the display language or the knowledge changed). */
	async refresh(): Promise<void> {
		if (this.panel) await this.show(this.category);
	}

	dispose(): void {
		this.panel?.dispose();
	}

	/** Takes over a panel VS Code kept across a window reload and draws the graph again, with its filter. */
	async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
		if (this.panel) {
			panel.dispose();
			return;
		}
		const category = (state as { category?: unknown } | undefined)?.category;
		panel.webview.options = webviewOptions(this.extensionUri);
		this.adopt(panel);
		await this.show(typeof category === 'string' ? category : undefined);
	}

	private ensurePanel(): vscode.WebviewPanel {
		if (this.panel) return this.panel;
		return this.adopt(vscode.window.createWebviewPanel('kubelore.graph', 'KubeLore', vscode.ViewColumn.Active, webviewOptions(this.extensionUri)));
	}

	private adopt(panel: vscode.WebviewPanel): vscode.WebviewPanel {
		panel.onDidDispose(() => (this.panel = undefined));
		panel.webview.onDidReceiveMessage(async (raw: unknown) => {
			const message = parseViewMessage(raw);
			if (message?.type === 'open') await this.openEntry(message.id);
			else if (message?.type === 'drawn') this.drawn = { nodes: message.nodes, edges: message.edges };
		});
		this.panel = panel;
		return panel;
	}
}
