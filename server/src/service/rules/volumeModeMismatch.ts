import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import type { IndexedResource } from '../workspace/index';
import { claimNameOf, podSpecOf, podVolumes, POD_SPEC_KINDS, valueAt, type PodVolume } from './podSpec';
import { relatedAt } from './findingParts';
import { volumeModeOf } from '../storage/volumes';
import type { Finding, Rule } from './types';

const BLOCK_MOUNTED = {
	en: 'The container "{0}" mounts "{1}" under volumeMounts, but {2} has volumeMode: Block. A raw block device has no filesystem to mount, so the pod fails to start. List it under volumeDevices with a devicePath, or use a claim with volumeMode: Filesystem.',
	zh: '容器 "{0}" 在 volumeMounts 中挂载了 "{1}"，但{2}的 volumeMode 是 Block。原始块设备没有可挂载的文件系统，Pod 会启动失败。请把它放到 volumeDevices 中并写 devicePath，或改用 volumeMode: Filesystem 的申领。',
};
const FILESYSTEM_DEVICE = {
	en: 'The container "{0}" lists "{1}" under volumeDevices, but {2} has volumeMode Filesystem (the default). Only Block claims can be handed to a container as a device, so the pod fails to start. Mount it under volumeMounts with a mountPath, or use a claim with volumeMode: Block (the mode of an existing claim cannot change).',
	zh: '容器 "{0}" 在 volumeDevices 中列出了 "{1}"，但{2}的 volumeMode 是 Filesystem（默认值）。只有 Block 申领才能作为设备交给容器，Pod 会启动失败。请在 volumeMounts 中用 mountPath 挂载，或改用 volumeMode: Block 的申领（已有申领的模式不能修改）。',
};
const NOT_A_CLAIM = {
	en: 'The container "{0}" lists "{1}" under volumeDevices, but its source is {2}: only a PersistentVolumeClaim or an ephemeral volume with volumeMode: Block can be a device, and the API server rejects the pod. Mount it under volumeMounts instead.',
	zh: '容器 "{0}" 在 volumeDevices 中列出了 "{1}"，但它的来源是 {2}：只有 volumeMode 为 Block 的 PersistentVolumeClaim 或临时卷才能作为设备，API Server 会拒绝这个 Pod。请改为在 volumeMounts 中挂载。',
};
const CLAIM = { en: 'the claim "{0}"', zh: '申领 "{0}"' };
const TEMPLATE = { en: 'the claim template "{0}"', zh: '申领模板 "{0}"' };
const RELATED = { en: 'volumeMode of {0}', zh: '{0} 的 volumeMode' };

/** What a volume name stands for: a claim (its mode and where it is said) or another kind of volume. */
interface VolumeTarget {
	mode?: string;
	label: { en: string; zh: string };
	related?: { entry: IndexedResource; path: (string | number)[] };
	source?: string;
}

/** A Block claim used in volumeMounts, or a Filesystem claim in volumeDevices. */
export const volumeModeMismatch: Rule = {
	id: 'volume-mode-mismatch',
	severity: 'error',
	description: { en: 'A claim used with the wrong volume mode.', zh: '申领的使用方式与卷模式不符。' },
	kinds: POD_SPEC_KINDS,
	reads: ['PersistentVolumeClaim'],
	check({ entry, scope }) {
		const pod = podSpecOf(entry.resource);
		if (!pod) return [];
		const volumes = new Map(podVolumes(pod).map((v) => [v.name, v]));
		const templates = claimTemplates(entry);
		const findings: Finding[] = [];
		for (const group of ['containers', 'initContainers', 'ephemeralContainers']) {
			const containers = pod.spec[group];
			if (!Array.isArray(containers)) continue;
			containers.forEach((container, c) => {
				if (!isRecord(container)) return;
				const containerName = typeof container.name === 'string' ? container.name : String(c + 1);
				for (const [key, wanted] of [['volumeMounts', 'Filesystem'], ['volumeDevices', 'Block']] as const) {
					const items = container[key];
					if (!Array.isArray(items)) continue;
					items.forEach((item, i) => {
						if (!isRecord(item) || typeof item.name !== 'string') return;
						const volume = volumes.get(item.name);
						const target = templates.get(item.name) ?? (volume ? targetOf(volume, entry, scope.named.bind(scope)) : undefined);
						if (!target) return;
						const path = [...pod.path, group, c, key, i, 'name'];
						if (target.mode === undefined) {
							if (wanted === 'Block' && target.source) findings.push({ path, message: both(NOT_A_CLAIM, containerName, item.name, target.source) });
							return;
						}
						if (target.mode === wanted) return;
						const template = wanted === 'Filesystem' ? BLOCK_MOUNTED : FILESYSTEM_DEVICE;
						const message = { en: both(template, containerName, item.name, target.label.en).en, zh: both(template, containerName, item.name, target.label.zh).zh };
						const related = target.related ? [relatedAt(target.related.entry, target.related.path, { en: both(RELATED, target.label.en).en, zh: both(RELATED, target.label.zh).zh })] : [];
						findings.push({ path, message, related });
					});
				}
			});
		}
		return findings;
	},
};

/** A pod volume's claim mode: a claim found in scope, an ephemeral template, or no mode for other sources. */
function targetOf(volume: PodVolume, entry: IndexedResource, named: (kind: string, name: string) => IndexedResource[]): VolumeTarget | undefined {
	const claimName = claimNameOf(volume);
	if (claimName) {
		const claim = named('PersistentVolumeClaim', claimName)[0];
		const spec = claim?.resource.value.spec;
		if (!claim || !isRecord(spec)) return undefined;
		return { mode: volumeModeOf(spec), label: both(CLAIM, claimName), related: { entry: claim, path: isRecord(spec) && spec.volumeMode ? ['spec', 'volumeMode'] : ['metadata', 'name'] } };
	}
	if (volume.source === 'persistentVolumeClaim') return undefined;
	if (volume.source === 'ephemeral') {
		const spec = valueAt(volume.value, ['ephemeral', 'volumeClaimTemplate', 'spec']);
		if (!isRecord(spec)) return undefined;
		return { mode: volumeModeOf(spec), label: both(TEMPLATE, volume.name), related: { entry, path: [...volume.path, 'ephemeral'] } };
	}
	return volume.source ? { label: { en: volume.source, zh: volume.source }, source: volume.source } : undefined;
}

/** A StatefulSet's volumeClaimTemplates by name: its containers mount them without a pod volume. */
function claimTemplates(entry: IndexedResource): Map<string, VolumeTarget> {
	const out = new Map<string, VolumeTarget>();
	if (entry.resource.kind !== 'StatefulSet') return out;
	const templates = valueAt(entry.resource.value, ['spec', 'volumeClaimTemplates']);
	if (!Array.isArray(templates)) return out;
	templates.forEach((t, i) => {
		const name = valueAt(t, ['metadata', 'name']);
		const spec = valueAt(t, ['spec']);
		if (typeof name !== 'string' || !isRecord(spec)) return;
		const path = spec.volumeMode ? ['spec', 'volumeClaimTemplates', i, 'spec', 'volumeMode'] : ['spec', 'volumeClaimTemplates', i, 'metadata', 'name'];
		out.set(name, { mode: volumeModeOf(spec), label: both(TEMPLATE, name), related: { entry, path } });
	});
	return out;
}
