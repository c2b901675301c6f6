import type { KnowledgeGraph } from '../knowledge/graph';
import { isRecord } from '../manifest/parse';
import type { Resource } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import type { Scope } from '../workspace/scope';
import { parseQuantity } from './quantity';

/** The provisioner name of a StorageClass that never provisions: its claims bind to PVs made by hand. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Keys of a PersistentVolume spec that are not its volume source. */
const PV_SPEC_FIELDS = new Set(['accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'volumeAttributesClassName']);

/** The access modes listed in a claim or PV spec. */
export function accessModesOf(spec: Record<string, unknown>): string[] {
	return Array.isArray(spec.accessModes) ? spec.accessModes.filter((m): m is string => typeof m === 'string') : [];
}

/** `Block` or `Filesystem` (the default). */
export function volumeModeOf(spec: Record<string, unknown>): string {
	return spec.volumeMode === 'Block' ? 'Block' : 'Filesystem';
}

/** The class a claim asks for: the legacy annotation wins over `storageClassName`; undefined when unset (the cluster's default applies). */
export function claimClassOf(claim: { spec: Record<string, unknown>; annotations: Record<string, string> }): string | undefined {
	const annotated = claim.annotations[BETA_CLASS_ANNOTATION];
	if (annotated !== undefined) return annotated;
	const name = claim.spec.storageClassName;
	return typeof name === 'string' ? name : undefined;
}

/** A quantity as written (a string, or a number YAML read), or undefined. */
export function quantityText(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
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
	const capacityText = quantityText(isRecord(spec.capacity) ? spec.capacity.storage : undefined);
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

/** The StorageClasses of the scope marked as the default class. */
export function defaultStorageClasses(scope: Scope, graph: KnowledgeGraph): IndexedResource[] {
	const annotations = defaultClassAnnotations(graph);
	return scope.clusterScoped('StorageClass').filter((c) => isDefaultClass(c.resource, annotations));
}
