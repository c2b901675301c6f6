import { KnowledgeGraph } from '../../knowledge/graph';
import { format, t } from '../../l10n/text';
import { entryMarkdown } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';
import { podRelative } from './patterns';
import { code, factsRow, notFoundMarkdown, resourceWithLink } from './resources';

/** `runtimeClassName: gvisor`: the RuntimeClass found in the workspace and the runtime behind its handler. */
export const runtimeClassHover: HoverPart = (c) => {
	if (c.at.isKey || !c.scope || !c.resource || podRelative(c.pattern, c.resource.kind) !== 'runtimeClassName') return undefined;
	const language = c.settings.language;
	const runtimeClass = c.scope.clusterScoped('RuntimeClass', c.value)[0];
	if (!runtimeClass) {
		const parts = [`#### RuntimeClass ${code(c.value)}`, notFoundMarkdown('RuntimeClass', c.value, c.scope, c.settings, { clusterScoped: true, known: c.settings.runtimeClasses.includes(c.value) })];
		const runtime = c.graph.forRuntimeHandler(c.value);
		if (runtime) {
			parts.push(format(t(HOVER_TEXT.nameLooksLikeHandler, language), KnowledgeGraph.text(runtime.title, language)));
			parts.push(entryMarkdown(runtime, c.graph, language));
		}
		return parts.join('\n\n');
	}
	const handler = typeof runtimeClass.resource.value.handler === 'string' ? runtimeClass.resource.value.handler : undefined;
	const parts = [`#### ${resourceWithLink(runtimeClass, c)}`, factsRow([[t(HOVER_TEXT.handler, language), handler && code(handler)]])];
	const runtime = handler ? c.graph.forRuntimeHandler(handler) : undefined;
	if (runtime) parts.push(entryMarkdown(runtime, c.graph, language, { heading: `${t(HOVER_TEXT.handler, language)} ${code(handler!)}`, focus: handler }));
	return parts.join('\n\n');
};
