import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { placeLater, rangeOf } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { containersOf, DEPLOYED_CONTAINERS } from '../rules/containers';
import { podSpecOf, valueAt } from '../rules/podSpec';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from './index';

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

const seenCache = new WeakMap<WorkspaceIndex, { generation: number; graph: KnowledgeGraph; seen: Seen; profiles: Map<string, ClusterProfile> }>();

/**
 * The cluster profile for a file's settings. The CNI is inferred from the workspace's installation
 * artefacts only (DaemonSet and Deployment images, CustomResourceDefinitions), never from the
 * resources that use a plugin, so a CiliumNetworkPolicy cannot make a Calico workspace ambiguous.
 * Worked out once per index generation and settings object: every resource of a validation asks.
 */
export function clusterProfile(index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings): ClusterProfile {
	let cached = seenCache.get(index);
	if (!cached || cached.generation !== index.generation || cached.graph !== graph) {
		cached = { generation: index.generation, graph, seen: readWorkspace(index, graph), profiles: new Map() };
		seenCache.set(index, cached);
	}
	// Rules ask once per resource: the lists are built once per settings (each is as long as the workspace's classes).
	const key = profileKey(settings);
	let profile = cached.profiles.get(key);
	if (!profile) cached.profiles.set(key, (profile = profileOf(cached.seen, graph, settings)));
	return profile;
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

function readWorkspace(index: WorkspaceIndex, graph: KnowledgeGraph): Seen {
	const seen: Seen = { cni: new Map(), multus: [], runtimeClasses: [], storageClasses: [] };
	const note = (entity: Entity | undefined, evidence: ProfileEvidence | undefined) => {
		if (!entity || !evidence) return;
		if (entity.facts.metaPlugin === true) seen.multus.push(evidence);
		else if (isCniPlugin(entity)) {
			const list = seen.cni.get(entity.id);
			if (list) list.push(evidence);
			else seen.cni.set(entity.id, [evidence]);
		}
	};
	for (const kind of ['DaemonSet', 'Deployment']) {
		for (const entry of index.ofKind(kind)) {
			const pod = podSpecOf(entry.resource);
			if (!pod || index.isPartial(entry)) continue;
			for (const container of containersOf(pod, DEPLOYED_CONTAINERS)) {
				const image = typeof container.value.image === 'string' ? container.value.image : undefined;
				if (image) note(graph.forImage(image), evidence(entry, [...container.path, 'image'], `${kind} ${entry.resource.name ?? ''}, image ${image}`));
			}
		}
	}
	for (const entry of index.ofKind('CustomResourceDefinition')) {
		const spec = entry.resource.value.spec;
		const group = isRecord(spec) && typeof spec.group === 'string' ? spec.group : undefined;
		const plugin = group ? pluginForGroup(graph, group) : undefined;
		if (plugin) note(plugin, evidence(entry, ['spec', 'group'], `CustomResourceDefinition ${entry.resource.name ?? ''}`));
	}
	for (const [kind, list] of [['RuntimeClass', seen.runtimeClasses], ['StorageClass', seen.storageClasses]] as const) {
		const byName = new Map<string, ProfileValue>();
		for (const entry of index.ofKind(kind)) {
			const name = entry.resource.name;
			const at = name && evidence(entry, ['metadata', 'name'], `${kind} ${name}`);
			if (!at || index.isPartial(entry)) continue;
			const known = byName.get(name);
			if (known) known.evidence.push(at);
			else {
				const value = { value: name, configured: false, evidence: [at] };
				byName.set(name, value);
				list.push(value);
			}
		}
	}
	return seen;
}

/** Evidence whose offsets are looked up when first read (most evidence is never shown). */
function evidence(entry: IndexedResource, path: NodePath, what: string): ProfileEvidence | undefined {
	if (valueAt(entry.resource.value, path) === undefined) return undefined;
	const { document } = entry;
	return placeLater({ uri: entry.uri, what }, () => rangeOf(document, path) ?? [document.start, document.start]);
}
