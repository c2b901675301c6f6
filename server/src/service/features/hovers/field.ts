import { KnowledgeGraph } from '../../knowledge/graph';
import type { Entity } from '../../knowledge/types';
import { format, t } from '../../l10n/text';
import { entryLink, escapeMarkdown, summaryMarkdown } from '../entryMarkdown';
import type { HoverContext, HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';
import { patternVariants } from './patterns';
import { pointedEntities } from './value';

const NOTE_LIMIT = 2;

/** Field keys: the API description (when enabled) and KubeLore's notes where the graph has any. */
export const fieldHover: HoverPart = (c) => {
	if (!c.at.isKey || !c.resource) return undefined;
	const language = c.settings.language;
	const parts: string[] = [];
	const doc = c.settings.fieldDocs && c.fieldDocs ? c.fieldDocs(c.resource.apiVersion, c.resource.kind, c.pattern) : undefined;
	if (doc) {
		const minor = /^\d+\.\d+/.exec(doc.version)?.[0] ?? doc.version;
		const source = format(t(HOVER_TEXT.fieldSource, language), `${c.resource.kind} ${doc.apiVersion}`, minor, doc.version);
		const target = minor !== c.settings.kubernetesVersion ? ` · ${format(t(HOVER_TEXT.fieldTarget, language), c.settings.kubernetesVersion)}` : '';
		parts.push(`**\`${c.value}\`** — ${escapeMarkdown(doc.text)}\n\n_${escapeMarkdown(source + target)}_`);
	}
	// The value hover already shows the entity a key points at (`nfs:`, an annotation): no note twice.
	const shown = new Set(pointedEntities(c).map((e) => e.id));
	for (const entity of fieldNotes(c).filter((e) => !shown.has(e.id)).slice(0, NOTE_LIMIT)) {
		const title = KnowledgeGraph.text(entity.title, language);
		parts.push(`**KubeLore · ${entryLink(entity.id, title)}${language === 'zh' ? '：' : ':'}** ${summaryMarkdown(entity, language)}`);
	}
	return parts.length ? parts.join('\n\n') : undefined;
};

/** Entities whose `matches.fields` name this field, in any spelling of its path. */
export function fieldNotes(c: Pick<HoverContext, 'pattern' | 'resource' | 'graph'>): Entity[] {
	const seen = new Set<string>();
	const out: Entity[] = [];
	for (const variant of patternVariants(c.pattern, c.resource?.kind)) {
		for (const entity of c.graph.forField(variant)) {
			if (seen.has(entity.id)) continue;
			seen.add(entity.id);
			out.push(entity);
		}
	}
	return out;
}
