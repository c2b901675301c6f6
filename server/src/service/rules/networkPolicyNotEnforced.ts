import { KnowledgeGraph } from '../knowledge/graph';
import { clusterProfile, isCniPlugin } from '../workspace/profile';
import { fillEach } from './findingParts';
import { evidenceRelated, originText } from './profileFindings';
import { READS, type Rule } from './types';

const MESSAGE = {
	en: "The cluster's CNI plugin is {0} ({1}), and {0} does not enforce NetworkPolicy: the API server accepts this policy, but no traffic is ever blocked, so the isolation it describes does not exist. Use a plugin that enforces policies ({2}), add one for policy alone next to it (Calico with Flannel is known as Canal), or set `cni` in .kubelore.yaml if the cluster runs another plugin.",
	zh: '集群的 CNI 插件是 {0}（{1}），而 {0} 不执行 NetworkPolicy：API Server 会接受这条策略，但任何流量都不会被拦截，策略描述的隔离并不存在。请改用能执行策略的插件（{2}），或在其旁边加一个只负责策略的插件（Flannel 加 Calico 即 Canal）；如果集群实际使用其他插件，请在 .kubelore.yaml 中设置 `cni`。',
};

/**
 * A NetworkPolicy while the cluster's CNI plugin (configured, or inferred from its installation in
 * the workspace) does not enforce policies, per the plugin's `networkPolicy` fact. Silent when the
 * plugin is unknown or the workspace shows more than one.
 */
export const networkPolicyNotEnforced: Rule = {
	id: 'network-policy-not-enforced',
	severity: 'warning',
	description: { en: 'A NetworkPolicy under a CNI plugin that does not enforce policies.', zh: 'CNI 插件不执行 NetworkPolicy 时定义了网络策略。' },
	kinds: ['NetworkPolicy'],
	reads: [...READS.profilePlaces],
	check({ entry, index, graph, settings }) {
		if (entry.resource.apiVersion !== 'networking.k8s.io/v1' && entry.resource.apiVersion !== 'extensions/v1beta1') return [];
		const cni = clusterProfile(index, graph, settings).cni;
		const plugin = cni && graph.get(cni.value);
		if (!cni || !plugin || plugin.facts.networkPolicy !== false) return [];
		const enforcing = graph.entities.filter((e) => isCniPlugin(e) && e.facts.networkPolicy === true && e.facts.maintained !== false);
		const origin = originText(cni, index);
		const message = fillEach(MESSAGE, (lang) => [KnowledgeGraph.text(plugin.title, lang), origin[lang], enforcing.map((e) => KnowledgeGraph.text(e.title, lang)).join(lang === 'zh' ? '、' : ', ')]);
		return [{ path: ['kind'], message, related: evidenceRelated(cni, plugin) }];
	},
};
