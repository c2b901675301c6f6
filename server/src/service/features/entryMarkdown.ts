import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language, RelationType } from '../knowledge/types';
import { factName, INCOMING_RELATION_TEXT, RELATION_TEXT } from '../l10n/knowledge';
import { LABELS, t } from '../l10n/text';

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

const YES_NO = { yes: { en: 'yes', zh: '是' }, no: { en: 'no', zh: '否' } };

const FACT_LIMIT = 5;
const RELATED_LIMIT = 5;
const DOCS_LIMIT = 2;

/** A short hover section for an entity: title, summary, facts, related, docs, sources, team notes. */
export function entryMarkdown(entity: Entity, graph: KnowledgeGraph, language: Language, options: { heading?: string } = {}): string {
	const parts: string[] = [];
	const title = KnowledgeGraph.text(entity.title, language);
	parts.push(`#### ${options.heading ? `${options.heading} · ` : ''}${entryLink(entity.id, title)}`);
	parts.push(summaryMarkdown(entity, language));
	const comparison = comparisonMarkdown(entity, graph, language);
	const compared = new Set(comparison ? comparedKeys(entity, graph) : []);
	const facts = Object.entries(entity.facts).filter(([k, v]) => isShort(v) && !compared.has(k) && k !== 'compareBy').slice(0, FACT_LIMIT);
	if (facts.length && !entity.team) {
		parts.push(`| ${t(LABELS.facts, language)} | |\n|---|---|\n${facts.map(([k, v]) => `| ${escapeMarkdown(factName(k, language))} | ${formatFact(v, language)} |`).join('\n')}`);
	}
	if (comparison) parts.push(comparison);
	const related = graph.neighbours(entity.id).filter((n, i, all) => all.findIndex((o) => o.entity.id === n.entity.id) === i).slice(0, RELATED_LIMIT);
	if (related.length) {
		const links = related.map((n) => {
			const type = n.type as RelationType;
			const label = n.outgoing ? RELATION_TEXT[type] : INCOMING_RELATION_TEXT[type];
			return `${entryLink(n.entity.id, KnowledgeGraph.text(n.entity.title, language))}${label ? ` _(${t(label, language)})_` : ''}`;
		});
		parts.push(`**${t(LABELS.related, language)}:** ${links.join(' · ')}`);
	}
	if (entity.docs.length && !entity.team) {
		parts.push(`**${t(LABELS.docs, language)}:** ${entity.docs.filter(isWebUrl).slice(0, DOCS_LIMIT).map((url) => `[${escapeMarkdown(docLabel(url))}](${url})`).join(' · ')}`);
	}
	if (entity.sources.length) {
		const sources = entity.sources.slice(0, 2).map((s) => {
			const label = `${escapeMarkdown(s.title)}${s.section ? ` — ${escapeMarkdown(s.section)}` : ''}`;
			return s.address && isWebUrl(s.address) && !entity.team ? `[${label}](${encodeURI(s.address)})` : label;
		});
		parts.push(`**${t(LABELS.sources, language)}:** ${sources.join('; ')}`);
	}
	const notes = graph.notesFor(entity.id).slice(0, 3);
	if (notes.length) {
		parts.push(`**${t(LABELS.teamNotes, language)}:**\n${notes.map((n) => `- ${escapeMarkdown(n.excerpt)} _(${escapeMarkdown(baseName(n.file))}:${n.line + 1})_`).join('\n')}`);
	}
	return parts.join('\n\n');
}

const COMPARE_LIMIT = 8;

/**
 * For an implementation of something whose entry names facts to compare by (CNI plugins by
 * NetworkPolicy and data path), a table of it and its alternatives; on that entry itself, all of them.
 */
export function comparisonMarkdown(entity: Entity, graph: KnowledgeGraph, language: Language): string | undefined {
	if (entity.team) return undefined;
	const base = comparisonBase(entity, graph);
	if (!base) return undefined;
	const keys = comparedKeys(entity, graph);
	const rows = graph.entities
		.filter((e) => !e.team && e.relations.some((r) => r.type === 'implements' && r.target === base.id) && keys.some((k) => e.facts[k] !== undefined))
		.sort((a, b) => (a.id === entity.id ? -1 : b.id === entity.id ? 1 : a.title.en.localeCompare(b.title.en)))
		.slice(0, COMPARE_LIMIT);
	if (rows.length < 2) return undefined;
	const title = KnowledgeGraph.text(base.title, language);
	const header = `| ${escapeMarkdown(title)} | ${keys.map((k) => escapeMarkdown(factName(k, language))).join(' | ')} |\n|---|${keys.map(() => '---').join('|')}|`;
	const lines = rows.map((e) => {
		const name = e.id === entity.id ? `**${escapeMarkdown(KnowledgeGraph.text(e.title, language))}**` : entryLink(e.id, KnowledgeGraph.text(e.title, language));
		return `| ${name} | ${keys.map((k) => (e.facts[k] === undefined ? '–' : formatFact(e.facts[k], language))).join(' | ')} |`;
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

/** The entity's summary as hover markdown: team text escaped, foreign command links dropped. */
export function summaryMarkdown(entity: Entity, language: Language): string {
	const summary = KnowledgeGraph.text(entity.summary, language);
	return entity.team ? escapeMarkdown(summary) : stripCommandLinks(summary);
}

/** Knowledge text may link to entries only through our own command; other command links go. */
function stripCommandLinks(markdown: string): string {
	return markdown.replace(/\[([^\][]*)\]\(command:(?!kubelore\.openEntry\b)[^()]*\)/g, '$1');
}

function isWebUrl(url: string): boolean {
	return /^https?:\/\//.test(url);
}

function isShort(value: unknown): boolean {
	if (typeof value === 'string') return value.length <= 40;
	if (typeof value === 'number' || typeof value === 'boolean') return true;
	return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.join(', ').length <= 60;
}

function formatFact(value: unknown, language: Language): string {
	if (typeof value === 'boolean') return t(value ? YES_NO.yes : YES_NO.no, language);
	return escapeMarkdown(Array.isArray(value) ? value.join(', ') : String(value));
}

/** `https://kubernetes.io/docs/concepts/storage/volumes/#nfs` -> `kubernetes.io/…/volumes`. */
function docLabel(url: string): string {
	try {
		const parsed = new URL(url);
		const segments = parsed.pathname.split('/').filter(Boolean);
		if (segments.length === 0) return parsed.host;
		return `${parsed.host}/${segments.length > 1 ? '…/' : ''}${segments[segments.length - 1]}`;
	} catch {
		return url;
	}
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
