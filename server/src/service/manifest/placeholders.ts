import type { ManifestDocument, NodePath } from './types';

/**
 * `${VAR}` (envsubst, Flux post-build substitution) and `$(VAR)` (the same, and Kubernetes' own
 * dependent environment variables): a tool fills them in before the API server sees the value.
 */
const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}]*)?\}|\$\([A-Za-z_][A-Za-z0-9_]*\)/;

/** True when a value is, or holds, a placeholder that is substituted before the cluster sees it. */
export function hasPlaceholder(value: unknown): boolean {
	return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** True when a value or any value under it (map values, list items) holds a placeholder. */
export function holdsPlaceholder(value: unknown, depth = 0): boolean {
	if (hasPlaceholder(value)) return true;
	if (depth > 4 || !value || typeof value !== 'object') return false;
	const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
	return items.some((item) => holdsPlaceholder(item, depth + 1));
}

/**
 * True when the value a finding points at holds a placeholder: it is not known yet, so it is not
 * judged. Top-level sections (`spec`, `metadata`) are too wide to tell; they are always judged.
 */
export function placeholderAt(document: ManifestDocument, path: NodePath): boolean {
	if (path.length < 2) return false;
	let value: unknown = document.resource?.value;
	for (const segment of path) {
		if (!value || typeof value !== 'object') return false;
		value = (value as Record<string | number, unknown>)[segment];
	}
	return holdsPlaceholder(value);
}
