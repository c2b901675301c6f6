import { removeKeyEdits } from './serviceEdits';
import { readService } from './serviceSpec';
import type { Rule } from './types';

/** `clusterIP: None` on a NodePort or LoadBalancer Service: the API server rejects the combination. */
export const serviceHeadlessTypeConflict: Rule = {
	id: 'service-headless-type-conflict',
	severity: 'error',
	description: { en: 'A headless Service (clusterIP: None) of type NodePort or LoadBalancer.', zh: '无头 Service（clusterIP: None）的类型却是 NodePort 或 LoadBalancer。' },
	kinds: ['Service'],
	local: true,
	check({ entry, file }) {
		const service = readService(entry.resource);
		if (!service?.headless || (service.type !== 'NodePort' && service.type !== 'LoadBalancer')) return [];
		const viaList = service.spec.clusterIP !== 'None';
		const path = viaList ? ['spec', 'clusterIPs', 0] : ['spec', 'clusterIP'];
		const edits = viaList ? undefined : removeKeyEdits(file.manifest.text, entry.document, path);
		return [
			{
				path,
				message: {
					en: `This ${service.type} Service is headless (clusterIP: None). A ${service.type} Service forwards node${service.type === 'LoadBalancer' ? ' and load balancer' : ''} traffic through a cluster IP, and a headless Service has none, so the API server rejects the combination. Remove \`clusterIP: None\` to keep the external access, or set \`type: ClusterIP\` if you only need per-pod DNS records.`,
					zh: `该 ${service.type} 类型的 Service 是无头的（clusterIP: None）。${service.type} Service 要通过 cluster IP 转发来自节点${service.type === 'LoadBalancer' ? '和负载均衡器' : ''}的流量，而无头 Service 没有 cluster IP，API Server 会拒绝这种组合。若要保留外部访问，请删除 \`clusterIP: None\`；若只需要每个 Pod 的 DNS 记录，请设置 \`type: ClusterIP\`。`,
				},
				fixes: edits ? [{ title: { en: 'Remove clusterIP: None', zh: '删除 clusterIP: None' }, edits }] : [],
			},
		];
	},
};
