import Fuse, { type FuseIndex } from 'fuse.js';
import type { Entity, Language, TeamNote } from './types';

/** One search result: the entity and how well it matched (0 best, below 1). */
export interface SearchHit {
	entity: Entity;
	score: number;
	/** The title or alias that matched, when a name did. */
	name?: string;
}

/** A title, title part or alias of an entity, prepared for matching. */
interface Name {
	row: number;
	text: string;
	/** Lower-case, separators removed: "Kube-OVN" -> "kubeovn". */
	key: string;
	/** `key` from each word on: "cluster autoscaler" -> ["clusterautoscaler", "autoscaler"]. */
	tails: string[];
	/** Titles win ties against aliases. */
	title: boolean;
}

/** Summaries, team notes and bodies. */
interface Text {
	row: number;
	words: WordSet;
	/** The score of a match: summaries count more than notes, notes more than bodies. */
	weight: number;
}

const CJK = /[\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
// Score bands: a better kind of match always beats a worse one, whatever the details.
const EXACT = 0;
const PREFIX = 0.1;
const WORD = 0.2;
const FUZZY = 0.3;
const ALL_WORDS = 0.55;
const SUMMARY = 0.65;
const NOTE = 0.7;
const BODY = 0.8;

/**
 * Typo-tolerant search over titles, aliases, summaries and team notes in both languages.
 * The editor's QuickPick and `kubelore search` both rank with this class.
 *
 * Names are matched exactly, by prefix, by word prefix, then fuzzily (fuse.js bitap over the
 * names with separators removed, so "kube ovn" and "kubeovn" find Kube-OVN). Chinese has no
 * spaces, so a Chinese query matches any substring of a name or text rather than a word, and
 * fuse's field-length norm (which counts whitespace-separated words) is switched off: it would
 * treat a whole Chinese sentence as one short word.
 */
export class KnowledgeSearch {
	private readonly entities: Entity[];
	private readonly names: Name[] = [];
	private readonly texts: Text[] = [];
	/** Per entity, every word of its names, for queries whose words are spread over names and text. */
	private readonly nameWords: WordSet[] = [];
	private readonly nameIndex: FuseIndex<Name>;
	/** Entities by how connected they are: the order of an empty query and of ties. */
	private readonly rank: Map<Entity, number>;

	constructor(entities: Entity[], notes: Record<string, TeamNote[]> = {}) {
		this.entities = entities;
		const degree = new Map<string, number>(entities.map((e) => [e.id, e.relations.length]));
		for (const e of entities) for (const r of e.relations) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
		const ordered = [...entities].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
		this.rank = new Map(ordered.map((e, i) => [e, i]));
		entities.forEach((entity, row) => {
			const titles = [entity.title.en, entity.title.zh].flatMap(titleParts);
			const own = new Map<string, Name>();
			for (const [text, title] of [...titles.map((t) => [t, true] as const), ...[entity.id, ...entity.aliases].map((a) => [a, false] as const)]) {
				const key = normalize(text);
				if (!key || own.has(key)) continue;
				const words = wordsOf(text);
				own.set(key, { row, text, key, title, tails: words.map((_, i) => words.slice(i).join('')) });
			}
			this.names.push(...own.values());
			this.nameWords.push(new WordSet([...own.values()].flatMap((n) => n.tails), [...own.keys()].join(' ')));
			const add = (text: string, weight: number) => text && this.texts.push({ row, words: WordSet.of(text), weight });
			add(`${entity.summary.en} ${entity.summary.zh}`, SUMMARY);
			for (const note of notes[entity.id] ?? []) add(note.excerpt, NOTE);
			add(`${entity.body.en} ${entity.body.zh}`, BODY);
		});
		this.nameIndex = Fuse.createIndex(['key'], this.names);
	}

	/** Ranked hits: exact titles and aliases first, then prefixes, words, typos and text. */
	search(query: string, limit = 20): SearchHit[] {
		const key = normalize(query);
		if (!key) return [...this.rank.keys()].slice(0, limit).map((entity) => ({ entity, score: 1 }));
		const best = new Map<number, { score: number; name?: string }>();
		const offer = (row: number, score: number, name?: Name) => {
			if (score < (best.get(row)?.score ?? Infinity)) best.set(row, { score, name: name?.text });
		};
		const cjk = CJK.test(key);
		for (const name of this.names) {
			const tie = (1 - key.length / Math.max(name.key.length, key.length)) * 0.05 + (name.title ? 0 : 0.001);
			if (name.key === key) offer(name.row, EXACT + (name.title ? 0 : 0.001), name);
			else if (name.key.startsWith(key)) offer(name.row, PREFIX + tie, name);
			else if (name.tails.some((t) => t.startsWith(key)) || (cjk && name.key.includes(key))) offer(name.row, WORD + tie, name);
		}
		// fuse.js finds the candidates; a typo must then sit at the start of a word of the name
		// (anywhere, for Chinese) so that "calico" does not also find "eksctl.io". Past 32
		// characters (bitap's word size) fuse splits the query and slows down; nobody types that.
		const allowed = cjk ? (key.length >= 6 ? 2 : key.length >= 3 ? 1 : 0) : key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
		if (allowed > 0 && key.length <= 32) {
			// The threshold lets bitap stop early (its score is edits / length); it counts a swap of
			// two letters as two edits.
			const threshold = Math.min((2 * allowed + 0.5) / key.length, 0.6);
			const fuse = new Fuse(this.names, { keys: ['key'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold }, this.nameIndex);
			for (const hit of fuse.search(key)) {
				const name = hit.item;
				const typos = Math.min(...(cjk ? [typosIn(key, name.key, true)] : name.tails.map((t) => typosIn(key, t, false))));
				if (typos > allowed) continue;
				const tie = (1 - Math.min(key.length / name.key.length, 1)) * 0.05;
				offer(name.row, FUZZY + (typos / key.length) * 0.5 + tie, name);
			}
		}
		this.matchWords(query, offer);
		return [...best]
			.map(([row, { score, name }]) => ({ entity: this.entities[row], score, ...(name ? { name } : {}) }))
			.sort((a, b) => a.score - b.score || this.rank.get(a.entity)! - this.rank.get(b.entity)!)
			.slice(0, limit);
	}

	/** Every word of the query somewhere in the entity: a name, the summary, a note or the body. */
	private matchWords(query: string, offer: (row: number, score: number) => void): void {
		const words = wordsOf(query);
		if (!words.length) return;
		if (words.length > 1) {
			this.nameWords.forEach((names, row) => {
				if (words.every((w) => names.has(w))) offer(row, ALL_WORDS);
			});
		}
		for (const text of this.texts) {
			const names = this.nameWords[text.row];
			if (words.every((w) => text.words.has(w) || names.has(w))) offer(text.row, text.weight);
		}
	}
}

/** The words of a text, sorted for prefix lookups; Chinese is matched as a substring of the whole. */
class WordSet {
	private readonly sorted: string[];

	constructor(
		words: string[],
		private readonly joined: string,
	) {
		this.sorted = [...new Set(words)].sort();
	}

	static of(text: string): WordSet {
		return new WordSet(wordsOf(text), normalize(text));
	}

	/** A word that starts with `word` (equals it, under three letters); Chinese: anywhere. */
	has(word: string): boolean {
		if (CJK.test(word)) return this.joined.includes(word);
		let lo = 0;
		let hi = this.sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.sorted[mid] < word) lo = mid + 1;
			else hi = mid;
		}
		const next = this.sorted[lo];
		return next !== undefined && (word.length >= 3 ? next.startsWith(word) : next === word);
	}
}

/**
 * The fewest edits (insert, delete, replace, swap two neighbours) that turn `query` into a
 * prefix of `text`, or, with `anywhere`, into any substring of it.
 */
function typosIn(query: string, text: string, anywhere: boolean): number {
	const m = query.length;
	const n = text.length;
	const rows: number[][] = [Array.from({ length: n + 1 }, (_, j) => (anywhere ? 0 : j))];
	for (let i = 1; i <= m; i++) {
		const row = [i];
		for (let j = 1; j <= n; j++) {
			const cost = query[i - 1] === text[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && query[i - 1] === text[j - 2] && query[i - 2] === text[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
			row.push(d);
		}
		rows.push(row);
	}
	return Math.min(...rows[m]);
}

/** Lower-case, compatibility forms folded (full-width brackets), separators dropped. */
function normalize(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower-case words; camelCase splits ("NetworkPolicy" -> network, policy), as does a change of script. */
function wordsOf(text: string): string[] {
	return text
		.normalize('NFKC')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/(\p{Script=Han})(?=[A-Za-z0-9])|([A-Za-z0-9])(?=\p{Script=Han})/gu, '$1$2 ')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** "Container Network Interface (CNI)" is also "Container Network Interface" and "CNI". */
function titleParts(title: string): string[] {
	const folded = title.normalize('NFKC');
	// Bounded: the lazy pattern is quadratic, and a team note's title can be any length.
	const m = folded.length <= 200 ? /^(.+?)\s*\((.+)\)\s*$/.exec(folded) : null;
	return m ? [title, m[1], m[2]] : [title];
}

/** The title in the display language. */
export function titleOf(entity: Entity, language: Language): string {
	return entity.title[language] || entity.title.en;
}
