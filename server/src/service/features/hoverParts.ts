import { entryMarkdown } from './entryMarkdown';
import type { HoverPart } from './hoverContext';
import { apiVersionHover } from './hovers/apiVersion';
import { fieldHover } from './hovers/field';
import { valueHover } from './hovers/value';

/** The hover parts, in the order their sections appear. */
export const HOVER_PARTS: HoverPart[] = [
	// `kind: Service` -> the Service entry
	(c) => {
		if (c.at.isKey || c.pattern !== 'kind') return undefined;
		const entity = c.graph.forKind(c.value);
		return entity ? entryMarkdown(entity, c.graph, c.settings.language) : undefined;
	},
	apiVersionHover,
	valueHover,
	fieldHover,
];
