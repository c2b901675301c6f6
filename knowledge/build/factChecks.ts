/* Checks of fact values that the YAML parser accepts but that cannot be what the author meant. */
import type { KnowledgeProblem } from '../../server/src/service/knowledge/types';

/** Every string a fact holds, members of lists and records included. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
	return [];
}

function balanced(text: string): boolean {
	let depth = 0;
	for (const c of text) {
		if (c === '(' || c === '（') depth++;
		else if ((c === ')' || c === '）') && --depth < 0) return false;
	}
	return depth === 0;
}

/**
 * A bracket left open in a list item: in a flow list `[a, b (c, d)]` the comma inside the
 * bracket splits the item in two ("b (c" and "d)"), and the fact shows both halves.
 */
export function factProblems(path: string, line: number, facts: Record<string, unknown>): KnowledgeProblem[] {
	return Object.entries(facts).flatMap(([key, value]) =>
		strings(value)
			.filter((s) => !balanced(s))
			.map((s) => ({ file: path, line, message: `fact ${key}: "${s}" has an unmatched bracket (a comma inside brackets splits a list item: quote the item)` })),
	);
}
