import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import type { NodePath } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import { podSpecOf, type PodSpecAt } from './podSpec';
import type { RuleContext } from './types';

/** A pod's `runtimeClassName`, where it is, and what it leads to. */
export interface PodRuntime {
	pod: PodSpecAt;
	name: string;
	path: NodePath;
	/** The RuntimeClass of that name in the scope, if the workspace has it. */
	runtimeClass?: IndexedResource;
	handler?: string;
	/** The runtime the handler (or, without a RuntimeClass in view, the name itself) points at. */
	runtime?: Entity;
}

/** The runtime class of a resource's pods, or undefined when it names none. */
export function podRuntime({ entry, scope, graph }: RuleContext): PodRuntime | undefined {
	const pod = podSpecOf(entry.resource);
	const name = pod?.spec.runtimeClassName;
	if (!pod || typeof name !== 'string' || !name) return undefined;
	const runtimeClass = scope.clusterScoped('RuntimeClass', name)[0];
	const handler = runtimeClass && typeof runtimeClass.resource.value.handler === 'string' ? runtimeClass.resource.value.handler : undefined;
	// Without the RuntimeClass in view, a class named after a handler (gvisor, kata-qemu) is taken to use it.
	const runtime = handler ? graph.forRuntimeHandler(handler) : runtimeClass ? undefined : graph.forRuntimeHandler(name);
	return { pod, name, path: [...pod.path, 'runtimeClassName'], runtimeClass, handler, runtime };
}

const handlerCache = new WeakMap<KnowledgeGraph, Set<string>>();

/** Every RuntimeClass handler name the knowledge knows (matches and `runtimeHandlers` facts). */
export function knownHandlers(graph: KnowledgeGraph): Set<string> {
	let known = handlerCache.get(graph);
	if (!known) {
		known = new Set();
		for (const entity of graph.entities) {
			for (const h of entity.matches.runtimeHandlers ?? []) known.add(h);
			const facts = entity.facts.runtimeHandlers;
			if (Array.isArray(facts)) for (const h of facts) known.add(String(h));
		}
		handlerCache.set(graph, known);
	}
	return known;
}
