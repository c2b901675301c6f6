import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import type { Settings } from '../settings';

/** What a cluster profile rejects, and the knowledge entity that says so. */
export interface ProfileLimits {
	entity: Entity;
	/** Values of the FORMAT.md `unsupported` vocabulary: DaemonSet, NodePort, PersistentVolume, HostNetwork, Privileged. */
	unsupported: Set<string>;
}

/**
 * The entity that describes each non-standard profile, and the facts that list its limits. The
 * `serverless` profile is the serverless Kubernetes of the source article (Alibaba Cloud ACK
 * Serverless as it was then): today's limits plus those the article reported, which include
 * persistent volumes. An entity whose `profile` fact names a profile takes precedence.
 */
const PROFILE_SOURCES: Record<string, { entity: string; facts: string[] }> = {
	serverless: { entity: 'ack-serverless', facts: ['unsupported', 'unsupportedInArticle2019'] },
};

const cache = new WeakMap<KnowledgeGraph, Map<string, ProfileLimits | undefined>>();

/** The limits of the settings' cluster profile, read from the graph; undefined for `standard`. */
export function profileLimits(graph: KnowledgeGraph, settings: Settings): ProfileLimits | undefined {
	const profile = settings.profile;
	if (profile === 'standard') return undefined;
	let byProfile = cache.get(graph);
	if (!byProfile) cache.set(graph, (byProfile = new Map()));
	if (!byProfile.has(profile)) byProfile.set(profile, readLimits(graph, profile));
	return byProfile.get(profile);
}

function readLimits(graph: KnowledgeGraph, profile: string): ProfileLimits | undefined {
	const declared = graph.entities.find((e) => e.facts.profile === profile);
	if (declared) return { entity: declared, unsupported: new Set(list(declared.facts.unsupported)) };
	const source = PROFILE_SOURCES[profile];
	const entity = source && graph.get(source.entity);
	if (!entity) return undefined;
	return { entity, unsupported: new Set(source.facts.flatMap((f) => list(entity.facts[f]))) };
}

function list(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}
