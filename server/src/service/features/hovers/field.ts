import { KnowledgeGraph } from '../../knowledge/graph';
import { entryLink } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';

/** Field keys: the API description (when enabled) and KubeLore's note where the graph has one. */
export const fieldHover: HoverPart = (c) => {
	if (!c.at.isKey || !c.resource) return undefined;
	const parts: string[] = [];
	if (c.settings.fieldDocs && c.fieldDocs) {
		const doc = c.fieldDocs(c.resource.apiVersion, c.resource.kind, c.pattern);
		if (doc) parts.push(`**\`${c.value}\`** — ${doc}`);
	}
	const notes = c.graph.forField(c.pattern).concat(c.graph.forField(c.pattern.replace(/^spec\.template\./, '')));
	const seen = new Set<string>();
	for (const entity of notes) {
		if (seen.has(entity.id)) continue;
		seen.add(entity.id);
		const title = KnowledgeGraph.text(entity.title, c.settings.language);
		parts.push(`**KubeLore · ${entryLink(entity.id, title)}:** ${KnowledgeGraph.text(entity.summary, c.settings.language)}`);
		if (seen.size >= 2) break;
	}
	return parts.length ? parts.join('\n\n') : undefined;
};
