import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { isRecord } from '../manifest/parse';

/** A workload the graph recognises as a node agent (CNI, CSI plugin, log agent...) by its images. */
export interface NodeAgent {
	/** The entity of the first container whose image the graph knows as an agent. */
	entity: Entity;
	/** `nodeAgent` fact: cni, csi, storage, runtime-installer, log-agent, proxy. */
	role: string;
	/** Node paths such agents mount by design (every matched entity's, and what they implement). */
	hostPaths: string[];
}

/** `/var/run/x/` -> `/run/x` (on current distributions /var/run links to /run). */
export function normalizeHostPath(path: string): string {
	const trimmed = path.trim().replace(/\/+$/, '') || '/';
	return trimmed === '/var/run' || trimmed.startsWith('/var/run/') ? trimmed.slice(4) : trimmed;
}

/** The role of an entity: its own `nodeAgent` fact, else that of what it implements (Flannel implements CNI). */
function roleOf(graph: KnowledgeGraph, entity: Entity): { role: string; paths: string[] } | undefined {
	const own = typeof entity.facts.nodeAgent === 'string' ? entity.facts.nodeAgent : undefined;
	const paths = listOf(entity.facts.hostPaths);
	if (own) return { role: own, paths };
	for (const relation of entity.relations) {
		if (relation.type !== 'implements') continue;
		const base = graph.get(relation.target);
		if (base && typeof base.facts.nodeAgent === 'string') return { role: base.facts.nodeAgent, paths: [...paths, ...listOf(base.facts.hostPaths)] };
	}
	return undefined;
}

function listOf(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The node agent a pod spec runs, recognised by the images of its containers and init containers. */
export function nodeAgentOf(graph: KnowledgeGraph, pod: Record<string, unknown>): NodeAgent | undefined {
	let agent: NodeAgent | undefined;
	for (const key of ['containers', 'initContainers']) {
		const list = pod[key];
		if (!Array.isArray(list)) continue;
		for (const container of list) {
			const image = isRecord(container) && typeof container.image === 'string' ? container.image : undefined;
			const entity = image ? graph.forImage(image) : undefined;
			const role = entity && roleOf(graph, entity);
			if (!entity || !role) continue;
			if (!agent) agent = { entity, role: role.role, hostPaths: [] };
			agent.hostPaths.push(...role.paths.map(normalizeHostPath));
		}
	}
	return agent;
}

/** True when a host path is one of the agent's by-design paths, or below one. */
export function byDesign(agent: NodeAgent, hostPath: string): boolean {
	const path = normalizeHostPath(hostPath);
	return agent.hostPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

/** How a pod's containers mount a volume: whether any does, and whether every mount is read-only. */
export function mountsOf(pod: Record<string, unknown>, volume: string): { readOnly: boolean; mounted: boolean } {
	let mounted = false;
	let readOnly = true;
	for (const key of ['containers', 'initContainers']) {
		const list = pod[key];
		if (!Array.isArray(list)) continue;
		for (const container of list) {
			const mounts = isRecord(container) && Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
			for (const mount of mounts) {
				if (!isRecord(mount) || mount.name !== volume) continue;
				mounted = true;
				if (mount.readOnly !== true) readOnly = false;
			}
		}
	}
	return { readOnly: mounted && readOnly, mounted };
}
