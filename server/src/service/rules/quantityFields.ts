import { isRecord } from '../manifest/parse';
import type { NodePath, Resource } from '../manifest/types';
import { podSpecOf, podVolumes, valueAt } from './podSpec';
import { claimSpecs } from './storageObjects';

/** A value the API server reads as a resource.Quantity, with the resource it measures. */
export interface QuantityField {
	path: NodePath;
	/** The resource name (`memory`, `requests.storage`) or the field name (`sizeLimit`). */
	resourceName: string;
	value: unknown;
}

/** Kinds that hold quantities. */
export const QUANTITY_KINDS = ['Pod', 'PodTemplate', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'PersistentVolumeClaim', 'PersistentVolume', 'LimitRange', 'ResourceQuota', 'RuntimeClass'];

/** Every quantity of a resource: container and pod resources, claim requests, PV capacity, quotas and limit ranges. */
export function quantityFields(resource: Resource): QuantityField[] {
	const out: QuantityField[] = [];
	const list = (path: NodePath) => {
		const map = valueAt(resource.value, path);
		if (!isRecord(map)) return;
		for (const [name, value] of Object.entries(map)) out.push({ path: [...path, name], resourceName: name, value });
	};
	const requirements = (path: NodePath) => {
		list([...path, 'requests']);
		list([...path, 'limits']);
	};
	const pod = podSpecOf(resource);
	if (pod) {
		for (const group of ['containers', 'initContainers']) {
			const containers = pod.spec[group];
			if (Array.isArray(containers)) containers.forEach((_, i) => requirements([...pod.path, group, i, 'resources']));
		}
		requirements([...pod.path, 'resources']);
		list([...pod.path, 'overhead']);
		for (const volume of podVolumes(pod)) {
			if (volume.source === 'emptyDir' && valueAt(volume.value, ['emptyDir', 'sizeLimit']) !== undefined) {
				out.push({ path: [...volume.path, 'emptyDir', 'sizeLimit'], resourceName: 'sizeLimit', value: valueAt(volume.value, ['emptyDir', 'sizeLimit']) });
			}
		}
	}
	for (const claim of claimSpecs(resource)) requirements([...claim.path, 'resources']);
	switch (resource.kind) {
		case 'PersistentVolume':
			list(['spec', 'capacity']);
			break;
		case 'ResourceQuota':
			list(['spec', 'hard']);
			break;
		case 'RuntimeClass':
			list(['overhead', 'podFixed']);
			break;
		case 'LimitRange': {
			const limits = valueAt(resource.value, ['spec', 'limits']);
			if (Array.isArray(limits)) {
				limits.forEach((_, i) => {
					for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) list(['spec', 'limits', i, field]);
				});
			}
			break;
		}
	}
	return out;
}
