import { removeKeyEdits, replaceValueEdit } from './serviceEdits';
import { readService } from './serviceSpec';
import type { Finding, Rule } from './types';

const POLICIES = ['Cluster', 'Local'];

/** `externalTrafficPolicy` on a Service nothing external reaches, or a traffic policy value the API server does not know. */
export const serviceTrafficPolicyInvalid: Rule = {
	id: 'service-traffic-policy-invalid',
	severity: 'error',
	description: { en: 'externalTrafficPolicy on a ClusterIP Service, or an unknown traffic policy.', zh: 'ClusterIP 类型的 Service 设置了 externalTrafficPolicy，或流量策略取值无效。' },
	kinds: ['Service'],
	local: true,
	check({ entry, file }) {
		const service = readService(entry.resource);
		if (!service) return [];
		const spec = service.spec;
		const findings: Finding[] = [];
		// The API server's notion of "externally accessible": node ports, a load balancer, or external IPs.
		const external = service.type === 'NodePort' || service.type === 'LoadBalancer' || (service.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
		if (spec.externalTrafficPolicy !== undefined && spec.externalTrafficPolicy !== null && spec.externalTrafficPolicy !== '' && !external) {
			const path = ['spec', 'externalTrafficPolicy'];
			const edits = removeKeyEdits(file.manifest.text, entry.document, path);
			findings.push({
				path,
				key: true,
				message: {
					en: `externalTrafficPolicy is set on a ${service.type} Service without external IPs. It governs traffic arriving through node ports, load balancers or external IPs, and this Service has none, so the API server rejects it ("may only be set for externally-accessible services"); remove it, or change the type to NodePort or LoadBalancer.`,
					zh: `没有 external IP 的 ${service.type} 类型 Service 设置了 externalTrafficPolicy。该字段只作用于经由节点端口、负载均衡器或 external IP 进入的流量，而此 Service 都没有，API Server 会拒绝（"may only be set for externally-accessible services"）；请删除它，或把类型改为 NodePort 或 LoadBalancer。`,
				},
				fixes: edits ? [{ title: { en: 'Remove externalTrafficPolicy', zh: '删除 externalTrafficPolicy' }, preferred: true, edits }] : [],
			});
		}
		for (const field of ['externalTrafficPolicy', 'internalTrafficPolicy']) {
			const value = spec[field];
			if (typeof value !== 'string' || value === '' || POLICIES.includes(value)) continue;
			if (field === 'internalTrafficPolicy' && service.type === 'ExternalName') continue;
			if (field === 'externalTrafficPolicy' && findings.length > 0) continue;
			const intended = POLICIES.find((p) => p.toLowerCase() === String(value).toLowerCase());
			const edit = intended ? replaceValueEdit(entry.document, ['spec', field], intended) : undefined;
			findings.push({
				path: ['spec', field],
				fixes: edit ? [{ title: { en: `Write ${intended}`, zh: `改为 ${intended}` }, preferred: true, edits: [edit] }] : [],
				message: {
					en: `${field} "${String(value)}" is not a traffic policy. The API server accepts only Cluster (spread over all ready endpoints) or Local (only endpoints on the receiving node); use one of them.`,
					zh: `${field} 的取值 "${String(value)}" 不是有效的流量策略。API Server 只接受 Cluster（分发到所有就绪端点）或 Local（只发往接收流量的节点上的端点）；请使用其中之一。`,
				},
			});
		}
		return findings;
	},
};
