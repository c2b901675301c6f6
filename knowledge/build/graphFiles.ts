/*
 * The graph is written twice: graph.json whole, and graph-core.json without the entities' bodies.
 * The bodies are more than half of the graph and only the knowledge search and the entry view read
 * them, so a server starts from the core file and reads the bodies from graph.json when first asked.
 */
import type { Entity, GraphData } from '../../server/src/service/knowledge/types';

export const GRAPH_FILE = 'graph.json';
export const GRAPH_CORE_FILE = 'graph-core.json';

/** An entity of graph-core.json: all but its body. */
export type CoreEntity = Omit<Entity, 'body'>;

export interface CoreGraphData extends Omit<GraphData, 'entities'> {
	entities: CoreEntity[];
}

/** The graph without the entities' bodies (each entity keeps its other fields, in their order). */
export function withoutBodies(graph: GraphData): CoreGraphData {
	const entities = graph.entities.map((entity) => {
		const core: Partial<Entity> = { ...entity };
		delete core.body;
		return core as CoreEntity;
	});
	return { ...graph, entities };
}
