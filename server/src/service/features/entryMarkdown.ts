import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language } from '../knowledge/types';
import { LABELS, t } from '../l10n/text';

/** The command that opens an entry in the entry view; the only command a hover links to. */
export const OPEN_ENTRY_COMMAND = 'kubelore.openEntry';

/** A command link that opens an entry. */
export function entryLink(id: string, label: string): string {
	return `[${escapeMarkdown(label)}](command:${OPEN_ENTRY_COMMAND}?${encodeURIComponent(JSON.stringify([id]))})`;
}

/** Escapes text so that markdown shows it as it is: team text never becomes a link or markup. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

const FACT_LIMIT = 6;

/** A short hover section for an entity: title, summary, facts, related, docs, sources, team notes. */
export function entryMarkdown(entity: Entity, graph: KnowledgeGraph, language: Language, options: { heading?: string } = {}): string {
	const parts: string[] = [];
	const title = KnowledgeGraph.text(entity.title, language);
	parts.push(`#### ${options.heading ? `${escapeMarkdown(options.heading)} · ` : ''}${entity.team ? escapeMarkdown(title) : title}`);
	const summary = KnowledgeGraph.text(entity.summary, language);
	parts.push(entity.team ? escapeMarkdown(summary) : stripCommandLinks(summary));
	const facts = Object.entries(entity.facts).filter(([, v]) => isShort(v)).slice(0, FACT_LIMIT);
	if (facts.length && !entity.team) {
		parts.push(`| ${t(LABELS.facts, language)} | |\n|---|---|\n${facts.map(([k, v]) => `| ${k} | ${formatFact(v)} |`).join('\n')}`);
	}
	const related = graph.neighbours(entity.id).slice(0, 8);
	if (related.length) {
		const links = related.map((n) => `${entryLink(n.entity.id, KnowledgeGraph.text(n.entity.title, language))} _(${n.outgoing ? n.type : `← ${n.type}`})_`);
		parts.push(`**${t(LABELS.related, language)}:** ${links.join(' · ')}`);
	}
	if (entity.docs.length && !entity.team) {
		parts.push(`**${t(LABELS.docs, language)}:** ${entity.docs.slice(0, 3).map((url) => `[${hostOf(url)}](${url})`).join(' · ')}`);
	}
	if (entity.sources.length) {
		const sources = entity.sources.slice(0, 2).map((s) => {
			const label = `${escapeMarkdown(s.title)}${s.section ? ` — ${escapeMarkdown(s.section)}` : ''}`;
			return s.address?.startsWith('http') ? `[${label}](${encodeURI(s.address)})` : label;
		});
		parts.push(`**${t(LABELS.sources, language)}:** ${sources.join('; ')}`);
	}
	const notes = graph.notesFor(entity.id).slice(0, 3);
	if (notes.length) {
		parts.push(`**${t(LABELS.teamNotes, language)}:**\n${notes.map((n) => `- ${escapeMarkdown(n.excerpt)} _(${escapeMarkdown(baseName(n.file))}:${n.line + 1})_`).join('\n')}`);
	}
	return parts.join('\n\n');
}

/** Knowledge text may link to entries only through our own command; other command links go. */
function stripCommandLinks(markdown: string): string {
	return markdown.replace(/\[([^\]]*)\]\(command:(?!kubelore\.openEntry\b)[^)]*\)/g, '$1');
}

function isShort(value: unknown): boolean {
	if (typeof value === 'string') return value.length <= 40;
	if (typeof value === 'number' || typeof value === 'boolean') return true;
	return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.join(', ').length <= 60;
}

function formatFact(value: unknown): string {
	return escapeMarkdown(Array.isArray(value) ? value.join(', ') : String(value));
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

function baseName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
