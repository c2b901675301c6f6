import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import type { HoverPart } from '../hoverContext';
import { selectorsOf, templateLabels, WORKLOAD_KINDS } from '../../workspace/selectors';
import { HOVER_TEXT } from './labels';
import { code, resourceWithLink } from './resources';

const TEMPLATE_LABELS = /^(?:spec\.template\.|spec\.jobTemplate\.spec\.template\.)?metadata\.labels(?:\.|$)/;
const LIST_LIMIT = 8;

/** Pod template labels (or a workload's `metadata`): the Services and NetworkPolicies selecting its pods. */
export const selectedByHover: HoverPart = (c) => {
	const resource = c.resource;
	if (!resource || !c.scope || !WORKLOAD_KINDS.includes(resource.kind)) return undefined;
	const onLabels = TEMPLATE_LABELS.test(c.pattern) && (resource.kind === 'Pod' || !c.pattern.startsWith('metadata.'));
	const onMetadata = (c.pattern === 'metadata' && c.at.isKey) || (c.pattern === 'metadata.name' && !c.at.isKey);
	if (!onLabels && !onMetadata) return undefined;
	const labels = templateLabels(resource) ?? {};
	if (Object.keys(labels).length === 0 && !onLabels) return undefined;
	const language = c.settings.language;
	const { services, policies } = selectorsOf(labels, c.scope);
	const heading = `#### ${resource.kind} ${code(resource.name ?? '?')} · ${code(Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || '{}')}`;
	if (services.length + policies.length === 0) return `${heading}\n\n${format(t(HOVER_TEXT.selectedByNone, language), c.scope.namespace.replace(/`/g, "'"))}`;
	const lines = [...services, ...policies].slice(0, LIST_LIMIT).map((e) => {
		const podSelector = e.resource.kind === 'NetworkPolicy' && isRecord(e.resource.value.spec) ? e.resource.value.spec.podSelector : undefined;
		const all = isRecord(podSelector) && Object.keys(podSelector).length === 0 ? ` — ${t(HOVER_TEXT.allPods, language)}` : '';
		return `- ${resourceWithLink(e, c)}${all}`;
	});
	const more = services.length + policies.length - LIST_LIMIT;
	if (more > 0) lines.push(`- … +${more}`);
	return `${heading}\n\n${t(HOVER_TEXT.selectedBy, language)}\n${lines.join('\n')}`;
};
