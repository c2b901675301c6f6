import type { KnowledgeGraph } from '../../knowledge/graph';
import { format, t } from '../../l10n/text';
import { entryMarkdown } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';
import { constraintTemplatesDefining, isGatekeeperConstraint } from '../../workspace/references';
import { apiVersionsFor } from './apiVersion';
import { templateSummary } from './constraintTemplate';
import { HOVER_TEXT } from './labels';
import { resourceWithLink } from './resources';

/** `kind: Service` -> the Service entry; a Gatekeeper constraint's kind -> its ConstraintTemplate. */
export const kindHover: HoverPart = (c) => {
	if (c.at.isKey || c.pattern !== 'kind') return undefined;
	const language = c.settings.language;
	const entity = c.graph.forKind(c.value);
	if (entity && !(c.resource && isForeignKind(c.graph, c.value, c.resource.apiVersion))) return entryMarkdown(entity, c.graph, language, { focus: c.value });
	if (!c.resource || !isGatekeeperConstraint(c.resource.apiVersion)) return undefined;
	const templates = constraintTemplatesDefining(c.value, c.index, c.scope);
	const line = templates.length
		? `${format(t(HOVER_TEXT.constraintTemplate, language), templates.map((e) => resourceWithLink(e, c).replace(/^ConstraintTemplate /, '')).join(', '))}\n\n${templateSummary(templates[0], language)}`
		: format(t(HOVER_TEXT.constraintTemplateMissing, language), c.value.replace(/`/g, "'"));
	const constraint = c.graph.forValue('apiVersion', c.resource.apiVersion, c.resource.kind)[0];
	return constraint ? `${entryMarkdown(constraint, c.graph, language, { heading: `\`${c.value.replace(/`/g, "'")}\`` })}\n\n${line}` : line;
};

/** A custom resource that shares a kind's name with another group's (Knative's `Service`): not that entry. */
export function isForeignKind(graph: KnowledgeGraph, kind: string, apiVersion: string): boolean {
	const group = groupOf(apiVersion);
	const { versions, complete } = apiVersionsFor(graph, kind);
	return complete && group.includes('.') && !group.endsWith('.k8s.io') && !versions.some((v) => groupOf(v.version) === group);
}

function groupOf(apiVersion: string): string {
	const slash = apiVersion.indexOf('/');
	return slash < 0 ? '' : apiVersion.slice(0, slash);
}
