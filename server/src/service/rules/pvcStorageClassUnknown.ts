import { both } from '../l10n/text';
import { joinText, relatedAt, replaceScalar } from './findingParts';
import { nearestName } from './nearestName';
import { claimClassOf, pvFacts } from '../storage/volumes';
import { claimSpecs, findStorageClass, persistentVolumesInScope } from './storageObjects';
import type { Finding, RelatedLocation, Rule } from './types';

const UNKNOWN = {
	en: 'storageClassName "{0}" names no StorageClass in this workspace or in the profile\'s storageClasses, and no PersistentVolume here carries that class. The claim stays Pending: no provisioner takes it and no volume matches it.',
	zh: 'storageClassName "{0}" 既不是本工作区中的 StorageClass，也不在配置的 storageClasses 中，而且这里也没有带这个类名的 PersistentVolume。申领会一直 Pending：没有制备器处理它，也没有卷与它匹配。',
};
const TYPO = { en: 'Did you mean "{0}"?', zh: '是否想写 "{0}"？' };
const KNOWN = {
	en: 'Use one of the known classes ({0}), or add "{1}" to storageClasses in .kubelore.yaml if the cluster has it.',
	zh: '请使用已知的类（{0}），如果集群中确有 "{1}"，请把它加入 .kubelore.yaml 的 storageClasses。',
};
const CREATE = {
	en: 'Create the StorageClass, or add "{0}" to storageClasses in .kubelore.yaml if the cluster has it.',
	zh: '请创建该 StorageClass；如果集群中确有 "{0}"，请把它加入 .kubelore.yaml 的 storageClasses。',
};
const RELATED = { en: 'StorageClass "{0}"', zh: 'StorageClass "{0}"' };
const FIX = { en: 'Use the class "{0}"', zh: '改用存储类 "{0}"' };

/**
 * A claim naming a StorageClass that nothing defines. Without a `storageClasses` list in the profile,
 * the cluster's own classes are unknown, so the rule speaks only when the name looks like a typo of a known one.
 */
export const pvcStorageClassUnknown: Rule = {
	id: 'pvc-storage-class-unknown',
	severity: 'warning',
	description: { en: 'A claim names a StorageClass that does not exist.', zh: '申领引用了不存在的 StorageClass。' },
	kinds: ['PersistentVolumeClaim', 'StatefulSet', 'Pod', 'PodTemplate', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'],
	reads: ['PersistentVolume', 'StorageClass'],
	check(ctx) {
		const { entry, scope, settings, index } = ctx;
		if (scope.hasPartial) return [];
		const findings: Finding[] = [];
		let known: Set<string> | undefined;
		for (const claim of claimSpecs(entry.resource)) {
			const name = claimClassOf(claim);
			if (!name || typeof claim.spec.storageClassName !== 'string' || claim.spec.storageClassName !== name) continue;
			if (settings.storageClasses.includes(name) || findStorageClass(ctx, name)) continue;
			const pvs = persistentVolumesInScope(ctx);
			if (pvs.some((pv) => pvFacts(pv.resource).storageClass === name)) continue;
			known ??= new Set([...settings.storageClasses, ...index.ofKind('StorageClass').map((c) => c.resource.name ?? ''), ...pvs.map((pv) => pvFacts(pv.resource).storageClass)].filter(Boolean));
			const near = nearestName(name, known);
			if (!near && settings.storageClasses.length === 0) continue;
			const path = [...claim.path, 'storageClassName'];
			const related: RelatedLocation[] = [];
			const fixes = [];
			let message = both(UNKNOWN, name);
			if (near) {
				message = joinText(message, both(TYPO, near));
				const target = findStorageClass(ctx, near);
				if (target) related.push(relatedAt(target, ['metadata', 'name'], both(RELATED, near)));
				const edit = replaceScalar(entry.document, path, near);
				if (edit) fixes.push({ title: both(FIX, near), edits: [edit], preferred: true });
			} else {
				message = joinText(message, known.size > 0 ? both(KNOWN, [...known].join(', '), name) : both(CREATE, name));
			}
			findings.push({ path, message, related, fixes });
		}
		return findings;
	},
};
