import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import type { HoverPart } from '../hoverContext';
import { closestWorkload, workloadsSelected } from '../../workspace/selectors';
import { HOVER_TEXT } from './labels';
import { code, resourceWithLink } from './resources';

const LIST_LIMIT = 8;

/** A Service's `selector` (or one of its labels): the workloads it selects, AND of all labels. */
export const serviceSelectorHover: HoverPart = (c) => {
	if (c.resource?.kind !== 'Service' || !c.scope || !(c.pattern === 'spec.selector' || c.pattern.startsWith('spec.selector.'))) return undefined;
	if (c.pattern === 'spec.selector' && !c.at.isKey) return undefined;
	const selector = isRecord(c.resource.value.spec) ? c.resource.value.spec.selector : undefined;
	if (!isRecord(selector) || Object.keys(selector).length === 0) return undefined;
	const language = c.settings.language;
	const heading = `#### Service ${code(c.resource.name ?? '?')} · selector ${code(Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', '))}`;
	const selected = workloadsSelected(selector, c.scope);
	if (selected.length) {
		const list = selected.slice(0, LIST_LIMIT).map((w) => `- ${resourceWithLink(w, c)}`);
		if (selected.length > LIST_LIMIT) list.push(`- … +${selected.length - LIST_LIMIT}`);
		return `${heading}\n\n${format(t(HOVER_TEXT.selects, language), selected.length === 1 ? t(HOVER_TEXT.oneWorkload, language) : format(t(HOVER_TEXT.workloads, language), selected.length))}\n${list.join('\n')}`;
	}
	const parts = [heading, format(t(HOVER_TEXT.selectsNothing, language), c.scope.namespace.replace(/`/g, "'"))];
	const closest = closestWorkload(selector, c.scope);
	if (closest) {
		const differences = closest.differences.map((d) =>
			d.actual === undefined ? format(t(HOVER_TEXT.labelMissing, language), d.key) : format(t(HOVER_TEXT.labelDiffers, language), d.key, d.actual),
		);
		parts.push(format(t(HOVER_TEXT.closest, language), resourceWithLink(closest.entry, c), differences.join(', ')));
	}
	if (c.scope.hasPartial) parts.push(t(HOVER_TEXT.partialScope, language));
	return parts.join('\n\n');
};
