import { KnowledgeGraph } from '../../knowledge/graph';
import type { Entity } from '../../knowledge/types';
import { boldLabel } from '../../l10n/text';
import { entryLink, entryMarkdown } from '../entryMarkdown';
import type { HoverContext, HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';
import { annotationKeyOf, patternVariants } from './patterns';

const IMAGE = /(^|\.)(containers|initContainers|ephemeralContainers)\[\]\.image$/;
const DRIVER = /(^|\.)(csi|flexVolume)\.driver$/;
/** Annotations whose value names a provisioner. */
const PROVISIONER_ANNOTATIONS = ['volume.beta.kubernetes.io/storage-provisioner', 'volume.kubernetes.io/storage-provisioner', 'pv.kubernetes.io/provisioned-by'];

type PointContext = Pick<HoverContext, 'at' | 'pattern' | 'value' | 'resource' | 'graph'>;

/** Values (and a few keys) that point at a knowledge entity: types, modes, provisioners, images... */
export const valueHover: HoverPart = (c) => {
	if (c.pattern === 'kind' || c.pattern === 'apiVersion') return undefined;
	const [first, ...others] = pointedEntities(c);
	if (!first) return undefined;
	const language = c.settings.language;
	const markdown = entryMarkdown(first, c.graph, language, { focus: c.value });
	if (others.length === 0) return markdown;
	const links = others.slice(0, 3).map((e) => entryLink(e.id, KnowledgeGraph.text(e.title, language)));
	return `${markdown}\n\n${boldLabel(HOVER_TEXT.also, language)} ${links.join(' · ')}`;
};

/** The entity a value (or a few keys) points at, the most specific first. */
export function pointedEntity(c: PointContext): Entity | undefined {
	return pointedEntities(c)[0];
}

/** Every entity a value (or a key: annotation, volume source) points at, the most specific first. */
export function pointedEntities(c: PointContext): Entity[] {
	const { graph, pattern, value } = c;
	const kind = c.resource?.kind;
	const out: (Entity | undefined)[] = [];
	const annotation = annotationKeyOf(c.at.path);
	if (annotation !== undefined) {
		// `cni.projectcalico.org/ipAddrs: ...`: the key (or its value) points at the CNI
		if (!c.at.isKey && PROVISIONER_ANNOTATIONS.includes(annotation)) out.push(provisioner(graph, value));
		out.push(graph.forAnnotation(annotation));
		return unique(out);
	}
	if (c.at.isKey) {
		if (isVolumeSourceKey(c.at.path, kind)) out.push(graph.forVolumeSource(value) ?? graph.inTreePlugin(value));
		return unique(out);
	}
	if (IMAGE.test(pattern)) out.push(graph.forImage(value));
	if (kind === 'StorageClass' && pattern === 'provisioner') out.push(provisioner(graph, value));
	if (kind === 'CSIDriver' && pattern === 'metadata.name') out.push(graph.forProvisioner(value));
	if (DRIVER.test(pattern)) out.push(provisioner(graph, value));
	if (kind === 'RuntimeClass' && pattern === 'handler') out.push(graph.forRuntimeHandler(value));
	for (const variant of patternVariants(pattern, kind)) out.push(...graph.forValue(variant, value, kind));
	return unique(out);
}

/** A provisioner or driver name: the CSI driver's entity, else the in-tree plugin's. */
function provisioner(graph: KnowledgeGraph, name: string): Entity | undefined {
	return graph.forProvisioner(name) ?? graph.inTreePlugin(name);
}

/** A key right under a pod volume (`volumes[].nfs`) or a PV's spec (`spec.nfs`): a volume source. */
function isVolumeSourceKey(path: (string | number)[], kind: string | undefined): boolean {
	const n = path.length;
	if (kind === 'PersistentVolume' && n === 2 && path[0] === 'spec') return true;
	return n >= 3 && typeof path[n - 2] === 'number' && path[n - 3] === 'volumes';
}

function unique(list: (Entity | undefined)[]): Entity[] {
	const seen = new Set<string>();
	return list.filter((e): e is Entity => !!e && !seen.has(e.id) && !!seen.add(e.id));
}
