import { KnowledgeGraph, type ApiVersionFact } from '../../knowledge/graph';
import { boldLabel, both, format, LABELS, t } from '../../l10n/text';
import { apiVersionStatus } from '../../knowledge/apiVersions';
import { versionAtLeast } from '../../settings';
import { entryLink, entryMarkdown } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';

/** `apiVersion: extensions/v1beta1` -> status of that group/version for the document's kind. */
export const apiVersionHover: HoverPart = (c) => {
	if (c.at.isKey || c.pattern !== 'apiVersion' || !c.resource) return undefined;
	const language = c.settings.language;
	const kind = c.resource.kind;
	const { versions, complete } = apiVersionsFor(c.graph, kind);
	const valueEntities = c.graph.forValue('apiVersion', c.value, kind);
	const known = versions.find((v) => v.version === c.value);
	// Only the kind's own entry lists every version: the table of retired versions alone cannot call a version unknown.
	if (!known && !complete) return valueEntities[0] && entryMarkdown(valueEntities[0], c.graph, language);
	const current = versions.filter((v) => !v.removedIn && !v.deprecatedIn).map((v) => v.version);
	const lines = [`#### ${t(LABELS.apiStatus, language)}: \`${c.value}\` · ${kind}`];
	if (!known) {
		lines.push(t(both(LABELS.unknownVersion, kind), language) + (current.length ? ` — ${format(t(LABELS.useInstead, language), current.map((v) => `\`${v}\``).join(', '))}` : ''));
	} else {
		const target = c.settings.kubernetesVersion;
		// The same answer the deprecated-api-version rule gives.
		const retired = apiVersionStatus(c.graph, kind, c.value, target);
		const status: string[] = [];
		if (known.deprecatedIn) {
			const now = retired ? retired.state === 'deprecated' : versionAtLeast(target, known.deprecatedIn) && !known.removedIn;
			status.push(format(t(LABELS.deprecatedSince, language), known.deprecatedIn) + (now ? ` (${format(t(HOVER_TEXT.deprecatedForTarget, language), target)})` : ''));
		}
		if (known.removedIn) {
			const removed = retired ? retired.state === 'removed' : versionAtLeast(target, known.removedIn);
			const text = format(t(LABELS.removedIn, language), known.removedIn);
			status.push(removed ? `**${text}: ${format(t(HOVER_TEXT.removedForTarget, language), target)}**` : text);
		}
		if (status.length === 0) status.push(t(/(alpha|beta)\d*$/.test(known.version) ? HOVER_TEXT.prerelease : HOVER_TEXT.ga, language));
		const replacement = known.replacement ?? (known.removedIn || known.deprecatedIn ? current[0] : undefined);
		if (replacement) status.push(format(t(LABELS.useInstead, language), `\`${replacement}\``));
		lines.push(status.join(' · '));
		if (retired?.row.changes && retired.state !== 'not-yet') lines.push(t(retired.row.changes, language));
	}
	const related = [c.graph.forKind(kind), ...valueEntities].filter((e, i, all) => e && all.findIndex((o) => o?.id === e.id) === i);
	if (related.length) lines.push(`${boldLabel(LABELS.related, language)} ${related.map((e) => entryLink(e!.id, KnowledgeGraph.text(e!.title, language))).join(' · ')}`);
	return lines.join('\n\n');
};

/**
 * The group/versions known for a kind: the kind's entity (`apiVersions`, or a single
 * `apiVersion`), plus the rows of the API version table (knowledge/tables/api-versions.yaml) and
 * their replacements. `complete` when the kind's own entity lists its versions.
 */
export function apiVersionsFor(graph: KnowledgeGraph, kind: string): { versions: ApiVersionFact[]; complete: boolean } {
	const out: ApiVersionFact[] = [...graph.apiVersionsOf(kind)];
	const single = graph.forKind(kind)?.facts.apiVersion;
	if (typeof single === 'string' && !out.some((v) => v.version === single)) out.push({ version: single });
	const complete = out.length > 0;
	const replacements = new Set<string>();
	for (const row of graph.retiredApiVersions(kind)) {
		if (row.replacement) replacements.add(row.replacement);
		if (out.some((v) => v.version === row.version)) continue;
		out.push({ version: row.version, deprecatedIn: row.deprecatedIn, removedIn: row.removedIn, replacement: row.replacement });
	}
	for (const version of replacements) if (!out.some((v) => v.version === version)) out.push({ version });
	return { versions: out, complete };
}
