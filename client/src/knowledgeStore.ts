import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { KnowledgeRequest } from '../../server/src/protocol';
import { KnowledgeSearch } from '../../server/src/service/knowledge/search';
import type { Entity, TeamNote } from '../../server/src/service/knowledge/types';

/** The knowledge as the server has it, with the team's entries and notes. */
export interface Knowledge {
	entities: Entity[];
	byId: Map<string, Entity>;
	notes: Record<string, TeamNote[]>;
	search: KnowledgeSearch;
	/** Files the views may open: team notes and team entries, nothing else. */
	files: Set<string>;
}

/**
 * The knowledge, fetched from the server once and kept until something it depends on changes:
 * the team's knowledge folders, a markdown file of the workspace (team notes), or a restart of the server.
 */
export class KnowledgeStore implements vscode.Disposable {
	private data: Promise<Knowledge> | undefined;
	private readonly disposables: vscode.Disposable[] = [];

	constructor(private readonly client: () => LanguageClient | undefined) {
		const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
		this.disposables.push(
			watcher,
			watcher.onDidChange(() => this.clear()),
			watcher.onDidCreate(() => this.clear()),
			watcher.onDidDelete(() => this.clear()),
			vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('kubelore.knowledge') && this.clear()),
		);
	}

	/** The knowledge; rejects when the server is not running or does not answer. */
	load(): Promise<Knowledge> {
		if (!this.data) {
			const loading = this.fetch();
			this.data = loading;
			loading.catch(() => {
				if (this.data === loading) this.data = undefined;
			});
		}
		return this.data;
	}

	async search(): Promise<KnowledgeSearch> {
		return (await this.load()).search;
	}

	async entity(id: string): Promise<Entity | undefined> {
		return (await this.load()).byId.get(id);
	}

	clear(): void {
		this.data = undefined;
	}

	dispose(): void {
		for (const d of this.disposables) d.dispose();
	}

	private async fetch(): Promise<Knowledge> {
		const client = this.client();
		if (!client) throw new Error(vscode.l10n.t('The KubeLore language server is not running.'));
		const result = await client.sendRequest<KnowledgeRequest.Result>(KnowledgeRequest.method);
		const files = new Set<string>();
		for (const list of Object.values(result.notes)) for (const note of list) files.add(note.file);
		for (const entity of result.entities) if (entity.team) files.add(entity.file);
		return {
			entities: result.entities,
			byId: new Map(result.entities.map((e) => [e.id, e])),
			notes: result.notes,
			search: new KnowledgeSearch(result.entities, result.notes),
			files,
		};
	}
}
