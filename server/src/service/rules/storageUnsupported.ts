import { KnowledgeGraph } from '../knowledge/graph';
import { factValueText, isLocalizedValue } from '../l10n/factValues';
import { claimSpecs } from './storageObjects';
import { fillEach } from './findingParts';
import { profileLimits } from './profile';
import type { Finding, Rule } from './types';

const MESSAGE = {
	en: 'The cluster profile is "{0}" ({1}), which has no persistent volumes: {2} cannot be created or bound there, and the data has nowhere to live in the cluster. Keep state outside the cluster (a managed database, object storage) or run this workload on a cluster type with persistent volumes.{3}',
	zh: '集群配置为 "{0}"（{1}），该类型不支持持久卷：{2}无法在那里创建或绑定，数据在集群中无处存放。请把状态放到集群外（托管数据库、对象存储），或把该工作负载放到支持持久卷的集群类型上。{3}',
};
const WHAT = {
	PersistentVolume: { en: 'this PersistentVolume', zh: '这个 PersistentVolume ' },
	PersistentVolumeClaim: { en: 'this PersistentVolumeClaim', zh: '这个 PersistentVolumeClaim ' },
	volumeClaimTemplates: { en: 'the claims of these volumeClaimTemplates', zh: '这些 volumeClaimTemplates 生成的申领' },
	ephemeral: { en: 'the claim of this ephemeral volume', zh: '这个临时卷的申领' },
};
const TODAY = {
	en: ' The knowledge base notes for today: "{0}". If your cluster offers persistent volumes, set `profile: standard` or turn this rule off.',
	zh: '知识库记录的现状："{0}"。如果你的集群支持持久卷，请设置 `profile: standard` 或关闭此规则。',
};

/** PersistentVolumes and claims under a cluster profile that has no persistent volumes (serverless). */
export const storageUnsupported: Rule = {
	id: 'storage-unsupported',
	severity: 'error',
	description: { en: 'Persistent volumes under a cluster profile that has none.', zh: '集群配置不支持持久卷时使用了 PV/PVC。' },
	kinds: ['PersistentVolume', 'PersistentVolumeClaim', 'StatefulSet', 'Pod', 'PodTemplate', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'],
	local: true,
	check({ entry, graph, settings }) {
		const limits = profileLimits(graph, settings);
		if (!limits?.unsupported.has('PersistentVolume')) return [];
		const today = limits.entity.facts.persistentVolumes;
		// The note is written in both languages in the entry ({ en, zh }), or once when it needs no translation.
		const note = typeof today === 'string' || isLocalizedValue(today) ? fillEach(TODAY, (lang) => [factValueText(today, lang)]) : { en: '', zh: '' };
		const title = (lang: 'en' | 'zh') => KnowledgeGraph.text(limits.entity.title, lang);
		const message = (what: keyof typeof WHAT) => fillEach(MESSAGE, (lang) => [settings.profile, title(lang), WHAT[what][lang], note[lang]]);
		const kind = entry.resource.kind;
		if (kind === 'PersistentVolume' || kind === 'PersistentVolumeClaim') return [{ path: ['kind'], message: message(kind) }];
		const findings: Finding[] = [];
		for (const claim of claimSpecs(entry.resource)) {
			// The key that makes claims: a StatefulSet's `volumeClaimTemplates` or a pod volume's `ephemeral`.
			const at = claim.path.slice(0, -2);
			const what = at[at.length - 1] === 'volumeClaimTemplates' ? 'volumeClaimTemplates' : 'ephemeral';
			findings.push({ path: at, key: true, message: message(what) });
		}
		return dedupe(findings);
	},
};

function dedupe(findings: Finding[]): Finding[] {
	const seen = new Set<string>();
	return findings.filter((f) => {
		const key = f.path.join('/');
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
