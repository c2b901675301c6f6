import { isRecord } from '../manifest/parse';
import type { NodePath, Resource } from '../manifest/types';

/** A pod spec inside a resource: where it is and its value. */
export interface PodSpecAt {
	path: NodePath;
	spec: Record<string, unknown>;
}

/** A volume of a pod spec, with the key of its source (`hostPath`, `persistentVolumeClaim`, ...). */
export interface PodVolume {
	name: string;
	path: NodePath;
	source?: string;
	value: Record<string, unknown>;
}

const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

/** Kinds whose pods a rule can see: a pod spec of their own or in a template. */
export const POD_SPEC_KINDS = ['Pod', 'PodTemplate', 'CronJob', ...TEMPLATE_KINDS];

/** Where a resource keeps its pod spec: Pod `spec`, a workload's `spec.template.spec`, a CronJob's job template. */
export function podSpecOf(resource: Resource): PodSpecAt | undefined {
	let path: NodePath;
	if (resource.kind === 'Pod') path = ['spec'];
	else if (resource.kind === 'PodTemplate') path = ['template', 'spec'];
	else if (resource.kind === 'CronJob') path = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
	else if (TEMPLATE_KINDS.has(resource.kind)) path = ['spec', 'template', 'spec'];
	else return undefined;
	const spec = valueAt(resource.value, path);
	return isRecord(spec) ? { path, spec } : undefined;
}

/** The value at a path of a plain object, or undefined. */
export function valueAt(value: unknown, path: NodePath): unknown {
	let node = value;
	for (const part of path) {
		if (Array.isArray(node) && typeof part === 'number') node = node[part];
		else if (isRecord(node) && typeof part === 'string') node = node[part];
		else return undefined;
	}
	return node;
}

/** The volumes of a pod spec that have a name. */
export function podVolumes(pod: PodSpecAt): PodVolume[] {
	const list = pod.spec.volumes;
	if (!Array.isArray(list)) return [];
	const out: PodVolume[] = [];
	list.forEach((item, i) => {
		if (!isRecord(item) || typeof item.name !== 'string') return;
		const source = Object.keys(item).find((k) => k !== 'name');
		out.push({ name: item.name, path: [...pod.path, 'volumes', i], source, value: item });
	});
	return out;
}

/** The claim name of a `persistentVolumeClaim` volume, if that is what the volume is. */
export function claimNameOf(volume: PodVolume): string | undefined {
	const source = volume.value.persistentVolumeClaim;
	return isRecord(source) && typeof source.claimName === 'string' && source.claimName ? source.claimName : undefined;
}

/** The number of pods a workload asks for (`replicas`, default 1), or undefined for kinds without replicas. */
export function replicasOf(resource: Resource): number | undefined {
	if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(resource.kind)) return undefined;
	const replicas = valueAt(resource.value, ['spec', 'replicas']);
	if (replicas === undefined || replicas === null) return 1;
	return typeof replicas === 'number' ? replicas : undefined;
}

/** Names of a StatefulSet's volumeClaimTemplates: each replaces the pod volume of the same name. */
function claimTemplateNames(resource: Resource): Set<string> {
	const names = new Set<string>();
	if (resource.kind !== 'StatefulSet') return names;
	const templates = valueAt(resource.value, ['spec', 'volumeClaimTemplates']);
	if (Array.isArray(templates)) for (const t of templates) if (typeof valueAt(t, ['metadata', 'name']) === 'string') names.add(valueAt(t, ['metadata', 'name']) as string);
	return names;
}

/** The pod volumes that name an existing claim: `persistentVolumeClaim` volumes not replaced by a StatefulSet template. */
export function claimVolumes(resource: Resource, pod: PodSpecAt): { volume: PodVolume; claim: string }[] {
	const templates = claimTemplateNames(resource);
	const out: { volume: PodVolume; claim: string }[] = [];
	for (const volume of podVolumes(pod)) {
		const claim = claimNameOf(volume);
		if (claim && !templates.has(volume.name)) out.push({ volume, claim });
	}
	return out;
}
