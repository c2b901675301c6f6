/* An inverted index with BM25F weighting over the fields of each entry (names, summary, notes, body). */

/** A field of an entry, its text already cut into terms, and how much a match in it counts. */
export interface IndexedField {
	terms: string[];
	weight: number;
}

/** A query term and how much it counts (synonyms taken from aliases count less). */
export interface WeightedTerm {
	term: string;
	weight: number;
	/** A synonym: it adds to the score but an entry that lacks it is not missing a word of the query. */
	optional?: boolean;
	/** The entry a synonym came from: it already matches by the name the query used. */
	from?: number;
}

// Usual BM25 constants: term frequency saturates (k1), long fields are discounted (b).
const K1 = 1.2;
const B = 0.75;
const MAX_PREFIX_EXPANSION = 12;

/**
 * BM25 per field, summed with the fields' weights: a word in a name adds its own share on top of
 * the same word in the body (a name is what an entry is about), long fields are discounted
 * against that field's average length, and rare terms weigh more (idf over entries). Prefixes of the last word of a query are expanded over the vocabulary, so
 * results follow the user while typing.
 */
export class TextIndex {
	/** term -> flat [row, field, count, row, field, count, ...] */
	private readonly postings = new Map<string, number[]>();
	private readonly vocabulary: string[];
	private readonly lengths: number[][] = [];
	private readonly averages: number[];
	private readonly weights: number[];
	private readonly rows: number;

	constructor(entries: IndexedField[][]) {
		this.rows = entries.length;
		const fields = Math.max(0, ...entries.map((e) => e.length));
		this.weights = Array.from({ length: fields }, (_, f) => entries.find((e) => e[f])?.[f].weight ?? 1);
		const totals = new Array<number>(fields).fill(0);
		entries.forEach((entry, row) => {
			this.lengths.push(entry.map((field) => field.terms.length));
			entry.forEach((field, f) => {
				totals[f] += field.terms.length;
				const counts = new Map<string, number>();
				for (const term of field.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
				for (const [term, count] of counts) {
					const list = this.postings.get(term);
					if (list) list.push(row, f, count);
					else this.postings.set(term, [row, f, count]);
				}
			});
		});
		this.averages = totals.map((total) => Math.max(total / Math.max(this.rows, 1), 1));
		this.vocabulary = [...this.postings.keys()].sort();
	}

	/** Whether any entry holds the term. */
	has(term: string): boolean {
		return this.postings.has(term);
	}

	/**
	 * Scores of the rows that match any term, scaled by the share of the query's words each row
	 * holds (the best partial match wins, and no word is required); with `prefixLast`, the last
	 * term also matches as a prefix. Entries the query `named` count as holding every word.
	 */
	score(query: WeightedTerm[], prefixLast: boolean, named: number[] = []): Map<number, number> {
		const scores = new Map<number, number>();
		const matched = new Map<number, number>();
		const seen = new Set<string>();
		const required = query.filter((q) => !q.optional);
		query.forEach(({ term, weight, optional, from }, i) => {
			if (seen.has(term)) return;
			seen.add(term);
			const expanded: WeightedTerm[] = [{ term, weight, from }];
			// A word still being typed: expanded, unless it is a whole word already ("node" is not "nodeport").
			if (prefixLast && i === required.length - 1 && term.length >= 3 && !this.postings.has(term)) {
				for (const longer of this.withPrefix(term)) if (!seen.has(longer)) expanded.push({ term: longer, weight: weight * 0.6 });
			}
			const rows = new Set<number>();
			for (const t of expanded) this.add(t, scores, rows);
			if (!optional) for (const row of rows) matched.set(row, (matched.get(row) ?? 0) + 1);
		});
		const words = new Set(required.map((q) => q.term)).size;
		// An entry the query names is what the question is about: it lacks no word.
		for (const row of named) if (matched.has(row)) matched.set(row, words);
		if (words > 1) for (const [row, score] of scores) scores.set(row, (score * (matched.get(row) ?? 0)) / words);
		return scores;
	}

	private add({ term, weight, from }: WeightedTerm, scores: Map<number, number>, rows: Set<number>): void {
		const list = this.postings.get(term);
		if (!list) return;
		const perRow = new Map<number, number>();
		let df = 0;
		for (let i = 0; i < list.length; i += 3) {
			const row = list[i];
			if (i === 0 || list[i - 3] !== row) df++;
			if (row === from) continue;
			const f = list[i + 1];
			const count = list[i + 2];
			const norm = 1 - B + (B * this.lengths[row][f]) / this.averages[f];
			perRow.set(row, (perRow.get(row) ?? 0) + (this.weights[f] * count * (K1 + 1)) / (count + K1 * norm));
		}
		const idf = Math.log(1 + (this.rows - df + 0.5) / (df + 0.5));
		for (const [row, tf] of perRow) {
			rows.add(row);
			scores.set(row, (scores.get(row) ?? 0) + weight * idf * tf);
		}
	}

	/** Vocabulary terms that start with `prefix` (a few, shortest first). */
	private withPrefix(prefix: string): string[] {
		let lo = 0;
		let hi = this.vocabulary.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.vocabulary[mid] < prefix) lo = mid + 1;
			else hi = mid;
		}
		const out: string[] = [];
		for (let i = lo; i < this.vocabulary.length && this.vocabulary[i].startsWith(prefix); i++) out.push(this.vocabulary[i]);
		return out.sort((a, b) => a.length - b.length).slice(0, MAX_PREFIX_EXPANSION);
	}
}
