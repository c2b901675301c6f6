import { isRecord } from '../manifest/parse';
import { both } from '../l10n/text';
import type { Rule } from './types';
import { insertBeforeKey } from './findingParts';

const MISSING = {
	en: 'This local PersistentVolume has no nodeAffinity. A local volume is a disk on one node, and the API server rejects a local PV that does not say which node: without it the scheduler could not keep its pods on that node. Add spec.nodeAffinity.required with the node that holds {0}.',
	zh: '这个 local 持久卷没有 nodeAffinity。local 卷是某个节点上的磁盘，API Server 会拒绝不注明节点的 local PV：否则调度器无法把使用它的 Pod 留在那个节点上。请添加 spec.nodeAffinity.required，写明 {0} 所在的节点。',
};
const NO_REQUIRED = {
	en: 'The nodeAffinity of this local PersistentVolume has no `required` node selector, which the API server requires: the volume must say which node holds {0}. Add required.nodeSelectorTerms with that node.',
	zh: '这个 local 持久卷的 nodeAffinity 没有 `required` 节点选择算符，而 API Server 要求必须有：卷必须注明 {0} 所在的节点。请添加 required.nodeSelectorTerms 并写明该节点。',
};
const FIX = { en: 'Add a nodeAffinity skeleton (fill in the node name)', zh: '添加 nodeAffinity 骨架（请填写节点名）' };

/** A `local` PersistentVolume without node affinity: the API server rejects it. */
export const localPvNodeAffinity: Rule = {
	id: 'local-pv-node-affinity',
	severity: 'error',
	description: { en: 'A local PersistentVolume must name its node with nodeAffinity.', zh: 'local 持久卷必须用 nodeAffinity 指明节点。' },
	kinds: ['PersistentVolume'],
	local: true,
	check({ entry, file }) {
		const spec = entry.resource.value.spec;
		if (!isRecord(spec) || !isRecord(spec.local)) return [];
		const localPath = typeof spec.local.path === 'string' ? spec.local.path : 'spec.local.path';
		const affinity = spec.nodeAffinity;
		if (isRecord(affinity)) {
			return isRecord(affinity.required) ? [] : [{ path: ['spec', 'nodeAffinity'], key: true, message: both(NO_REQUIRED, localPath) }];
		}
		if (affinity !== undefined && affinity !== null) return [];
		const edit = insertBeforeKey(entry.document, file, ['spec', 'local'], [
			'nodeAffinity:',
			'  required:',
			'    nodeSelectorTerms:',
			'      - matchExpressions:',
			'          - key: kubernetes.io/hostname',
			'            operator: In',
			'            values:',
			`              - NODE-NAME # the node that holds ${localPath}`,
		]);
		return [
			{
				path: ['spec', 'local'],
				key: true,
				message: both(MISSING, localPath),
				fixes: edit ? [{ title: FIX, edits: [edit] }] : [],
			},
		];
	},
};
