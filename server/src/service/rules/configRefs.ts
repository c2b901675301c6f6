import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { PodSpecAt } from './podSpec';

/** A reference of a pod to a ConfigMap or Secret by name, and where the name is written. */
export interface ConfigRef {
	kind: 'ConfigMap' | 'Secret';
	name: string;
	path: NodePath;
}

const CONTAINER_GROUPS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * The ConfigMaps and Secrets a pod needs to start: volumes (also projected), envFrom and
 * env valueFrom. References marked `optional: true` are left out: the pod starts without them.
 */
export function configRefsOf(pod: PodSpecAt): ConfigRef[] {
	const out: ConfigRef[] = [];
	const add = (kind: ConfigRef['kind'], ref: unknown, key: string, path: NodePath) => {
		if (!isRecord(ref) || ref.optional === true || typeof ref[key] !== 'string' || !ref[key]) return;
		out.push({ kind, name: ref[key] as string, path: [...path, key] });
	};
	const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
	volumes.forEach((volume, v) => {
		if (!isRecord(volume)) return;
		const at = [...pod.path, 'volumes', v];
		add('ConfigMap', volume.configMap, 'name', [...at, 'configMap']);
		add('Secret', volume.secret, 'secretName', [...at, 'secret']);
		const sources = isRecord(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources : [];
		sources.forEach((source, s) => {
			if (!isRecord(source)) return;
			add('ConfigMap', source.configMap, 'name', [...at, 'projected', 'sources', s, 'configMap']);
			add('Secret', source.secret, 'name', [...at, 'projected', 'sources', s, 'secret']);
		});
	});
	for (const group of CONTAINER_GROUPS) {
		const containers = pod.spec[group];
		if (!Array.isArray(containers)) continue;
		containers.forEach((container, c) => {
			if (!isRecord(container)) return;
			const at = [...pod.path, group, c];
			(Array.isArray(container.envFrom) ? container.envFrom : []).forEach((from, f) => {
				if (!isRecord(from)) return;
				add('ConfigMap', from.configMapRef, 'name', [...at, 'envFrom', f, 'configMapRef']);
				add('Secret', from.secretRef, 'name', [...at, 'envFrom', f, 'secretRef']);
			});
			(Array.isArray(container.env) ? container.env : []).forEach((env, e) => {
				const from = isRecord(env) && isRecord(env.valueFrom) ? env.valueFrom : undefined;
				if (!from) return;
				add('ConfigMap', from.configMapKeyRef, 'name', [...at, 'env', e, 'valueFrom', 'configMapKeyRef']);
				add('Secret', from.secretKeyRef, 'name', [...at, 'env', e, 'valueFrom', 'secretKeyRef']);
			});
		});
	}
	return out;
}
