import type { Entity, KnowledgeProblem } from '../../server/src/service/knowledge/types';

/**
 * Makes the graph's relations mean what they say: `alternative-to` holds both ways (the builder
 * adds the missing direction), `requires` never loops back to where it started, and, in strict
 * mode, every entity is reached by at least one relation.
 */
export function checkRelations(entities: Entity[], lineOf: (entity: Entity) => number, strict: boolean): KnowledgeProblem[] {
	const problems: KnowledgeProblem[] = [];
	const byId = new Map(entities.map((e) => [e.id, e]));
	for (const entity of entities) {
		for (const r of entity.relations) {
			const target = byId.get(r.target);
			if (r.target === entity.id) problems.push({ file: entity.file, line: lineOf(entity), message: `relation ${r.type} -> "${r.target}": an entity does not relate to itself` });
			else if (r.type === 'alternative-to' && target && !target.relations.some((b) => b.type === 'alternative-to' && b.target === entity.id)) {
				target.relations.push({ type: 'alternative-to', target: entity.id });
			}
		}
	}
	for (const cycle of requiresCycles(entities, byId)) {
		const first = byId.get(cycle[0])!;
		problems.push({ file: first.file, line: lineOf(first), message: `requires cycle: ${[...cycle, cycle[0]].join(' -> ')}` });
	}
	if (strict) {
		const reached = new Set(entities.flatMap((e) => e.relations.map((r) => r.target)));
		for (const entity of entities) {
			if (!reached.has(entity.id)) problems.push({ file: entity.file, line: lineOf(entity), message: 'no other entity relates to this one: add a relation that points here' });
		}
	}
	return problems;
}

/** Each loop of `requires` edges once, as the ids along it (depth-first search, grey/black marks). */
function requiresCycles(entities: Entity[], byId: Map<string, Entity>): string[][] {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const cycles: string[][] = [];
	const visit = (id: string) => {
		state.set(id, 'open');
		path.push(id);
		for (const r of byId.get(id)?.relations ?? []) {
			if (r.type !== 'requires' || !byId.has(r.target)) continue;
			const mark = state.get(r.target);
			if (mark === 'open') cycles.push(path.slice(path.indexOf(r.target)));
			else if (mark === undefined) visit(r.target);
		}
		path.pop();
		state.set(id, 'done');
	};
	for (const entity of entities) if (!state.has(entity.id)) visit(entity.id);
	return cycles;
}
