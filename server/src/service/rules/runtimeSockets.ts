import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';

/** A container runtime's API socket on the node, and the runtime it belongs to. */
export interface RuntimeSocket {
	path: string;
	entity: Entity;
	/** How to call it: the endpoint's own name (cri-dockerd) where the graph gives one, else the entity title. */
	label?: string;
}

const cache = new WeakMap<KnowledgeGraph, RuntimeSocket[]>();

/** The runtime sockets the graph knows: `socket` and `endpoints` facts, and hostPath values that point at a runtime. */
export function runtimeSockets(graph: KnowledgeGraph): RuntimeSocket[] {
	let sockets = cache.get(graph);
	if (sockets) return sockets;
	sockets = [];
	const add = (endpoint: unknown, entity: Entity | undefined, label?: string) => {
		if (typeof endpoint !== 'string' || !entity || !endpoint.endsWith('.sock')) return;
		const path = normalize(endpoint.replace(/^unix:\/\//, ''));
		if (!sockets!.some((s) => s.path === path)) sockets!.push({ path, entity, label });
	};
	for (const entity of graph.entities) {
		if (entity.category !== 'runtime') continue;
		add(entity.facts.socket, entity);
		const endpoints = entity.facts.endpoints;
		if (endpoints && typeof endpoints === 'object') for (const [name, endpoint] of Object.entries(endpoints)) add(endpoint, graph.find(name) ?? entity, name);
		for (const match of entity.matches.values ?? []) if (match.field.endsWith('hostPath.path')) add(match.value, entity);
	}
	cache.set(graph, sockets);
	return sockets;
}

/** `/var/run/x/` -> `/run/x` (on current distributions /var/run links to /run). */
function normalize(path: string): string {
	const trimmed = path.replace(/\/+$/, '') || '/';
	return trimmed.startsWith('/var/run/') || trimmed === '/var/run' ? trimmed.slice(4) : trimmed;
}

/** The runtime sockets a hostPath exposes: the socket itself (by path or file name), or those in a folder it mounts. */
export function socketsExposedBy(graph: KnowledgeGraph, hostPath: string): { sockets: RuntimeSocket[]; folder: boolean } {
	const path = normalize(hostPath.trim());
	if (path === '/') return { sockets: [], folder: false };
	const sockets = runtimeSockets(graph);
	const base = path.slice(path.lastIndexOf('/') + 1);
	const exact = sockets.find((s) => s.path === path) ?? sockets.find((s) => s.path.slice(s.path.lastIndexOf('/') + 1) === base);
	if (exact) return { sockets: [exact], folder: false };
	return { sockets: sockets.filter((s) => s.path.startsWith(`${path}/`)), folder: true };
}
