import { isRecord } from '../manifest/parse';
import { both } from '../l10n/text';
import type { Rule } from './types';

const MESSAGE = {
	en: 'This PersistentVolume uses hostPath ({0}): the data is a directory on whichever node runs the pod, and nothing ties the volume to that node. A pod rescheduled elsewhere finds another node\'s (empty) directory, and the data goes with the node. Fine on a single-node test cluster; otherwise use a local PersistentVolume with nodeAffinity, or network or cloud storage through a CSI driver.',
	zh: '这个持久卷使用 hostPath（{0}）：数据只是运行 Pod 的那个节点上的一个目录，而卷与该节点之间没有任何绑定。Pod 被调度到别的节点后会看到另一个节点上的（空）目录，数据也随节点一起丢失。单节点测试集群可以这样用；否则请改用带 nodeAffinity 的 local 持久卷，或通过 CSI 驱动使用网络存储、云存储。',
};

/** A PersistentVolume backed by hostPath: it only works on a single node. */
export const hostPathPv: Rule = {
	id: 'host-path-pv',
	severity: 'warning',
	description: { en: 'A hostPath PersistentVolume works on a single node only.', zh: 'hostPath 持久卷只能在单个节点上工作。' },
	kinds: ['PersistentVolume'],
	local: true,
	check({ entry, graph }) {
		const spec = entry.resource.value.spec;
		if (!isRecord(spec) || !isRecord(spec.hostPath)) return [];
		if (graph.forVolumeSource('hostPath')?.facts.singleNodeOnly !== true) return [];
		const path = typeof spec.hostPath.path === 'string' ? spec.hostPath.path : 'hostPath';
		return [{ path: ['spec', 'hostPath'], key: true, message: both(MESSAGE, path) }];
	},
};
