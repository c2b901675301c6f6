import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath, Resource } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import type { RuleContext } from './types';
import { podSpecOf, podVolumes, valueAt } from './podSpec';
import { parseQuantity } from './quantity';

/** The provisioner name of a StorageClass that never provisions: its claims bind to PVs made by hand. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Keys of a PersistentVolume spec that are not its volume source. */
const PV_SPEC_FIELDS = new Set(['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'volumeAttributesClassName']);

/** A claim spec: a PVC's own, a StatefulSet's volumeClaimTemplates item, or a pod's ephemeral volume template. */
export interface ClaimSpecAt {
	path: NodePath;
	spec: Record<string, unknown>;
	/** The PVC's annotations (for the legacy class annotation); empty for templates. */
	annotations: Record<string, string>;
}

/** Every claim spec a resource holds. */
export function claimSpecs(resource: Resource): ClaimSpecAt[] {
	const out: ClaimSpecAt[] = [];
	const push = (path: NodePath, spec: unknown, annotations: Record<string, string> = {}) => {
		if (isRecord(spec)) out.push({ path, spec, annotations });
	};
	if (resource.kind === 'PersistentVolumeClaim') push(['spec'], resource.value.spec, resource.annotations);
	if (resource.kind === 'StatefulSet') {
		const templates = valueAt(resource.value, ['spec', 'volumeClaimTemplates']);
		if (Array.isArray(templates)) templates.forEach((t, i) => push(['spec', 'volumeClaimTemplates', i, 'spec'], valueAt(t, ['spec'])));
	}
	const pod = podSpecOf(resource);
	if (pod) {
		for (const volume of podVolumes(pod)) {
			if (volume.source === 'ephemeral') push([...volume.path, 'ephemeral', 'volumeClaimTemplate', 'spec'], valueAt(volume.value, ['ephemeral', 'volumeClaimTemplate', 'spec']));
		}
	}
	return out;
}

/** The class a claim asks for: the legacy annotation wins over `storageClassName`; undefined when unset (the cluster's default applies). */
export function claimClassOf(claim: ClaimSpecAt): string | undefined {
	const annotated = claim.annotations[BETA_CLASS_ANNOTATION];
	if (annotated !== undefined) return annotated;
	const name = claim.spec.storageClassName;
	return typeof name === 'string' ? name : undefined;
}

/** The access modes listed in a claim or PV spec. */
export function accessModesOf(spec: Record<string, unknown>): string[] {
	return Array.isArray(spec.accessModes) ? spec.accessModes.filter((m): m is string => typeof m === 'string') : [];
}

/** `Block` or `Filesystem` (the default). */
export function volumeModeOf(spec: Record<string, unknown>): string {
	return spec.volumeMode === 'Block' ? 'Block' : 'Filesystem';
}

/** What binding needs to know about a PersistentVolume. */
export interface PvFacts {
	name: string;
	storageClass: string;
	accessModes: string[];
	volumeMode: string;
	/** Bytes, or undefined when unset or unreadable. */
	capacity?: number;
	capacityText?: string;
	labels: Record<string, string>;
	claimRef?: { name?: string; namespace?: string };
	/** The volume source key (`nfs`, `csi`, `local`, ...). */
	source?: string;
}

const pvCache = new WeakMap<Resource, PvFacts>();

/** The binding-relevant facts of a PV (cached per parsed document). */
export function pvFacts(resource: Resource): PvFacts {
	let facts = pvCache.get(resource);
	if (facts) return facts;
	const spec = isRecord(resource.value.spec) ? resource.value.spec : {};
	const capacityValue = valueAt(spec, ['capacity', 'storage']);
	const capacityText = typeof capacityValue === 'string' || typeof capacityValue === 'number' ? String(capacityValue) : undefined;
	const claimRef = isRecord(spec.claimRef) ? spec.claimRef : undefined;
	facts = {
		name: resource.name ?? '',
		storageClass: resource.annotations[BETA_CLASS_ANNOTATION] ?? (typeof spec.storageClassName === 'string' ? spec.storageClassName : ''),
		accessModes: accessModesOf(spec),
		volumeMode: volumeModeOf(spec),
		capacity: capacityText === undefined ? undefined : parseQuantity(capacityText)?.value,
		capacityText,
		labels: resource.labels,
		claimRef: claimRef && {
			name: typeof claimRef.name === 'string' ? claimRef.name : undefined,
			namespace: typeof claimRef.namespace === 'string' ? claimRef.namespace : undefined,
		},
		source: pvSourceKey(spec),
	};
	pvCache.set(resource, facts);
	return facts;
}

/** The key of a PV spec's volume source, or undefined. */
export function pvSourceKey(spec: Record<string, unknown>): string | undefined {
	return Object.keys(spec).find((k) => !PV_SPEC_FIELDS.has(k) && isRecord(spec[k]));
}

/** The knowledge entity of a volume source: a CSI or FlexVolume driver by name, else the in-tree plugin. */
export function volumeSourceEntity(graph: KnowledgeGraph, key: string, value: unknown): Entity | undefined {
	if (key === 'csi' || key === 'flexVolume') {
		const driver = valueAt(value, ['driver']);
		const byDriver = typeof driver === 'string' ? graph.forProvisioner(driver) : undefined;
		return byDriver ?? (key === 'flexVolume' ? graph.forVolumeSource(key) : undefined);
	}
	return graph.forVolumeSource(key);
}

/** A list-valued fact of an entity (accessModes, volumeModes...), or undefined when the entity does not list it. */
export function listFact(entity: Entity | undefined, key: string): string[] | undefined {
	const value = entity?.facts[key];
	return Array.isArray(value) ? value.map(String) : undefined;
}

/** The StorageClass of a name: in the scope first, else anywhere in the workspace (cluster-scoped objects are shared). */
export function findStorageClass(ctx: RuleContext, name: string): IndexedResource | undefined {
	return ctx.scope.clusterScoped('StorageClass', name)[0] ?? ctx.index.named('StorageClass', name)[0];
}

/** The provisioner of a StorageClass, or undefined. */
export function provisionerOf(storageClass: IndexedResource): string | undefined {
	const provisioner = storageClass.resource.value.provisioner;
	return typeof provisioner === 'string' ? provisioner : undefined;
}

/** Annotation keys that mark a default StorageClass (from the StorageClass entity of the graph). */
export function defaultClassAnnotations(graph: KnowledgeGraph): string[] {
	const entity = graph.get('storage-class');
	const keys = new Set<string>();
	const fact = entity?.facts.defaultClassAnnotation;
	if (typeof fact === 'string') keys.add(fact);
	for (const a of entity?.matches.annotations ?? []) if (a.endsWith('is-default-class')) keys.add(a);
	return [...keys];
}

/** True when a StorageClass is marked default (the API server compares with "true" exactly). */
export function isDefaultClass(resource: Resource, annotations: string[]): boolean {
	return annotations.some((a) => resource.annotations[a] === 'true');
}

const inTreeCache = new WeakMap<KnowledgeGraph, Map<string, Entity | undefined>>();

/** `graph.inTreePlugin`, remembered per graph (pods look up every volume's source key). */
export function inTreeEntity(graph: KnowledgeGraph, name: string): Entity | undefined {
	let byName = inTreeCache.get(graph);
	if (!byName) inTreeCache.set(graph, (byName = new Map()));
	if (!byName.has(name)) byName.set(name, graph.inTreePlugin(name));
	return byName.get(name);
}

const pvsByScope = new WeakMap<WorkspaceIndex, { generation: number; byFolder: Map<string, IndexedResource[]> }>();

/** The PersistentVolumes of the rule's scope folder, grouped once per index generation (every claim asks). */
export function persistentVolumesInScope(ctx: RuleContext): IndexedResource[] {
	const { index } = ctx;
	let cached = pvsByScope.get(index);
	if (!cached || cached.generation !== index.generation) {
		const byFolder = new Map<string, IndexedResource[]>();
		for (const pv of index.ofKind('PersistentVolume')) {
			const folder = index.scopeOf(pv.uri);
			const list = byFolder.get(folder);
			if (list) list.push(pv);
			else byFolder.set(folder, [pv]);
		}
		pvsByScope.set(index, (cached = { generation: index.generation, byFolder }));
	}
	return cached.byFolder.get(index.scopeOf(ctx.entry.uri)) ?? [];
}
