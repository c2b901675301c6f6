import { URI } from 'vscode-uri';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { PLACEHOLDER } from '../schema/validate';
import { valueAt } from './podSpec';

/** Kinds whose apps/v1 spec must carry a selector that selects the template's labels. */
export const SELECTOR_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'];

/** A label selector's parts: `matchLabels` (or a ReplicationController's plain map) and expressions. */
export interface SelectorAt {
	path: NodePath;
	matchLabels: Record<string, unknown>;
	matchLabelsPath: NodePath;
	expressions: { key: string; operator: string; values: string[]; path: NodePath }[];
}

/** The selector of a workload, undefined when absent or null. */
export function selectorOf(entry: IndexedResource): SelectorAt | undefined {
	const path = ['spec', 'selector'];
	const selector = valueAt(entry.resource.value, path);
	if (!isRecord(selector)) return undefined;
	if (entry.resource.kind === 'ReplicationController') return { path, matchLabels: selector, matchLabelsPath: path, expressions: [] };
	const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
	const expressions: SelectorAt['expressions'] = [];
	if (Array.isArray(selector.matchExpressions)) {
		selector.matchExpressions.forEach((e, i) => {
			if (!isRecord(e) || typeof e.key !== 'string' || typeof e.operator !== 'string') return;
			const values = Array.isArray(e.values) ? e.values.map(String) : [];
			expressions.push({ key: e.key, operator: e.operator, values, path: [...path, 'matchExpressions', i] });
		});
	}
	return { path, matchLabels, matchLabelsPath: [...path, 'matchLabels'], expressions };
}

/** True when a kustomization in the resource's folder may add labels to selectors and templates (commonLabels). */
export function kustomizeMayAddLabels(index: WorkspaceIndex, uri: string): boolean {
	const scope = index.scopeOf(uri);
	return ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((name) => index.getFile(URI.file(`${scope}/${name}`).toString()));
}

/** True when a selector or labels hold values filled in later (`${VAR}`): not judged. */
export function hasPlaceholders(value: unknown): boolean {
	// Every placeholder has a '$', which only keys and strings can hold: most selectors have none.
	return hasDollar(value, 0) && PLACEHOLDER.test(JSON.stringify(value) ?? '');
}

/** True when a key or string inside a value holds a '$' (true past a depth no selector reaches). */
function hasDollar(value: unknown, depth: number): boolean {
	if (typeof value === 'string') return value.includes('$');
	if (typeof value !== 'object' || value === null) return false;
	if (depth > 20) return true;
	if (Array.isArray(value)) return value.some((item) => hasDollar(item, depth + 1));
	for (const key of Object.keys(value)) if (key.includes('$') || hasDollar((value as Record<string, unknown>)[key], depth + 1)) return true;
	return false;
}
