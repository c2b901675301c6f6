import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { podSpecOf, type PodSpecAt } from './podSpec';
import type { RuleContext } from './types';
import { validationApplies } from './validationGate';

/** One container of a pod spec (regular, init or ephemeral) and where it is. */
export interface ContainerAt {
	path: NodePath;
	value: Record<string, unknown>;
	name?: string;
}

/** The containers a manifest writes: ephemeral ones are added to a running pod (`kubectl debug`), not deployed. */
export const DEPLOYED_CONTAINERS = ['containers', 'initContainers'];

/** Every container of a pod spec (of the given groups), regular ones first, in document order. */
export function containersOf(pod: PodSpecAt, groups = ['containers', 'initContainers', 'ephemeralContainers']): ContainerAt[] {
	const out: ContainerAt[] = [];
	for (const group of groups) {
		const list = pod.spec[group];
		if (!Array.isArray(list)) continue;
		list.forEach((value, i) => {
			if (isRecord(value)) out.push({ path: [...pod.path, group, i], value, name: typeof value.name === 'string' ? value.name : undefined });
		});
	}
	return out;
}

/** Where the deployed containers of a pod spec ask for `securityContext.privileged: true`. */
export function privilegedFlags(pod: PodSpecAt): NodePath[] {
	return containersOf(pod, DEPLOYED_CONTAINERS)
		.filter((c) => isRecord(c.value.securityContext) && c.value.securityContext.privileged === true)
		.map((c) => [...c.path, 'securityContext', 'privileged']);
}

/** Where to point at a whole container: its name, else its first key. */
export function containerAnchor(container: ContainerAt): { path: NodePath; key?: boolean } {
	if (container.name !== undefined) return { path: [...container.path, 'name'] };
	const first = Object.keys(container.value)[0];
	return first ? { path: [...container.path, first], key: true } : { path: container.path };
}

/** The containers the validation rules judge: none when validation does not apply or the kind holds no pod spec. */
export function validatedContainers(context: RuleContext): ContainerAt[] {
	if (!validationApplies(context)) return [];
	const pod = podSpecOf(context.entry.resource);
	return pod ? containersOf(pod) : [];
}
