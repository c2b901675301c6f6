/*
 * The views and what only they need (the knowledge search, markdown, the entry and graph pages),
 * bundled apart as dist/views.js and loaded on first use, so that activation loads only the client.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntryView } from './entryView';
import { GraphView, type GraphShown } from './graphView';
import { KnowledgeStore } from './knowledgeStore';
import { showSearch } from './search';

export type { GraphShown };

/** The knowledge, the entry view and the graph view, made once per window. */
export class Views implements vscode.Disposable {
	readonly store: KnowledgeStore;
	readonly entries: EntryView;
	readonly graph: GraphView;

	constructor(extensionUri: vscode.Uri, client: () => LanguageClient | undefined) {
		this.store = new KnowledgeStore(client);
		this.entries = new EntryView(extensionUri, this.store);
		this.graph = new GraphView(extensionUri, this.store, (id) => this.entries.show(id));
	}

	/** The Search Knowledge palette; shows the chosen entry and returns its id. */
	async search(query: string): Promise<string | undefined> {
		const id = await showSearch(this.store, query);
		return id ? this.entries.show(id) : undefined;
	}

	/** Shows the views again in the display language and with the team's current notes. */
	async refresh(): Promise<void> {
		await Promise.all([this.entries.refresh(), this.graph.refresh()]);
	}

	dispose(): void {
		this.graph.dispose();
		this.entries.dispose();
		this.store.dispose();
	}
}
