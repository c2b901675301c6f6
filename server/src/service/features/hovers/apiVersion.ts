import { both, format, LABELS, t } from '../../l10n/text';
import { versionAtLeast } from '../../settings';
import type { HoverPart } from '../hoverContext';

/** `apiVersion: extensions/v1beta1` -> status of that group/version for the document's kind. */
export const apiVersionHover: HoverPart = (c) => {
	if (c.at.isKey || c.pattern !== 'apiVersion' || !c.resource) return undefined;
	const versions = c.graph.apiVersionsOf(c.resource.kind);
	if (versions.length === 0) return undefined;
	const language = c.settings.language;
	const known = versions.find((v) => v.version === c.value);
	const current = versions.filter((v) => !v.removedIn && !v.deprecatedIn).map((v) => v.version);
	const lines = [`#### ${t(LABELS.apiStatus, language)}: \`${c.value}\` · ${c.resource.kind}`];
	if (!known) {
		lines.push(t(both(LABELS.unknownVersion, c.resource.kind), language) + (current.length ? ` — ${format(t(LABELS.useInstead, language), current.map((v) => `\`${v}\``).join(', '))}` : ''));
		return lines.join('\n\n');
	}
	const status: string[] = [];
	if (known.deprecatedIn) status.push(format(t(LABELS.deprecatedSince, language), known.deprecatedIn));
	if (known.removedIn) {
		const removed = versionAtLeast(c.settings.kubernetesVersion, known.removedIn);
		status.push(`${removed ? '**' : ''}${format(t(LABELS.removedIn, language), known.removedIn)}${removed ? '**' : ''}`);
	}
	if (status.length === 0) status.push(t(LABELS.servedGa, language));
	const replacement = known.replacement ?? (status.length && (known.removedIn || known.deprecatedIn) ? current[0] : undefined);
	if (replacement) status.push(format(t(LABELS.useInstead, language), `\`${replacement}\``));
	lines.push(status.join(' · '));
	return lines.join('\n\n');
};
