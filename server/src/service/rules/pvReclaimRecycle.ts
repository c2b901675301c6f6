import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import { fillEach, joinText, listText, replaceScalar } from './findingParts';
import { pvSourceKey } from '../storage/volumes';
import type { Finding, Rule } from './types';

const PV = {
	en: 'The Recycle reclaim policy is deprecated: when the claim is released, Kubernetes runs `rm -rf` on the volume and offers it again, with no way to keep or check the data. Use Retain (an administrator cleans up and re-creates the PV) or dynamic provisioning with Delete.',
	zh: 'Recycle 回收策略已被弃用：申领释放后，Kubernetes 会对卷执行 `rm -rf` 再重新提供出去，数据无法保留也无法检查。请改用 Retain（由管理员清理并重新创建 PV），或使用动态制备并设置 Delete。',
};
const NOT_RECYCLABLE = {
	en: 'Besides, only {0} volumes can be recycled at all: this {1} volume goes to the Failed phase when its claim is released.',
	zh: '而且只有 {0} 卷支持回收：这个 {1} 卷在申领释放后会进入 Failed 状态。',
};
const CLASS = {
	en: 'A StorageClass reclaimPolicy can only be Delete or Retain: the API server rejects Recycle. Use Delete (volumes are removed with their claims) or Retain (they are kept for an administrator).',
	zh: 'StorageClass 的 reclaimPolicy 只能是 Delete 或 Retain：API Server 会拒绝 Recycle。请改用 Delete（卷随申领删除）或 Retain（保留卷，由管理员处理）。',
};
const USE = { en: 'Use {0}', zh: '改为 {0}' };

/** `Recycle` as reclaim policy: deprecated on PVs, rejected on StorageClasses. */
export const pvReclaimRecycle: Rule = {
	id: 'pv-reclaim-recycle',
	severity: 'warning',
	description: { en: 'The Recycle reclaim policy is deprecated.', zh: 'Recycle 回收策略已弃用。' },
	kinds: ['PersistentVolume', 'StorageClass'],
	local: true,
	check({ entry, graph }) {
		const value = entry.resource.value;
		if (entry.resource.kind === 'StorageClass') {
			if (value.reclaimPolicy !== 'Recycle') return [];
			return [{ path: ['reclaimPolicy'], severity: 'error', message: CLASS, fixes: fixes(entry.document, ['reclaimPolicy'], ['Delete', 'Retain']) }];
		}
		const spec = value.spec;
		if (!isRecord(spec) || spec.persistentVolumeReclaimPolicy !== 'Recycle') return [];
		const path = ['spec', 'persistentVolumeReclaimPolicy'];
		const source = pvSourceKey(spec);
		const supported = graph.fact<unknown>('reclaim-policy', 'recycleSupportedBy');
		const recyclable = Array.isArray(supported) ? supported.map(String) : undefined;
		const message = source && recyclable && !recyclable.includes(source) ? joinText(PV, fillEach(NOT_RECYCLABLE, (lang) => [listText(recyclable)[lang], source])) : PV;
		return [{ path, message, fixes: fixes(entry.document, path, ['Retain']) }];
	},
};

function fixes(document: Parameters<typeof replaceScalar>[0], path: string[], values: string[]): Finding['fixes'] {
	return values.flatMap((v, i) => {
		const edit = replaceScalar(document, path, v);
		return edit ? [{ title: both(USE, v), edits: [edit], preferred: i === 0 && values.length === 1 }] : [];
	});
}
