import Fuse from 'fuse.js';
import type { Entity, Language, TeamNote } from './types';

/** One search result: the entity and how well it matched (0 best). */
export interface SearchHit {
	entity: Entity;
	score: number;
}

interface Row {
	entity: Entity;
	titles: string[];
	aliases: string[];
	summaries: string[];
	notes: string[];
	/** Lower-cased exact names: a query equal to one ranks first. */
	exact: Set<string>;
}

/**
 * Typo-tolerant search over titles, aliases, summaries and team notes in both languages.
 * The editor's QuickPick and `kubelore search` both rank with this class.
 */
export class KnowledgeSearch {
	private readonly fuse: Fuse<Row>;
	private readonly rows: Row[];

	constructor(entities: Entity[], notes: Record<string, TeamNote[]> = {}) {
		this.rows = entities.map((entity) => ({
			entity,
			titles: [entity.title.en, entity.title.zh],
			aliases: [entity.id, ...entity.aliases],
			summaries: [entity.summary.en, entity.summary.zh],
			notes: (notes[entity.id] ?? []).map((n) => n.excerpt),
			exact: new Set([entity.id, entity.title.en, entity.title.zh, ...entity.aliases].map(normalize)),
		}));
		this.fuse = new Fuse(this.rows, {
			includeScore: true,
			ignoreLocation: true,
			threshold: 0.4,
			keys: [
				{ name: 'titles', weight: 3 },
				{ name: 'aliases', weight: 3 },
				{ name: 'summaries', weight: 0.6 },
				{ name: 'notes', weight: 0.3 },
			],
		});
	}

	/** Ranked hits: exact titles and aliases first, then fuzzy matches. */
	search(query: string, limit = 20): SearchHit[] {
		const q = query.trim();
		if (!q) return this.rows.slice(0, limit).map((r) => ({ entity: r.entity, score: 1 }));
		const key = normalize(q);
		const exact = this.rows.filter((r) => r.exact.has(key)).map((r) => ({ entity: r.entity, score: 0 }));
		const fuzzy = this.fuse
			.search(compact(q), { limit: limit * 2 })
			.filter((h) => !exact.some((e) => e.entity === h.item.entity))
			.map((h) => ({ entity: h.item.entity, score: Math.max(h.score ?? 1, 0.0001) }));
		return [...exact, ...fuzzy].slice(0, limit);
	}
}

function normalize(text: string): string {
	return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** "kube ovn" and "kubeovn" both find Kube-OVN: separators carry no meaning in a query. */
function compact(text: string): string {
	return /[\u3000-\u9fff]/.test(text) ? text.replace(/\s+/g, '') : text;
}

/** The title in the display language. */
export function titleOf(entity: Entity, language: Language): string {
	return entity.title[language] || entity.title.en;
}
