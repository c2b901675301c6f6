import { CompletionItemKind } from 'vscode-languageserver-types';
import { KnowledgeGraph } from '../../knowledge/graph';
import type { Entity, Language } from '../../knowledge/types';
import { format, t } from '../../l10n/text';
import type { Candidate, CompletionContext, CompletionProvider } from '../completion';
import { patternVariants } from '../hovers/patterns';
import { COMPLETION_TEXT } from './text';

/** Values the API accepts for a field, by the field's last keys, and the kinds it belongs to. */
const ENUMS: { pattern: RegExp; kinds?: string[]; values: string[] }[] = [
	{ pattern: /^spec\.type$/, kinds: ['Service'], values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
	{ pattern: /^spec\.(?:external|internal)TrafficPolicy$/, kinds: ['Service'], values: ['Cluster', 'Local'] },
	{ pattern: /(?:^|\.)accessModes\[\]$/, values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
	{ pattern: /(?:^spec|volumeClaimTemplates\[\]\.spec|volumeClaimTemplate\.spec)\.volumeMode$/, values: ['Filesystem', 'Block'] },
	{ pattern: /^spec\.persistentVolumeReclaimPolicy$/, kinds: ['PersistentVolume'], values: ['Retain', 'Delete', 'Recycle'] },
	{ pattern: /^reclaimPolicy$/, kinds: ['StorageClass'], values: ['Retain', 'Delete'] },
	{ pattern: /^volumeBindingMode$/, kinds: ['StorageClass'], values: ['Immediate', 'WaitForFirstConsumer'] },
];

/** Enumerated values with a knowledge note, provisioners and CSI drivers from the graph, CNI annotation keys. */
export const knowledgeValueItems: CompletionProvider = (c) => {
	const { pattern, position } = c.site;
	if (position === 'key') return /(?:^|\.)metadata\.annotations$/.test(pattern) ? cniAnnotationItems(c) : undefined;
	const enumerated = ENUMS.find((e) => e.pattern.test(pattern) && (!e.kinds || (c.kind !== undefined && e.kinds.includes(c.kind))));
	if (enumerated) return enumerated.values.map((value, i) => enumItem(c, value, i));
	if (position !== 'value') return undefined;
	if ((c.kind === 'StorageClass' && pattern === 'provisioner') || /(?:^|\.)csi\.driver$/.test(pattern)) return driverItems(c, pattern !== 'provisioner');
	return undefined;
};

/** An enumerated value, documented by the knowledge entry for it (or for the field). */
function enumItem(c: CompletionContext, value: string, order: number): Candidate {
	const language = c.settings.language;
	const patterns = patternVariants(c.site.pattern, c.kind);
	const entity = patterns.flatMap((p) => c.graph.forValue(p, value, c.kind))[0] ?? patterns.flatMap((p) => c.graph.forField(p.replace(/\[\]$/, '')))[0];
	return { label: value, kind: CompletionItemKind.EnumMember, rank: order, detail: entity && KnowledgeGraph.text(entity.title, language), documentation: entity && note(entity, language) };
}

/** Drivers the graph knows: CSI drivers for `csi.driver`, every provisioner (CSI first) for a StorageClass. */
function driverItems(c: CompletionContext, csiOnly: boolean): Candidate[] {
	const language = c.settings.language;
	const out: Candidate[] = [];
	for (const entity of c.graph.entities) {
		const csiDriver = typeof entity.facts.csiDriver === 'string' ? entity.facts.csiDriver : undefined;
		const names = csiOnly ? (csiDriver ? [csiDriver] : []) : (entity.matches.provisioners ?? []);
		for (const name of names) {
			const legacy = name.startsWith('kubernetes.io/');
			out.push({ label: name, kind: CompletionItemKind.Value, rank: name === csiDriver ? 0 : legacy ? 2 : 1, detail: format(t(COMPLETION_TEXT.driver, language), KnowledgeGraph.text(entity.title, language)), documentation: note(entity, language) });
		}
	}
	return out;
}

/** Annotation keys of the CNI plugins the graph knows, the cluster's own first; prefixes where no whole key is known. */
function cniAnnotationItems(c: CompletionContext): Candidate[] {
	const language = c.settings.language;
	const cnis = c.graph.entities.filter((e) => e.relations.some((r) => r.type === 'implements' && r.target === 'cni') && e.matches.annotations?.length);
	const cluster = c.settings.cni ? c.graph.find(c.settings.cni) : undefined;
	const out: Candidate[] = [];
	for (const entity of cnis) {
		const title = KnowledgeGraph.text(entity.title, language);
		const own = !cluster || cluster.id === entity.id;
		const detail = !cluster ? format(t(COMPLETION_TEXT.annotationOf, language), title) : own ? `${format(t(COMPLETION_TEXT.annotationOf, language), title)} · ${t(COMPLETION_TEXT.clusterCni, language)}` : format(t(COMPLETION_TEXT.otherCni, language), KnowledgeGraph.text(cluster.title, language), title);
		const prefixes = entity.matches.annotations ?? [];
		const keys = new Set([...prefixes.filter((p) => !/[/.]$/.test(p)), ...factStrings(entity.facts).filter((s) => /^[a-z0-9.-]+\/[\w.-]+$/i.test(s) && prefixes.some((p) => s.startsWith(p)))]);
		for (const key of keys) out.push({ label: key, kind: CompletionItemKind.Property, rank: own ? 0 : 4, detail, documentation: note(entity, language), insert: `${key}: ` });
		for (const prefix of prefixes.filter((p) => /[/.]$/.test(p) && ![...keys].some((k) => k.startsWith(p)))) {
			out.push({ label: prefix, kind: CompletionItemKind.Module, rank: own ? 1 : 5, detail: format(t(COMPLETION_TEXT.annotationPrefix, language), title), documentation: note(entity, language) });
		}
	}
	return out;
}

function factStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(factStrings);
	return value && typeof value === 'object' ? Object.values(value).flatMap(factStrings) : [];
}

/** The first sentences of an entry's summary: a completion note is short. */
function note(entity: Entity, language: Language): string {
	const summary = KnowledgeGraph.text(entity.summary, language);
	if (summary.length <= 280) return summary;
	const cut = summary.slice(0, 280);
	const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
	return end > 80 ? cut.slice(0, end + 1) : `${cut}…`;
}
