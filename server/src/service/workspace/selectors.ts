import { isRecord } from '../manifest/parse';
import type { Resource } from '../manifest/types';
import type { IndexedResource } from './index';
import type { Scope } from './scope';

/** Kinds that carry a pod template, and where its labels are. */
export const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'];

/** The labels of the pods a resource makes (a Pod's own labels, or its template's), or undefined. */
export function templateLabels(resource: Resource): Record<string, string> | undefined {
	if (!WORKLOAD_KINDS.includes(resource.kind)) return undefined;
	if (resource.kind === 'Pod') return resource.labels;
	if (resource.podLabels) return { ...resource.podLabels };
	const spec = resource.value.spec;
	const template = resource.kind === 'CronJob' ? get(spec, 'jobTemplate', 'spec', 'template') : get(spec, 'template');
	const labels = get(template, 'metadata', 'labels');
	const out: Record<string, string> = {};
	if (isRecord(labels)) for (const [k, v] of Object.entries(labels)) out[k] = String(v);
	return out;
}

/** True when a Service's selector (AND of all labels) or a NetworkPolicy's podSelector matches the labels. */
export function selectsTemplate(value: Record<string, unknown>, as: 'service' | 'network-policy', labels: Record<string, string>): boolean {
	if (as === 'service') {
		const selector = get(value.spec, 'selector');
		if (!isRecord(selector) || Object.keys(selector).length === 0) return false;
		return matchLabels(selector, labels);
	}
	const selector = get(value.spec, 'podSelector');
	if (!isRecord(selector)) return false;
	return matchSelector(selector, labels);
}

/** Every key of the selector present with the same value. */
export function matchLabels(selector: Record<string, unknown>, labels: Record<string, string>): boolean {
	return Object.entries(selector).every(([k, v]) => labels[k] === String(v));
}

/** A LabelSelector (matchLabels and matchExpressions) against labels; an empty selector selects all. */
export function matchSelector(selector: Record<string, unknown>, labels: Record<string, string>): boolean {
	const matchLabelsValue = selector.matchLabels;
	if (isRecord(matchLabelsValue) && !matchLabels(matchLabelsValue, labels)) return false;
	const expressions = selector.matchExpressions;
	if (!Array.isArray(expressions)) return true;
	return expressions.every((e) => {
		if (!isRecord(e) || typeof e.key !== 'string') return true;
		const values = Array.isArray(e.values) ? e.values.map(String) : [];
		const has = Object.prototype.hasOwnProperty.call(labels, e.key);
		switch (e.operator) {
			case 'In':
				return has && values.includes(labels[e.key]);
			case 'NotIn':
				return !has || !values.includes(labels[e.key]);
			case 'Exists':
				return has;
			case 'DoesNotExist':
				return !has;
			default:
				return true;
		}
	});
}

/** The workloads of the scope whose pod template labels a Service selector matches (AND of all labels). */
export function workloadsSelected(selector: Record<string, unknown>, scope: Scope): IndexedResource[] {
	if (Object.keys(selector).length === 0) return [];
	return workloadsInScope(scope).filter((w) => matchLabels(selector, templateLabels(w.resource) ?? {}));
}

/** A label of a selector that a workload does not carry with that value. */
export interface LabelDifference {
	key: string;
	expected: string;
	/** The workload's value; undefined when it lacks the label. */
	actual?: string;
}

/** The workload of the scope that misses the selector by the fewest labels, and what differs. */
export function closestWorkload(selector: Record<string, unknown>, scope: Scope): { entry: IndexedResource; differences: LabelDifference[] } | undefined {
	let best: { entry: IndexedResource; differences: LabelDifference[] } | undefined;
	for (const entry of workloadsInScope(scope)) {
		const labels = templateLabels(entry.resource) ?? {};
		const differences = Object.entries(selector)
			.filter(([k, v]) => labels[k] !== String(v))
			.map(([key, v]) => ({ key, expected: String(v), actual: labels[key] }));
		if (differences.length === Object.keys(selector).length) continue;
		if (!best || differences.length < best.differences.length) best = { entry, differences };
	}
	return best;
}

/** The Services and NetworkPolicies of the scope that select pods with these labels. */
export function selectorsOf(labels: Record<string, string>, scope: Scope): { services: IndexedResource[]; policies: IndexedResource[] } {
	return {
		services: scope.ofKind('Service').filter((s) => selectsTemplate(s.resource.value, 'service', labels)),
		policies: scope.ofKind('NetworkPolicy').filter((p) => selectsTemplate(p.resource.value, 'network-policy', labels)),
	};
}

function workloadsInScope(scope: Scope): IndexedResource[] {
	return WORKLOAD_KINDS.flatMap((kind) => scope.ofKind(kind));
}

function get(value: unknown, ...path: string[]): unknown {
	let node = value;
	for (const part of path) node = isRecord(node) ? node[part] : undefined;
	return node;
}
