/* Words of the knowledge search: English words with a light stem, Chinese as character bigrams. */

export const CJK = /[\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /\p{Script=Han}+/gu;

// Words that carry no meaning in a question. "support", "vs" and the like stay: they are read
// by the question and comparison detection, and a body that says "supports" is about support.
const ENGLISH_STOP = new Set(
	(
		'a about after all also am an and any are as at be been being but by can could did do does doing for from get ' +
		'give go had has have having he her here how i if in into is it its just me more most my no nor not of on or ' +
		'our out over own same she should so some still such than that the their them then there these they this ' +
		'those through to too under until up use used using very was we were what when where which while who whom ' +
		'why will with would you your yours'
	).split(' '),
);

// Question words and particles: Intl.Segmenter cuts the query into words, and these are dropped.
// Content characters stay even when a segmenter cuts them off (有 of 有状态, 使用 of 使用率).
const CHINESE_STOP = new Set(
	(
		'的 了 吗 呢 吧 啊 呀 么 是 给 还 什么 哪 哪个 哪些 哪种 如何 怎么 怎样 怎么样 为什么 为何 几 几个 多少 ' +
		'一个 这个 那个 请问 是否 还是 我 我们 你'
	).split(' '),
);

let segmenter: Intl.Segmenter | undefined;
/** Chinese words by the ICU dictionary (Node 20 ships full ICU). */
function segment(text: string): string[] {
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Lower-case, compatibility forms folded (full-width letters), separators dropped. */
export function normalize(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Lower-case words; camelCase splits ("NetworkPolicy" -> network, policy), as does a change of script. */
export function wordsOf(text: string): string[] {
	return text
		.normalize('NFKC')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/(\p{Script=Han})(?=[A-Za-z0-9])|([A-Za-z0-9])(?=\p{Script=Han})/gu, '$1$2 ')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * A light English stem, the same for the index and the query: plurals, -ed, -ing and a final e
 * go ("policies" -> "policy", "supported" -> "support", "enforced" and "enforce" -> "enforc").
 */
export function stem(word: string): string {
	let w = word;
	if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
	else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
	if (w.length > 5 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
	else if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
	if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
	return w;
}

/** "runn" (of running) -> "run", "stopp" -> "stop"; ll, ss and zz stay. */
function undouble(w: string): string {
	return /([^aeioulsz])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Overlapping pairs of characters, or the character alone: the usual way to index Chinese. */
function bigrams(run: string, out: string[]): void {
	if (run.length === 1) out.push(run);
	for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
}

/**
 * The terms a text is indexed by: stemmed English words (camelCase also whole, so
 * "NetworkPolicy" is found as "networkpolicy" too), Chinese bigrams and single characters.
 */
export function indexTerms(text: string): string[] {
	const out: string[] = [];
	for (const raw of text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
		if (!raw) continue;
		const latin = raw.replace(HAN_RUN, ' ');
		const words = wordsOf(latin);
		for (const w of words) if (!ENGLISH_STOP.has(w)) out.push(stem(w));
		if (words.length > 1 && /^[A-Za-z0-9]+$/.test(raw)) out.push(stem(raw.toLowerCase()));
		for (const run of raw.match(HAN_RUN) ?? []) {
			bigrams(run, out);
			if (run.length > 1) for (const ch of run) out.push(ch);
		}
	}
	return out;
}

/** A query read for search: its terms, and the query with question words and particles dropped. */
export interface QueryTerms {
	terms: string[];
	/** The words that carry meaning, in order (Chinese words as the segmenter cut them). */
	content: string[];
}

/** Terms of a query: like `indexTerms`, but stop words and Chinese particles are dropped first. */
export function queryTerms(query: string): QueryTerms {
	const content: string[] = [];
	const terms: string[] = [];
	for (const raw of query.normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
		if (!raw) continue;
		// Latin and Han parts in their order; a Han part is cut into words, particles dropped, and
		// what stays together in the query becomes one run for bigrams.
		for (const part of raw.split(/(\p{Script=Han}+)/u)) {
			if (!part) continue;
			if (!CJK.test(part)) {
				const words = wordsOf(part).filter((w) => !ENGLISH_STOP.has(w));
				content.push(...words);
				terms.push(...words.map(stem));
				if (words.length > 1 && /^[A-Za-z0-9]+$/.test(part)) terms.push(stem(part.toLowerCase()));
				continue;
			}
			let run = '';
			const flush = () => {
				if (run) bigrams(run, terms);
				run = '';
			};
			for (const word of segment(part)) {
				if (CHINESE_STOP.has(word)) flush();
				else {
					content.push(word);
					run += word;
				}
			}
			flush();
		}
	}
	return { terms, content };
}

/**
 * The fewest edits (insert, delete, replace, swap two neighbours) that turn `query` into a
 * prefix of `text`, or, with `anywhere`, into any substring of it.
 */
export function typosIn(query: string, text: string, anywhere: boolean): number {
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
