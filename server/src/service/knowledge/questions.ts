/* Questions the graph answers: "which CNI supports NetworkPolicy", "calico vs cilium". */
import { factName } from '../l10n/knowledge';
import { factValueText } from '../l10n/factValues';
import { CJK, normalize, stem, wordsOf } from './tokens';
import type { Entity, Localized } from './types';

/** A fact a question can ask about, with the words that ask for it (stemmed English, or Chinese). */
interface FactQuestion {
	key: string;
	/** For list facts: the member asked for (accessModes containing ReadWriteMany). */
	value?: string;
	terms: string[];
}

const FACT_QUESTIONS: FactQuestion[] = [
	{ key: 'networkPolicy', terms: ['network policy', 'networkpolicy', 'netpol', '网络策略'] },
	{ key: 'encryption', terms: ['encrypt', 'encryption', 'encrypted', 'wireguard', 'ipsec', '加密'] },
	{ key: 'dualStack', terms: ['ipv6', 'dual stack', 'dualstack', '双栈'] },
	{ key: 'windows', terms: ['window', 'windows'] },
	{ key: 'sandboxed', terms: ['sandbox', 'sandboxed', 'isolation', '沙箱', '隔离'] },
	{ key: 'accessModes', value: 'ReadWriteMany', terms: ['readwritemany', 'rwx', 'shared', 'many node', '多节点读写', '共享'] },
	{ key: 'accessModes', value: 'ReadWriteOncePod', terms: ['readwriteoncepod', 'rwop'] },
	{ key: 'volumeModes', value: 'Block', terms: ['raw block', 'block', '块设备', '块存储'] },
	{ key: 'snapshots', terms: ['snapshot', '快照'] },
	{ key: 'expansion', terms: ['expand', 'expansion', 'resize', 'resizing', '扩容'] },
	{ key: 'topology', terms: ['topology', '拓扑'] },
];

const ASKING = /\b(which|what|does|do|can|support|supports|supported|list|any)\b|哪|什么|支持|能否|可以|吗/;
const REPLACING = /\b(replace|replaces|replaced|replacement|successor|instead|migrate|alternative)\b|取代|替代|代替|继任|迁移/;
const COMPARING = /\b(vs|versus|or|compare|compared|comparison|difference|differences|between)\b|对比|比较|区别|差异|还是|不同/;

/** Why a hit answers the question, in both languages. */
export type Answer = Localized;

/** What the graph says about a query: entries to put first, each with its reason. */
export interface Answered {
	row: number;
	answer: Answer;
}

interface NamePhrase {
	row: number;
	/** Stemmed words joined by spaces (English), or the normalized name (Chinese). */
	phrase: string;
	cjk: boolean;
}

/** Reads questions against the entries' names and facts. */
export class QuestionReader {
	private readonly phrases: NamePhrase[] = [];
	private readonly implementers = new Map<string, number[]>();
	private readonly rowOf = new Map<string, number>();

	constructor(private readonly entities: Entity[]) {
		entities.forEach((entity, row) => {
			this.rowOf.set(entity.id, row);
			for (const r of entity.relations) if (r.type === 'implements') this.implementers.set(r.target, [...(this.implementers.get(r.target) ?? []), row]);
			const seen = new Set<string>();
			for (const name of [entity.title.en, entity.title.zh, entity.id, ...entity.aliases]) {
				const cjk = CJK.test(name);
				const phrase = cjk ? normalize(name) : wordsOf(name).map(stem).join(' ');
				if (phrase.length < (cjk ? 2 : 2) || seen.has(phrase)) continue;
				seen.add(phrase);
				this.phrases.push({ row, phrase, cjk });
			}
		});
	}

	/**
	 * Entries the query names, in the order it names them (none named only inside a longer name),
	 * and among them those named by several words (Chinese: three characters or more).
	 */
	mentions(query: string): { rows: number[]; strong: number[] } {
		const named = this.named(query);
		return { rows: named.map((p) => p.row), strong: named.filter((p) => (p.cjk ? p.phrase.length >= 3 : p.phrase.includes(' '))).map((p) => p.row) };
	}

	private named(query: string): NamePhrase[] {
		const english = ` ${wordsOf(query).map(stem).join(' ')} `;
		const chinese = normalize(query);
		const found = this.phrases.filter((p) => (p.cjk ? chinese.includes(p.phrase) : english.includes(` ${p.phrase} `)));
		found.sort((a, b) => b.phrase.length - a.phrase.length);
		const kept: NamePhrase[] = [];
		for (const p of found) {
			if (kept.some((k) => k.row === p.row)) continue;
			if (kept.some((k) => k.cjk === p.cjk && k.phrase.includes(p.phrase))) continue;
			kept.push(p);
		}
		// In the order the query names them.
		const at = (p: NamePhrase) => (p.cjk ? chinese.indexOf(p.phrase) : english.indexOf(` ${p.phrase} `));
		return kept.sort((a, b) => at(a) - at(b));
	}

	/** Entries whose fact answers a question ("which CNI supports network policy"), or a comparison. */
	answer(query: string, mentioned: number[]): { compared: boolean; hits: Answered[] } {
		const lower = query.toLowerCase();
		if (COMPARING.test(lower) && mentioned.length >= 2) return { compared: true, hits: this.compare(mentioned) };
		if (REPLACING.test(lower) && mentioned.length >= 1) {
			const hits = this.successors(mentioned[0]);
			if (hits.length) return { compared: true, hits };
		}
		return { compared: false, hits: this.factAnswers(query, mentioned) };
	}

	private factAnswers(query: string, mentioned: number[]): Answered[] {
		if (!ASKING.test(query.toLowerCase()) && !mentioned.some((row) => this.implementers.has(this.entities[row].id))) return [];
		const english = ` ${wordsOf(query).map(stem).join(' ')} `;
		const chinese = normalize(query);
		// English terms match as words; one-word terms also inside a camelCase word ("ReadWriteMany").
		const says = (t: string) => (CJK.test(t) ? chinese.includes(t) : english.includes(` ${t.split(' ').map(stem).join(' ')} `) || (!t.includes(' ') && t.length >= 6 && chinese.includes(t)));
		const asked = FACT_QUESTIONS.find((q) => q.terms.some(says));
		if (!asked) return [];
		const kinds = mentioned.flatMap((row) => this.implementers.get(this.entities[row].id) ?? []);
		const candidates = kinds.length ? kinds : this.entities.map((_, row) => row);
		return candidates
			.filter((row) => holds(this.entities[row].facts[asked.key], asked.value))
			.map((row) => ({ row, answer: this.factAnswer(this.entities[row], asked) }));
	}

	/** What replaces an entry: its `replaced-by` targets and the entries that say they replace it. */
	private successors(row: number): Answered[] {
		const entity = this.entities[row];
		const rows = new Set<number>();
		for (const r of entity.relations) if (r.type === 'replaced-by') rows.add(this.rowOf.get(r.target) ?? -1);
		this.entities.forEach((other, i) => {
			if (other.relations.some((r) => r.type === 'replaces' && r.target === entity.id)) rows.add(i);
		});
		rows.delete(-1);
		const answer = { en: `replaces ${entity.title.en}`, zh: `取代 ${entity.title.zh}` };
		return [...rows].map((r) => ({ row: r, answer }));
	}

	/** The entry that compares the named ones (their common kind with `compareBy`) first, then them. */
	private compare(mentioned: number[]): Answered[] {
		const [a, b] = mentioned;
		const names = (language: 'en' | 'zh') => `${this.entities[a].title[language]}, ${this.entities[b].title[language]}`;
		const out: Answered[] = [];
		for (const [kind, rows] of this.implementers) {
			const row = this.rowOf.get(kind);
			if (row === undefined || !rows.includes(a) || !rows.includes(b) || !Array.isArray(this.entities[row].facts.compareBy)) continue;
			out.push({ row, answer: { en: `compares ${names('en')}`, zh: `对比 ${names('zh')}` } });
			break;
		}
		for (const row of [a, b]) out.push({ row, answer: { en: 'compared', zh: '对比项' } });
		return out;
	}

	private factAnswer(entity: Entity, asked: FactQuestion): Answer {
		const value = entity.facts[asked.key];
		const shown = (language: 'en' | 'zh') => (asked.value ? asked.value : factValueText(value, language));
		return { en: `${factName(asked.key, 'en')}: ${shown('en')}`, zh: `${factName(asked.key, 'zh')}：${shown('zh')}` };
	}
}

/** Whether a fact says yes: true, a non-empty list (holding `value`), or a string that is not a no. */
function holds(fact: unknown, value?: string): boolean {
	if (fact === undefined || fact === null || fact === false) return false;
	if (Array.isArray(fact)) return value ? fact.includes(value) : fact.length > 0;
	if (value) return false;
	if (typeof fact === 'string') return !/^(no|none|false|n\/a)\b/i.test(fact);
	return fact === true || typeof fact === 'number' || typeof fact === 'object';
}
