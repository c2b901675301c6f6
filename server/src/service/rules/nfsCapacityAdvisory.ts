import { KnowledgeGraph } from '../knowledge/graph';
import { isRecord } from '../manifest/parse';
import { fillEach } from './findingParts';
import { pvSourceKey } from '../storage/volumes';
import { volumeSourceEntity } from './storageObjects';
import type { Rule } from './types';

const MESSAGE = {
	en: 'The capacity {0} of this PersistentVolume is only used to match claims: the {1} does not enforce it. Pods can write until the export is full, and workloads sharing the export can fill it for each other. Set a quota on the server side (a per-directory or project quota, or a dedicated export of that size) if the limit matters.',
	zh: '这个持久卷的容量 {0} 只用于匹配申领：{1}并不强制执行。Pod 可以一直写到导出目录写满，共享同一导出的工作负载会互相挤占空间。如果容量上限重要，请在服务端设置配额（目录或项目配额，或按该大小单独导出）。',
};

/** An NFS PersistentVolume: its capacity is a label, not a limit. */
export const nfsCapacityAdvisory: Rule = {
	id: 'nfs-capacity-advisory',
	severity: 'info',
	description: { en: 'NFS does not enforce a PersistentVolume\'s capacity.', zh: 'NFS 不会强制执行持久卷的容量。' },
	kinds: ['PersistentVolume'],
	local: true,
	check({ entry, graph }) {
		const spec = entry.resource.value.spec;
		if (!isRecord(spec)) return [];
		const source = pvSourceKey(spec);
		if (!source) return [];
		const entity = volumeSourceEntity(graph, source, spec[source]);
		if (!entity || entity.facts.capacityEnforced !== false) return [];
		const storage = isRecord(spec.capacity) ? spec.capacity.storage : undefined;
		if (typeof storage !== 'string' && typeof storage !== 'number') return [];
		const message = fillEach(MESSAGE, (lang) => [String(storage), KnowledgeGraph.text(entity.title, lang)]);
		return [{ path: ['spec', 'capacity', 'storage'], message }];
	},
};
