import { both } from '../l10n/text';
import { accessModesOf } from '../storage/volumes';
import { claimVolumes, podSpecOf, replicasOf } from './podSpec';
import { relatedAt } from './findingParts';
import type { Finding, Rule } from './types';
import { isRecord } from '../manifest/parse';

const SINGLE_NODE = ['ReadWriteOnce', 'ReadWriteOncePod'];

const RWO = {
	en: 'This {0} runs {1} replicas that all mount the claim "{2}", which is ReadWriteOnce: it attaches to one node at a time. Replicas scheduled to another node fail to start (Multi-Attach error), and a rolling update can hang on the same lock. Use replicas: 1 with strategy Recreate, a StatefulSet with volumeClaimTemplates (one claim per replica), or storage that supports ReadWriteMany.',
	zh: '这个 {0} 有 {1} 个副本都挂载申领 "{2}"，而它是 ReadWriteOnce：同一时间只能挂载到一个节点。被调度到其他节点的副本会启动失败（Multi-Attach 错误），滚动更新也可能卡在这把锁上。请使用 replicas: 1 加 Recreate 策略，或改用带 volumeClaimTemplates 的 StatefulSet（每个副本一个申领），或使用支持 ReadWriteMany 的存储。',
};
const RWOP = {
	en: 'This {0} runs {1} replicas that all mount the claim "{2}", which is ReadWriteOncePod: only one pod in the whole cluster may use it, so every other replica stays Pending. Use replicas: 1 with strategy Recreate, a StatefulSet with volumeClaimTemplates (one claim per replica), or storage that supports ReadWriteMany.',
	zh: '这个 {0} 有 {1} 个副本都挂载申领 "{2}"，而它是 ReadWriteOncePod：整个集群中只允许一个 Pod 使用，其余副本会一直 Pending。请使用 replicas: 1 加 Recreate 策略，或改用带 volumeClaimTemplates 的 StatefulSet（每个副本一个申领），或使用支持 ReadWriteMany 的存储。',
};
const RELATED = { en: 'access modes of claim "{0}"', zh: '申领 "{0}" 的访问模式' };

/** A workload with several replicas sharing one ReadWriteOnce claim. */
export const pvcRwoSharedByReplicas: Rule = {
	id: 'pvc-rwo-shared-by-replicas',
	severity: 'warning',
	description: { en: 'Several replicas share a ReadWriteOnce claim.', zh: '多个副本共享 ReadWriteOnce 申领。' },
	kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'],
	reads: ['PersistentVolumeClaim'],
	check({ entry, scope }) {
		const replicas = replicasOf(entry.resource);
		const pod = podSpecOf(entry.resource);
		if (!pod || replicas === undefined || replicas < 2) return [];
		const findings: Finding[] = [];
		for (const { volume, claim: name } of claimVolumes(entry.resource, pod)) {
			const claim = scope.named('PersistentVolumeClaim', name)[0];
			const spec = claim?.resource.value.spec;
			if (!claim || !isRecord(spec)) continue;
			const modes = accessModesOf(spec);
			if (modes.length === 0 || !modes.every((m) => SINGLE_NODE.includes(m))) continue;
			const template = modes.includes('ReadWriteOnce') ? RWO : RWOP;
			findings.push({
				path: [...volume.path, 'persistentVolumeClaim', 'claimName'],
				message: both(template, entry.resource.kind, replicas, name),
				related: [relatedAt(claim, ['spec', 'accessModes'], both(RELATED, name))],
			});
		}
		return findings;
	},
};
