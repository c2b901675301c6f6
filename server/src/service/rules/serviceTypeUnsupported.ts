import { KnowledgeGraph } from '../knowledge/graph';
import { profileLimits } from './profile';
import { readService } from './serviceSpec';
import type { Rule } from './types';

/**
 * A Service type the cluster profile does not offer (NodePort on a serverless cluster). What a
 * profile lacks is the `unsupported` fact of its platform entity in the knowledge graph.
 */
export const serviceTypeUnsupported: Rule = {
	id: 'service-type-unsupported',
	severity: 'warning',
	description: { en: 'A Service type the cluster profile does not offer.', zh: '集群配置不支持的 Service 类型。' },
	kinds: ['Service'],
	local: true,
	check({ entry, graph, settings }) {
		const service = readService(entry.resource);
		if (!service) return [];
		const limits = profileLimits(graph, settings);
		if (!limits?.unsupported.has(service.type)) return [];
		const instead = ['LoadBalancer', 'ClusterIP'].filter((t) => !limits.unsupported.has(t)).join(' / ') || 'ClusterIP';
		const title = { en: KnowledgeGraph.text(limits.entity.title, 'en'), zh: KnowledgeGraph.text(limits.entity.title, 'zh') };
		const nodes = service.type === 'NodePort';
		return [
			{
				path: ['spec', 'type'],
				message: {
					en: `The cluster profile "${settings.profile}" (${title.en}) does not offer ${service.type} Services${nodes ? ': there are no nodes of yours to open a port on' : ''}, so the Service is refused or never reachable. Use ${instead} instead, for example a ClusterIP Service behind an Ingress.`,
					zh: `集群配置 "${settings.profile}"（${title.zh}）不支持 ${service.type} 类型的 Service${nodes ? '：没有可供开放端口的用户节点' : ''}，该 Service 会被拒绝或无法访问。请改用 ${instead}，例如在 ClusterIP Service 前面使用 Ingress。`,
				},
			},
		];
	},
};
