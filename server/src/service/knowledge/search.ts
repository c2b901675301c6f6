import Fuse from 'fuse.js';
import { QuestionReader } from './questions';
import { TextIndex, type IndexedField, type WeightedTerm } from './textIndex';
import { CJK, indexTerms, normalize, queryTerms, stem, typosIn, wordsOf } from './tokens';
import type { Entity, Language, Localized, TeamNote } from './types';

/** One search result: the entity and how well it matched (0 best, below 1). */
export interface SearchHit {
	entity: Entity;
	score: number;
	/** The title or alias that matched, when a name did. */
	name?: string;
	/** Why the entry answers a question: "Enforces NetworkPolicy: yes", "compares Calico, Cilium". */
	answer?: Localized;
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

interface Best {
	score: number;
	name?: string;
	answer?: Localized;
}

// Score bands: a better kind of match always beats a worse one, whatever the details.
const EXACT = 0;
/** The query without its question words names the entry: "what is a PVC", 什么是 PVC. */
const CONTENT_EXACT = 0.01;
/** The graph answers the question: the entries whose fact says yes, or the two compared. */
const ANSWER = 0.02;
const PREFIX = 0.1;
const WORD = 0.2;
/** Implementations of an entry named exactly: 网络插件 lists Calico, Cilium, Flannel next. */
const IMPLEMENTER = 0.25;
const FUZZY = 0.3;
/** Term-weighted matches over names, summaries, notes and bodies, from 0.5 down towards 1. */
const TEXT = 0.5;

// Field weights of the text index: names count most, then summaries, team notes, bodies.
const FIELD_WEIGHTS = { names: 3, summary: 1.5, notes: 1, body: 0.6 };
/** Terms of the other names of an entry the query names count this much (aliases as synonyms). */
const SYNONYM = 0.3;
/** Text scores of the entries a query names by a phrase of several words are multiplied by this. */
const STRONG_MENTION = 1.5;

/**
 * Search over titles, aliases, summaries and team notes in both languages, for questions as
 * well as names. The editor's QuickPick and `kubelore search` both rank with this class.
 *
 * Names are matched exactly, by prefix, by word prefix, then fuzzily (fuse.js bitap over the
 * names with separators removed, so "kube ovn" and "kubeovn" find Kube-OVN). Text is ranked by
 * BM25F over an inverted index of our own (textIndex.ts): the fields and the tokens (Chinese as
 * bigrams, question words dropped) are ours to decide, and the index is a hundred lines, where a
 * general library would still need both. Questions about facts and comparisons are answered
 * from the graph (questions.ts) and come before text matches.
 */
export class KnowledgeSearch {
	private readonly entities: Entity[];
	private readonly names: Name[] = [];
	/** Letter pair -> indexes into `names`: the typo search's prefilter. */
	private readonly namesByPair = new Map<string, number[]>();
	private readonly text: TextIndex;
	private readonly questions: QuestionReader;
	/** Per entity, the index terms of its titles: added to a query that names it by an alias. */
	private readonly titleTerms: string[][] = [];
	/** Rows of the entries that implement each entry (by row). */
	private readonly implementers = new Map<number, number[]>();
	/** Entities by how connected they are: the order of an empty query and of ties. */
	private readonly rank: Map<Entity, number>;

	constructor(entities: Entity[], notes: Record<string, TeamNote[]> = {}) {
		this.entities = entities;
		const degree = new Map<string, number>(entities.map((e) => [e.id, e.relations.length]));
		for (const e of entities) for (const r of e.relations) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
		const ordered = [...entities].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
		this.rank = new Map(ordered.map((e, i) => [e, i]));
		const rowOf = new Map(entities.map((e, row) => [e.id, row]));
		const fields: IndexedField[][] = [];
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
			// Another language's name of the entry: its Chinese title's bigrams, its English title as one
			// word ("persistentvolumeclaim", which the index holds for camelCase text).
			const english = normalize(titleParts(entity.title.en)[1] ?? entity.title.en);
			this.titleTerms.push([...new Set(indexTerms(entity.title.zh).filter((t) => t.length === 2 && CJK.test(t)).concat(english ? [stem(english)] : []))]);
			for (const r of entity.relations) {
				const target = rowOf.get(r.target);
				if (r.type === 'implements' && target !== undefined) this.implementers.set(target, [...(this.implementers.get(target) ?? []), row]);
			}
			fields.push([
				{ terms: indexTerms([...own.values()].map((n) => n.text).join(' ')), weight: FIELD_WEIGHTS.names },
				{ terms: indexTerms(`${entity.summary.en} ${entity.summary.zh}`), weight: FIELD_WEIGHTS.summary },
				{ terms: indexTerms((notes[entity.id] ?? []).map((n) => n.excerpt).join(' ')), weight: FIELD_WEIGHTS.notes },
				{ terms: indexTerms(`${entity.body.en} ${entity.body.zh}`), weight: FIELD_WEIGHTS.body },
			]);
		});
		this.names.forEach((name, i) => {
			for (const pair of new Set(letterPairs(name.key))) this.namesByPair.set(pair, [...(this.namesByPair.get(pair) ?? []), i]);
		});
		this.text = new TextIndex(fields);
		this.questions = new QuestionReader(entities);
	}

	/** Ranked hits: names, answers from the graph, typos, then text by weight. */
	search(query: string, limit = 20): SearchHit[] {
		const key = normalize(query);
		if (!key) return [...this.rank.keys()].slice(0, limit).map((entity) => ({ entity, score: 1 }));
		const best = new Map<number, Best>();
		const offer = (row: number, score: number, extra: Omit<Best, 'score'> = {}) => {
			if (score < (best.get(row)?.score ?? Infinity)) best.set(row, { score, ...extra });
		};
		const read = queryTerms(query);
		const exact = this.matchNames(key, offer);
		const content = normalize(read.content.join(''));
		if (content && content !== key) this.matchNames(content, (row, score, extra) => score === EXACT && offer(row, CONTENT_EXACT, extra));
		for (const row of exact) (this.implementers.get(row) ?? []).forEach((r) => offer(r, IMPLEMENTER + this.rank.get(this.entities[r])! * 1e-5));
		const { rows: mentioned, strong } = this.questions.mentions(query);
		const texts = this.text.score(this.weighted(read.terms.length ? read.terms : indexTerms(query), mentioned), !/\s$/.test(query), mentioned);
		const answered = this.questions.answer(query, mentioned);
		// Entries that answer a fact question come best known first; a comparison keeps its order.
		const answers = answered.compared ? answered.hits : [...answered.hits].sort((a, b) => this.rank.get(this.entities[a.row])! - this.rank.get(this.entities[b.row])!);
		answers.forEach(({ row, answer }, i) => offer(row, ANSWER + i * 1e-3, { answer }));
		// A query that already starts a name is no typo; this also saves the fuzzy pass most of the time.
		if (![...best.values()].some((b) => b.score < WORD)) this.matchFuzzy(key, offer);
		// A name of several words in the query ("pod on every node") says what it is about.
		for (const row of strong) texts.set(row, (texts.get(row) ?? 0) * STRONG_MENTION);
		for (const [row, score] of texts) offer(row, TEXT + 0.49 / (1 + score));
		return [...best]
			.map(([row, { score, name, answer }]) => ({ entity: this.entities[row], score, ...(name ? { name } : {}), ...(answer ? { answer } : {}) }))
			.sort((a, b) => a.score - b.score || this.rank.get(a.entity)! - this.rank.get(b.entity)!)
			.slice(0, limit);
	}

	/** Names equal to, starting with or holding a word starting with the query; returns exact rows. */
	private matchNames(key: string, offer: (row: number, score: number, extra?: Omit<Best, 'score'>) => void): number[] {
		const exact: number[] = [];
		const cjk = CJK.test(key);
		for (const name of this.names) {
			const tie = (1 - key.length / Math.max(name.key.length, key.length)) * 0.05 + (name.title ? 0 : 0.001);
			if (name.key === key) {
				offer(name.row, EXACT + (name.title ? 0 : 0.001), { name: name.text });
				exact.push(name.row);
			} else if (name.key.startsWith(key)) offer(name.row, PREFIX + tie, { name: name.text });
			else if (name.tails.some((t) => t.startsWith(key)) || (cjk && name.key.includes(key))) offer(name.row, WORD + tie, { name: name.text });
		}
		return exact;
	}

	private matchFuzzy(key: string, offer: (row: number, score: number, extra?: Omit<Best, 'score'>) => void): void {
		const cjk = CJK.test(key);
		// fuse.js finds the candidates; a typo must then sit at the start of a word of the name
		// (anywhere, for Chinese) so that "calico" does not also find "eksctl.io". Past 32
		// characters (bitap's word size) fuse splits the query and slows down; nobody types that.
		const allowed = cjk ? (key.length >= 6 ? 2 : key.length >= 3 ? 1 : 0) : key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
		if (allowed > 0 && key.length <= 32) {
			// The threshold lets bitap stop early (its score is edits / length); it counts a swap of
			// two letters as two edits.
			const threshold = Math.min((2 * allowed + 0.5) / key.length, 0.6);
			const fuse = new Fuse(this.typoCandidates(key, allowed), { keys: ['key'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold });
			for (const hit of fuse.search(key)) {
				const name = hit.item;
				const typos = Math.min(...(cjk ? [typosIn(key, name.key, true)] : name.tails.map((t) => typosIn(key, t, false))));
				if (typos > allowed) continue;
				const tie = (1 - Math.min(key.length / name.key.length, 1)) * 0.05;
				offer(name.row, FUZZY + (typos / key.length) * 0.5 + tie, { name: name.text });
			}
		}
	}

	/**
	 * Names that could hold the query with `allowed` typos: one edit breaks at most three of the
	 * query's letter pairs, so a name must share the rest. Fuse then runs over these few names
	 * instead of all of them (bitap over every name took milliseconds).
	 */
	private typoCandidates(key: string, allowed: number): Name[] {
		const pairs = new Set(letterPairs(key));
		const counts = new Uint16Array(this.names.length);
		for (const pair of pairs) for (const i of this.namesByPair.get(pair) ?? []) counts[i]++;
		const need = Math.max(1, pairs.size - 3 * allowed);
		return this.names.filter((_, i) => counts[i] >= need);
	}

	/** The query's terms, and the title terms of the entries it names by another name (synonyms). */
	private weighted(terms: string[], mentioned: number[]): WeightedTerm[] {
		const out: WeightedTerm[] = terms.map((term) => ({ term, weight: 1 }));
		const have = new Set(terms);
		for (const row of mentioned) {
			for (const term of this.titleTerms[row]) {
				if (have.has(term)) continue;
				have.add(term);
				out.push({ term, weight: SYNONYM, optional: true, from: row });
			}
		}
		return out;
	}
}

/** Overlapping letter pairs: "calico" -> ca, al, li, ic, co. */
function letterPairs(key: string): string[] {
	const out: string[] = [];
	for (let i = 0; i + 1 < key.length; i++) out.push(key.slice(i, i + 2));
	return out;
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
