import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { rangeOf } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { ManifestDocument, NodePath, Resource } from '../manifest/types';
import { containersOf, DEPLOYED_CONTAINERS } from '../rules/containers';
import { podSpecOf } from '../rules/podSpec';
import type { Settings } from '../settings';
import { LAYOUT, type IndexedResource, type WorkspaceIndex } from './index';

/** A place in the workspace that shows something about the cluster. */
export interface ProfileEvidence {
	uri: string;
	/** Absolute offsets of the telling value (an image, a CRD kind, a name). */
	start: number;
	end: number;
	/** What it is, in manifest words: `DaemonSet kube-flannel-ds, image flannel/flannel:v0.25.1`. */
	what: string;
}

/** A value of the profile, and where it came from: the configuration wins over the workspace. */
export interface ProfileValue {
	value: string;
	configured: boolean;
	evidence: ProfileEvidence[];
}

/** The cluster the manifests are for: what the configuration says, else what the workspace shows. */
export interface ClusterProfile {
	/** The CNI plugin's entity id; unset when neither configured nor shown by exactly one plugin. */
	cni?: ProfileValue;
	/** Every CNI plugin the workspace shows, by entity id (two or more: nothing is inferred). */
	cniSeen: Map<string, ProfileEvidence[]>;
	/** Where the workspace installs Multus, if it does. */
	multus: ProfileEvidence[];
	runtimeClasses: ProfileValue[];
	storageClasses: ProfileValue[];
}

interface Seen {
	cni: Map<string, ProfileEvidence[]>;
	multus: ProfileEvidence[];
	runtimeClasses: ProfileValue[];
	storageClasses: ProfileValue[];
}

/** The kinds the profile is read from (READS.profile in rules/types.ts says the same to validation). */
const PROFILE_KINDS = ['DaemonSet', 'Deployment', 'CustomResourceDefinition', 'RuntimeClass', 'StorageClass'] as const;
/** What the profile's values depend on: those kinds, and whether a document is a whole resource. */
const VALUE_KEYS = [LAYOUT, ...PROFILE_KINDS];
/** What its evidence places depend on besides: where documents of those kinds sit in their files. */
const PLACE_KEYS = PROFILE_KINDS.map((kind) => `@${kind}`);

/** What the workspace shows, the index stamps it was read at, and the profiles made from it per settings. */
interface Reading {
	graph: KnowledgeGraph;
	/** The index generation it was last found current at. */
	generation: number;
	values: number;
	places: number;
	observations: Observation[];
	seen: Seen;
	profiles: Map<string, ClusterProfile>;
}

const readings = new WeakMap<WorkspaceIndex, Reading>();

/**
 * The cluster profile for a file's settings. The CNI is inferred from the workspace's installation
 * artefacts only (DaemonSet and Deployment images, CustomResourceDefinitions), never from the
 * resources that use a plugin, so a CiliumNetworkPolicy cannot make a Calico workspace ambiguous.
 * The workspace is read again only when a document of the kinds it is read from changed (an edit
 * elsewhere keeps it); when such documents only moved, only the places of the evidence are.
 */
export function clusterProfile(index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings): ClusterProfile {
	let reading = readings.get(index);
	if (!reading || reading.graph !== graph || reading.generation !== index.generation) {
		const { generation } = index;
		const values = lastChange(index, VALUE_KEYS);
		const places = lastChange(index, PLACE_KEYS);
		if (!reading || reading.graph !== graph || reading.values !== values) {
			const observations = observe(index, graph);
			reading = { graph, generation, values, places, observations, seen: seenFrom(observations), profiles: new Map() };
		} else if (reading.places !== places) {
			const observations = moved(reading.observations, index) ?? observe(index, graph);
			if (observations === reading.observations) Object.assign(reading, { generation, places });
			else reading = { graph, generation, values, places, observations, seen: seenFrom(observations), profiles: new Map() };
		} else reading.generation = generation;
		readings.set(index, reading);
	}
	// Rules ask once per resource: the lists are built once per settings (each is as long as the workspace's classes).
	const key = profileKey(settings);
	let profile = reading.profiles.get(key);
	if (!profile) reading.profiles.set(key, (profile = profileOf(reading.seen, graph, settings)));
	return profile;
}

/** The latest change of any of the keys (one counter: a change of any of them makes it larger). */
function lastChange(index: WorkspaceIndex, keys: readonly string[]): number {
	let last = 0;
	for (const key of keys) last = Math.max(last, index.changedAt(key));
	return last;
}

const profileKeys = new WeakMap<Settings, string>();

/** What of the settings a profile depends on, as a key worked out once per settings object. */
function profileKey(settings: Settings): string {
	let key = profileKeys.get(settings);
	if (key === undefined) profileKeys.set(settings, (key = JSON.stringify([settings.cni, settings.runtimeClasses, settings.storageClasses])));
	return key;
}

function profileOf(seen: Seen, graph: KnowledgeGraph, settings: Settings): ClusterProfile {
	const configured = settings.cni ? graph.find(settings.cni) : undefined;
	let cni: ProfileValue | undefined;
	if (configured) cni = { value: configured.id, configured: true, evidence: [] };
	else if (!settings.cni && seen.cni.size === 1) {
		const [[id, evidence]] = [...seen.cni];
		cni = { value: id, configured: false, evidence };
	}
	const named = (list: string[], inferred: ProfileValue[]) => [
		...list.map((value) => ({ value, configured: true, evidence: [] })),
		...inferred.filter((v) => !list.includes(v.value)),
	];
	return { cni, cniSeen: seen.cni, multus: seen.multus, runtimeClasses: named(settings.runtimeClasses, seen.runtimeClasses), storageClasses: named(settings.storageClasses, seen.storageClasses) };
}

/** True for an entity that is a cluster's CNI plugin (not a meta plugin such as Multus). */
export function isCniPlugin(entity: Entity | undefined): boolean {
	return !!entity && entity.relations.some((r) => r.type === 'implements' && r.target === 'cni') && entity.facts.metaPlugin !== true;
}

/** The network plugin (CNI or Multus) whose custom resources live in an API group (`cilium.io`). */
export function pluginForGroup(graph: KnowledgeGraph, group: string): Entity | undefined {
	let byGroup = groupCache.get(graph);
	if (!byGroup) {
		byGroup = new Map();
		for (const entity of graph.entities) {
			const groups = entity.facts.apiGroups;
			if (Array.isArray(groups) && (isCniPlugin(entity) || entity.facts.metaPlugin === true)) for (const g of groups) byGroup.set(String(g), entity);
		}
		groupCache.set(graph, byGroup);
	}
	return byGroup.get(group);
}

const groupCache = new WeakMap<KnowledgeGraph, Map<string, Entity>>();

/** True for a network plugin's or meta plugin's entity: its images in a DaemonSet or Deployment show it. */
function showsPlugin(entity: Entity | undefined): entity is Entity {
	return !!entity && (entity.facts.metaPlugin === true || isCniPlugin(entity));
}

/** The images observe reads of a DaemonSet or Deployment, in order. */
export function observedImages(resource: Resource): string[] {
	const pod = podSpecOf(resource);
	if (!pod) return [];
	const images: string[] = [];
	for (const container of containersOf(pod, DEPLOYED_CONTAINERS)) if (typeof container.value.image === 'string') images.push(container.value.image);
	return images;
}

/** The kinds observe reads images of. */
export const OBSERVED_KINDS = ['DaemonSet', 'Deployment'];

/** Something the workspace shows about the cluster, and the resource of the index that shows it. */
interface Observation {
	entry: IndexedResource;
	/** Where the entry sits in index.ofKind(its kind). */
	position: number;
	path: NodePath;
	what: string;
	/** A network plugin's entity, or the name of a RuntimeClass or StorageClass. */
	shows: Entity | { kind: 'RuntimeClass' | 'StorageClass'; name: string };
	/** Its evidence, for the entry's document as it is. */
	at: ProfileEvidence;
}

function observation(entry: IndexedResource, position: number, path: NodePath, what: string, shows: Observation['shows']): Observation {
	return { entry, position, path, what, shows, at: evidence(entry, path, what) };
}

/** Reads the workspace: the images of DaemonSets and Deployments, CRD groups, RuntimeClass and StorageClass names. */
function observe(index: WorkspaceIndex, graph: KnowledgeGraph): Observation[] {
	const out: Observation[] = [];
	for (const kind of OBSERVED_KINDS) {
		index.ofKind(kind).forEach((entry, position) => {
			// Images known without the value that show no plugin: the value is not read.
			const images = entry.resource.podImages;
			if (images && !images.some((image) => showsPlugin(graph.forImage(image)))) return;
			const pod = podSpecOf(entry.resource);
			if (!pod || index.isPartial(entry)) return;
			for (const container of containersOf(pod, DEPLOYED_CONTAINERS)) {
				const image = typeof container.value.image === 'string' ? container.value.image : undefined;
				const entity = image ? graph.forImage(image) : undefined;
				if (showsPlugin(entity)) out.push(observation(entry, position, [...container.path, 'image'], `${kind} ${entry.resource.name ?? ''}, image ${image}`, entity));
			}
		});
	}
	index.ofKind('CustomResourceDefinition').forEach((entry, position) => {
		const spec = entry.resource.value.spec;
		const group = isRecord(spec) && typeof spec.group === 'string' ? spec.group : undefined;
		const plugin = group ? pluginForGroup(graph, group) : undefined;
		if (plugin) out.push(observation(entry, position, ['spec', 'group'], `CustomResourceDefinition ${entry.resource.name ?? ''}`, plugin));
	});
	for (const kind of ['RuntimeClass', 'StorageClass'] as const) {
		index.ofKind(kind).forEach((entry, position) => {
			const name = entry.resource.name;
			// The name is read from the value's metadata.name (readResource): the place of the evidence is there.
			if (name && !index.isPartial(entry)) out.push(observation(entry, position, ['metadata', 'name'], `${kind} ${name}`, { kind, name }));
		});
	}
	return out;
}

/**
 * The same observations after their documents only moved (same resources, same order, new places):
 * the same array when none of theirs moved; undefined when one is not where it was in its kind's list.
 */
function moved(observations: Observation[], index: WorkspaceIndex): Observation[] | undefined {
	const lists = new Map<string, IndexedResource[]>();
	let out: Observation[] | undefined;
	for (const [i, o] of observations.entries()) {
		const kind = o.entry.resource.kind;
		let list = lists.get(kind);
		if (!list) lists.set(kind, (list = index.ofKind(kind)));
		const entry = list[o.position];
		if (entry?.resource !== o.entry.resource || entry.uri !== o.entry.uri) return undefined;
		if (entry.document === o.entry.document) {
			out?.push(o);
			continue;
		}
		out ??= observations.slice(0, i);
		out.push(observation(entry, o.position, o.path, o.what, o.shows));
	}
	return out ?? observations;
}

/** The profile's lists from the observations, with evidence at the places their documents are now. */
function seenFrom(observations: Observation[]): Seen {
	const seen: Seen = { cni: new Map(), multus: [], runtimeClasses: [], storageClasses: [] };
	const byName = { RuntimeClass: new Map<string, ProfileValue>(), StorageClass: new Map<string, ProfileValue>() };
	for (const o of observations) {
		const { at } = o;
		if ('kind' in o.shows) {
			const list = o.shows.kind === 'RuntimeClass' ? seen.runtimeClasses : seen.storageClasses;
			const known = byName[o.shows.kind].get(o.shows.name);
			if (known) known.evidence.push(at);
			else {
				const value = { value: o.shows.name, configured: false, evidence: [at] };
				byName[o.shows.kind].set(o.shows.name, value);
				list.push(value);
			}
		} else if (o.shows.facts.metaPlugin === true) seen.multus.push(at);
		else {
			const list = seen.cni.get(o.shows.id);
			if (list) list.push(at);
			else seen.cni.set(o.shows.id, [at]);
		}
	}
	return seen;
}

/** Evidence whose offsets are looked up when first read (most evidence is never shown). */
function evidence(entry: IndexedResource, path: NodePath, what: string): ProfileEvidence {
	return new LaterEvidence(entry.uri, what, entry.document, path);
}

/**
 * Evidence placed when its offsets are first read. A class rather than an object given getters of
 * its own (placeLater): a profile holds evidence for every StorageClass and workload image of the
 * workspace, tens of thousands over a large repository, and such objects take several times the memory and time.
 */
class LaterEvidence implements ProfileEvidence {
	#span: [number, number] | undefined;
	readonly #document: ManifestDocument;
	readonly #path: NodePath;

	constructor(
		readonly uri: string,
		readonly what: string,
		document: ManifestDocument,
		path: NodePath,
	) {
		this.#document = document;
		this.#path = path;
	}

	get start(): number {
		return (this.#span ??= this.place())[0];
	}

	get end(): number {
		return (this.#span ??= this.place())[1];
	}

	private place(): [number, number] {
		return rangeOf(this.#document, this.#path) ?? [this.#document.start, this.#document.start];
	}
}
