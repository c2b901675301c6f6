import { CATEGORIES, type Entity, type Language } from '../../server/src/service/knowledge/types';
import { CATEGORY_TEXT, RELATION_TEXT, say } from './viewText';
import type { GraphEdge, GraphNode, GraphPayload } from './webview/protocol';

/** A short label for a node: "Container Network Interface (CNI)" -> "CNI". */
export function shortTitle(entity: Entity, language: Language): string {
	const title = (entity.title[language] || entity.title.en).normalize('NFKC');
	// Bounded: the lazy pattern is quadratic, and a team note's title can be any length.
	const m = title.length <= 200 ? /^(.+?)\s*\((.+)\)$/.exec(title) : null;
	if (!m) return title;
	// "Endpoints (v1)": a version in brackets qualifies the name, it does not abbreviate it.
	if (/^v\d/.test(m[2])) return m[1];
	return m[2].length < m[1].length ? m[2] : m[1];
}

/** The entry, every entry related to it in either direction, and the relations among them. */
export function neighbourhood(entity: Entity, byId: Map<string, Entity>, language: Language): GraphPayload {
	const members = new Map<string, Entity>([[entity.id, entity]]);
	for (const r of entity.relations) {
		const target = byId.get(r.target);
		if (target) members.set(target.id, target);
	}
	for (const other of byId.values()) {
		if (other.relations.some((r) => r.target === entity.id)) members.set(other.id, other);
	}
	const nodes = [...members.values()].map((e) => node(e, language, e.id === entity.id));
	// The first relation with a neighbour labels near the neighbour, a second one in the middle:
	// two labels at the same end of two near-parallel curves would cover each other.
	const labelledNear = new Set<string>();
	const edges = edgesAmong(members, language).map((edge) => {
		const near = edge.source === entity.id || edge.target === entity.id;
		const other = edge.source === entity.id ? edge.target : edge.source;
		if (!near || labelledNear.has(other)) return { ...edge, near };
		labelledNear.add(other);
		return { ...edge, near, outer: edge.source === entity.id ? ('target' as const) : ('source' as const) };
	});
	return { layout: 'neighbourhood', nodes, edges, categories: categoriesOf(members.values(), language) };
}

/** Every entry and every relation. */
export function wholeGraph(entities: Entity[], language: Language): GraphPayload {
	const members = new Map(entities.map((e) => [e.id, e]));
	return {
		layout: 'whole',
		nodes: entities.map((e) => node(e, language, false)),
		edges: edgesAmong(members, language),
		categories: categoriesOf(entities, language),
	};
}

function node(entity: Entity, language: Language, focus: boolean): GraphNode {
	return { id: entity.id, label: shortTitle(entity, language), category: entity.category, ...(focus ? { focus } : {}) };
}

/** Relations that read the same both ways: drawn once, with an arrow at each end. */
const SYMMETRIC = new Set<string>(['alternative-to', 'conflicts-with']);

/** Relations whose both ends are members; one edge per source, target and type. */
function edgesAmong(members: Map<string, Entity>, language: Language): GraphEdge[] {
	const edges = new Map<string, GraphEdge>();
	for (const source of members.values()) {
		for (const r of source.relations) {
			if (!members.has(r.target) || r.target === source.id) continue;
			const reverse = edges.get(`${r.target}|${r.type}|${source.id}`);
			if (reverse && SYMMETRIC.has(r.type)) {
				reverse.mutual = true;
				continue;
			}
			const id = `${source.id}|${r.type}|${r.target}`;
			const label = RELATION_TEXT[r.type] ? say(RELATION_TEXT[r.type], language) : r.type;
			edges.set(id, { id, source: source.id, target: r.target, label, near: true });
		}
	}
	return [...edges.values()];
}

/** The categories present, in the fixed order of CATEGORIES (so colours stay the same). */
function categoriesOf(entities: Iterable<Entity>, language: Language): GraphPayload['categories'] {
	const present = new Set([...entities].map((e) => e.category));
	return CATEGORIES.filter((c) => present.has(c)).map((c) => ({ id: c, label: say(CATEGORY_TEXT[c], language) }));
}
