import type { LanguageClient } from 'vscode-languageclient/node';
import { KnowledgeRequest } from '../../server/src/protocol';
import { KnowledgeSearch } from '../../server/src/service/knowledge/search';
import type { Entity } from '../../server/src/service/knowledge/types';

/** The knowledge as the server has it (with team notes), fetched once and kept until cleared. */
export class KnowledgeStore {
	private data: Promise<{ result: KnowledgeRequest.Result; byId: Map<string, Entity>; search: KnowledgeSearch }> | undefined;

	constructor(private readonly client: () => LanguageClient | undefined) {}

	private load() {
		this.data ??= (async () => {
			const c = this.client();
			if (!c) throw new Error('The KubeLore server is not running.');
			const result = await c.sendRequest<KnowledgeRequest.Result>(KnowledgeRequest.method);
			return { result, byId: new Map(result.entities.map((e) => [e.id, e])), search: new KnowledgeSearch(result.entities, result.notes) };
		})();
		this.data.catch(() => (this.data = undefined));
		return this.data;
	}

	async search() {
		return (await this.load()).search;
	}

	async entity(id: string) {
		return (await this.load()).byId.get(id);
	}

	async all() {
		return (await this.load()).result;
	}

	clear(): void {
		this.data = undefined;
	}
}
