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

/** Every container of a pod spec, regular ones first, in document order. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
	const out: ContainerAt[] = [];
	for (const group of ['containers', 'initContainers', 'ephemeralContainers']) {
		const list = pod.spec[group];
		if (!Array.isArray(list)) continue;
		list.forEach((value, i) => {
			if (isRecord(value)) out.push({ path: [...pod.path, group, i], value, name: typeof value.name === 'string' ? value.name : undefined });
		});
	}
	return out;
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
