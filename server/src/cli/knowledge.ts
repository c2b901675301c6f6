/* `kubelore search` and `kubelore explain`: the editor's search ranking and entries, in a terminal. */
import { KnowledgeGraph } from '../service/knowledge/graph';
import { KnowledgeSearch, titleOf } from '../service/knowledge/search';
import type { Entity, Language, RelationType } from '../service/knowledge/types';
import { factValueLines } from '../service/l10n/factValues';
import { factName, INCOMING_RELATION_TEXT, RELATION_TEXT } from '../service/l10n/knowledge';
import { LABELS, t } from '../service/l10n/text';
import { CLI_TEXT, say } from './messages';
import { renderMarkdown } from './markdown';
import { CliError, loadGraph, textWidth, type Runtime } from './runtime';
import { colourWanted, createStyle, displayWidth, type Style } from './terminal';
import { truncate, wrapSpans } from './wrap';

/** Prints the hits for a query, best first; as JSON with `json`. */
export function runSearch(query: string, options: { json: boolean; limit: number }, runtime: Runtime): number {
	const { language, stdout } = runtime;
	const graph = loadGraph(runtime);
	const hits = new KnowledgeSearch(graph.entities).search(query, options.limit);
	if (options.json) {
		const rows = hits.map(({ entity, score, answer }) => ({ id: entity.id, title: titleOf(entity, language), category: entity.category, summary: plain(KnowledgeGraph.text(entity.summary, language)), score: round(score), ...(answer ? { answer: t(answer, language) } : {}) }));
		stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
		return 0;
	}
	if (hits.length === 0) {
		stdout.write(`${say(CLI_TEXT.noMatches, language, query)}\n`);
		return 0;
	}
	const style = createStyle(colourWanted(stdout, runtime.env));
	const width = textWidth(stdout);
	const lines = hits.map(({ entity, answer }, i) => {
		const number = `${String(i + 1).padStart(2)}. `;
		// Why the entry answers a question ("Enforces NetworkPolicy: yes") comes right after its title.
		const head = `${number}${style.bold(titleOf(entity, language))}${answer ? ` — ${t(answer, language)}` : ''}  ${style.dim(`${entity.id} · ${entity.category}`)}`;
		return `${head}\n    ${truncate(plain(KnowledgeGraph.text(entity.summary, language)), width - 4)}`;
	});
	stdout.write(`${lines.join('\n')}\n`);
	return 0;
}

/** Prints one entry; an unknown name is an error that suggests close entries. */
export function runExplain(name: string, options: { json: boolean }, runtime: Runtime): number {
	const { language, stdout } = runtime;
	const graph = loadGraph(runtime);
	const entity = graph.find(name) ?? graph.forKind(name);
	if (!entity) {
		const close = new KnowledgeSearch(graph.entities).search(name, 3).map((h) => h.entity.id);
		throw new CliError(`${say(CLI_TEXT.noEntry, language, name)}${close.length ? ` ${say(CLI_TEXT.didYouMean, language, close.join(', '))}` : ''}`);
	}
	if (options.json) {
		stdout.write(`${JSON.stringify({ ...entity, related: graph.neighbours(entity.id).map((n) => ({ id: n.entity.id, type: n.type, outgoing: n.outgoing })) }, null, 2)}\n`);
		return 0;
	}
	stdout.write(`${renderEntity(entity, graph, language, createStyle(colourWanted(stdout, runtime.env)), textWidth(stdout))}\n`);
	return 0;
}

/** The entry as terminal text: heading, body, facts, related entries, docs and sources. */
export function renderEntity(entity: Entity, graph: KnowledgeGraph, language: Language, style: Style, width: number): string {
	const title = KnowledgeGraph.text(entity.title, language);
	const heading = style.enabled ? style.bold(style.underline(title)) : `${title}\n${'═'.repeat(Math.min(displayWidth(title), width))}`;
	const parts = [heading, style.dim([entity.id, entity.category, ...entity.aliases.filter((a) => a !== title && a !== entity.id)].join(' · '))];
	parts.push('', renderMarkdown(KnowledgeGraph.text(entity.body, language) || KnowledgeGraph.text(entity.summary, language), style, width));
	const facts = Object.entries(entity.facts);
	if (facts.length) {
		// Facts by their names and values in the display language (knowledge/FORMAT.md keys are for machines).
		const named = facts.map(([k, v]) => [k, factName(k, language), v] as const);
		const keyWidth = Math.min(24, Math.max(...named.map(([, name]) => displayWidth(name))));
		parts.push('', section(t(LABELS.facts, language), style));
		for (const [key, name, value] of named) {
			// A record fact (kops clouds, apiVersions) reads one member per line under its name.
			const label = `  ${name}${' '.repeat(Math.max(0, keyWidth - displayWidth(name)))}  `;
			factValueLines(value, language, key).forEach((line, i) => parts.push(...hanging(i === 0 ? label : ' '.repeat(displayWidth(label)), line, width)));
		}
	}
	const related = graph.neighbours(entity.id);
	if (related.length) {
		parts.push('', section(t(LABELS.related, language), style));
		const groups = new Map<string, string[]>();
		for (const n of related) {
			const type = n.type as RelationType;
			const label = t((n.outgoing ? RELATION_TEXT : INCOMING_RELATION_TEXT)[type] ?? { en: n.type, zh: n.type }, language);
			groups.set(label, [...(groups.get(label) ?? []), `${KnowledgeGraph.text(n.entity.title, language)} (${n.entity.id})`]);
		}
		const labelWidth = Math.max(...[...groups.keys()].map((k) => displayWidth(k)));
		for (const [label, names] of groups) parts.push(...hanging(`  ${style.dim(label)}${' '.repeat(labelWidth - displayWidth(label))}  `, names.join(' · '), width));
	}
	if (entity.docs.length) {
		parts.push('', section(t(LABELS.docs, language), style));
		for (const url of entity.docs) parts.push(`  ${style.underline(url)}`);
	}
	if (entity.sources.length) {
		parts.push('', section(t(LABELS.sources, language), style));
		for (const source of entity.sources) {
			parts.push(...hanging('  • ', `${source.title}${source.section ? ` — ${source.section}` : ''}`, width));
			if (source.address) parts.push(`    ${style.dim(source.address)}`);
		}
	}
	return parts.join('\n');
}

/** A section heading, drawn like the body's own headings. */
function section(label: string, style: Style): string {
	return style.enabled ? style.bold(style.underline(label)) : `${label}\n${'─'.repeat(displayWidth(label))}`;
}

/** Text after a label, wrapped with following lines indented under the text. */
function hanging(label: string, text: string, width: number): string[] {
	const indent = displayWidth(label);
	return wrapSpans([{ text }], Math.max(20, width - indent)).map((line, i) => (i === 0 ? label : ' '.repeat(indent)) + line);
}

/** Markdown emphasis and links reduced to their text, for one-line summaries. */
function plain(markdown: string): string {
	return markdown.replace(/\[([^\][]*)\]\([^()]*\)/g, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

function round(score: number): number {
	return Math.round(score * 1000) / 1000;
}
