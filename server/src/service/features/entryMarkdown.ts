import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language, Localized, RelationType } from '../knowledge/types';
import { factValueText } from '../l10n/factValues';
import { factName, INCOMING_RELATION_TEXT, RELATION_TEXT } from '../l10n/knowledge';
import { boldLabel, LABELS, t } from '../l10n/text';
import { hoverFacts } from './entryFacts';

/** The command that opens an entry in the entry view; the only command a hover links to. */
export const OPEN_ENTRY_COMMAND = 'kubelore.openEntry';

/** The command URI that opens an entry. */
export function entryCommandUri(id: string): string {
	return `command:${OPEN_ENTRY_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}`;
}

/** A command link that opens an entry. */
export function entryLink(id: string, label: string): string {
	return `[${escapeMarkdown(label)}](${entryCommandUri(id)})`;
}

/**
 * Escapes text so that markdown shows it as it is: team text never becomes a link, an
 * autolink (`https:`, `www.`, `a@b`), HTML or other markup.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:@=$]/g, '\\$&');
}

const RELATED_LIMIT = 4;
/** About three hover lines: Chinese characters are twice as wide as Latin letters. */
const SUMMARY_LIMIT: Record<Language, number> = { en: 240, zh: 120 };
const MORE: Localized = { en: 'More', zh: '详情' };

/**
 * A short hover section for an entity, to fit on a screen: title, the facts about the value
 * under the cursor (`focus`) first, a summary of at most three lines, a comparison table, the
 * related entries that are not vendors, and a link to the entry view, which keeps the rest
 * (documentation, sources, the whole text).
 */
export function entryMarkdown(entity: Entity, graph: KnowledgeGraph, language: Language, options: { heading?: string; focus?: string } = {}): string {
	const parts: string[] = [];
	const title = KnowledgeGraph.text(entity.title, language);
	parts.push(`#### ${options.heading ? `${options.heading} · ` : ''}${entryLink(entity.id, title)}`);
	parts.push(shortSummary(summaryMarkdown(entity, language), SUMMARY_LIMIT[language]));
	// Under another section's heading (a StorageClass's driver, a RuntimeClass's runtime) the entry
	// is the second thing on screen: no comparison table there, the entry view has it.
	const comparison = options.heading ? undefined : comparisonMarkdown(entity, graph, language);
	const facts = entity.team ? [] : hoverFacts(entity, { focus: options.focus, language, skip: new Set(comparison ? comparedKeys(entity, graph) : []) });
	if (facts.length) {
		parts.push(`| ${t(LABELS.facts, language)} | |\n|---|---|\n${facts.map(([k, v]) => `| ${escapeMarkdown(factName(k, language))} | ${formatFact(v, language)} |`).join('\n')}`);
	}
	if (comparison) parts.push(comparison);
	const related = graph
		.neighbours(entity.id)
		.filter((n, i, all) => all.findIndex((o) => o.entity.id === n.entity.id) === i)
		// Vendors' platforms belong in the entry view, unless the entry is one of them.
		.filter((n) => entity.category === 'platform' || n.entity.category !== 'platform')
		.slice(0, RELATED_LIMIT);
	if (related.length) {
		const links = related.map((n) => {
			const type = n.type as RelationType;
			const label = n.outgoing ? RELATION_TEXT[type] : INCOMING_RELATION_TEXT[type];
			return `${entryLink(n.entity.id, KnowledgeGraph.text(n.entity.title, language))}${label ? ` _(${t(label, language)})_` : ''}`;
		});
		parts.push(`${boldLabel(LABELS.related, language)} ${links.join(' · ')}`);
	}
	parts.push(entryLink(entity.id, `${t(MORE, language)}…`));
	const notes = graph.notesFor(entity.id).slice(0, 2);
	if (notes.length) {
		parts.push(`${boldLabel(LABELS.teamNotes, language)}\n${notes.map((n) => `- ${escapeMarkdown(n.excerpt)} _(${escapeMarkdown(baseName(n.file))}:${n.line + 1})_`).join('\n')}`);
	}
	return parts.join('\n\n');
}

const COMPARE_LIMIT = 8;
/** On an implementation, the table shows it and this many of the others. */
const COMPARE_OTHERS = 3;

/**
 * For an implementation of something whose entry names facts to compare by (CNI plugins by
 * NetworkPolicy and data path), a table of it and a few alternatives (its declared alternatives
 * first); on that entry itself, all of them. Values are in words of the display language.
 */
export function comparisonMarkdown(entity: Entity, graph: KnowledgeGraph, language: Language): string | undefined {
	if (entity.team) return undefined;
	const base = comparisonBase(entity, graph);
	if (!base) return undefined;
	const keys = comparedKeys(entity, graph);
	const alternatives = new Set(entity.relations.filter((r) => r.type === 'alternative-to').map((r) => r.target));
	const order = (e: Entity) => (e.id === entity.id ? 0 : alternatives.has(e.id) ? 1 : 2);
	// Among the rest, the best-connected (best-known) first.
	const degree = (e: Entity) => graph.neighbours(e.id).length;
	const rows = graph.entities
		.filter((e) => !e.team && e.relations.some((r) => r.type === 'implements' && r.target === base.id) && keys.some((k) => e.facts[k] !== undefined))
		.sort((a, b) => order(a) - order(b) || degree(b) - degree(a) || a.title.en.localeCompare(b.title.en))
		.slice(0, entity === base ? COMPARE_LIMIT : 1 + COMPARE_OTHERS);
	if (rows.length < 2) return undefined;
	const title = KnowledgeGraph.text(base.title, language);
	const header = `| ${escapeMarkdown(title)} | ${keys.map((k) => escapeMarkdown(factName(k, language))).join(' | ')} |\n|---|${keys.map(() => '---').join('|')}|`;
	const lines = rows.map((e) => {
		const name = e.id === entity.id ? `**${escapeMarkdown(KnowledgeGraph.text(e.title, language))}**` : entryLink(e.id, KnowledgeGraph.text(e.title, language));
		return `| ${name} | ${keys.map((k) => (e.facts[k] === undefined ? '–' : formatFact(abbreviated(e.facts[k]), language))).join(' | ')} |`;
	});
	return `${header}\n${lines.join('\n')}`;
}

function comparisonBase(entity: Entity, graph: KnowledgeGraph): Entity | undefined {
	if (Array.isArray(entity.facts.compareBy)) return entity;
	return entity.relations.filter((r) => r.type === 'implements').map((r) => graph.get(r.target)).find((e) => Array.isArray(e?.facts.compareBy));
}

function comparedKeys(entity: Entity, graph: KnowledgeGraph): string[] {
	const list = comparisonBase(entity, graph)?.facts.compareBy;
	return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
}

/** At most about three lines: whole sentences while they fit, else cut at a word. */
function shortSummary(markdown: string, limit: number): string {
	if (markdown.length <= limit) return markdown;
	// A sentence ends at . ! ? before a space (not the dot of 1.25) or at a Chinese full stop.
	const sentences = markdown.match(/.*?(?:[.!?](?=\s|$)|[。！？])\s*/gsu) ?? [];
	let out = '';
	for (const s of sentences) {
		if ((out + s).length > limit) break;
		out += s;
	}
	if (out) return out.trim();
	// A first sentence longer than the limit: cut before a clause or word, outside inline code.
	const cut = markdown.slice(0, limit);
	const at = Math.max(cut.lastIndexOf('; '), cut.lastIndexOf('；'), cut.lastIndexOf('，'), cut.lastIndexOf(', '));
	const head = (at > limit / 2 ? cut.slice(0, at) : cut.slice(0, cut.lastIndexOf(' ') > limit / 2 ? cut.lastIndexOf(' ') : limit)).trimEnd();
	return (head.split('`').length % 2 === 0 ? head.slice(0, head.lastIndexOf('`')) : head).trimEnd() + '…';
}

/** The entity's summary as hover markdown: team text escaped, foreign command links dropped. */
export function summaryMarkdown(entity: Entity, language: Language): string {
	const summary = KnowledgeGraph.text(entity.summary, language);
	return entity.team ? escapeMarkdown(summary) : stripCommandLinks(summary);
}

/** Knowledge text may link to entries only through our own command; other command links go. */
function stripCommandLinks(markdown: string): string {
	// Most summaries hold no command link at all: they are not copied.
	if (!markdown.includes('](command:')) return markdown;
	return markdown.replace(/\[([^\][]*)\]\(command:(?!kubelore\.openEntry\b)[^()]*\)/g, '$1');
}

/** kubectl's short names of the access modes, so that a comparison table stays narrow. */
const ACCESS_MODE_ABBREVIATIONS: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function abbreviated(value: unknown): unknown {
	return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? (ACCESS_MODE_ABBREVIATIONS[v] ?? v) : v)) : value;
}

function formatFact(value: unknown, language: Language): string {
	return escapeMarkdown(factValueText(value, language));
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
