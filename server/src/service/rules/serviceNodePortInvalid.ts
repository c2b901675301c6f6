import type { KnowledgeGraph } from '../knowledge/graph';
import type { Settings } from '../settings';
import { freeNodePort, outOfRangeFixes, typeFix } from './nodePortFixes';
import { removeKeyEdits } from './serviceEdits';
import { readService } from './serviceSpec';
import type { Finding, Rule } from './types';

/** `nodePort` on a Service type that has none, or outside the cluster's node port range. */
export const serviceNodePortInvalid: Rule = {
	id: 'service-node-port-invalid',
	severity: 'error',
	description: { en: 'A nodePort on a ClusterIP or ExternalName Service, or outside the node port range.', zh: 'ClusterIP 或 ExternalName 类型的 Service 设置了 nodePort，或 nodePort 超出节点端口范围。' },
	kinds: ['Service'],
	// Not local: the free port a fix offers depends on the node ports of every other Service.
	reads: ['Service'],
	check({ entry, file, graph, settings, index }) {
		const service = readService(entry.resource);
		if (!service) return [];
		const findings: Finding[] = [];
		const withNodePorts = service.type === 'NodePort' || service.type === 'LoadBalancer';
		const forbidden = service.type === 'ClusterIP' || service.type === 'ExternalName';
		const range = withNodePorts ? nodePortRange(graph, settings) : undefined;
		for (const port of service.ports) {
			if (port.nodePort === undefined || port.nodePort === 0) continue;
			const path = ['spec', 'ports', port.index, 'nodePort'];
			if (forbidden) {
				const edits = removeKeyEdits(file.manifest.text, entry.document, path);
				findings.push({
					path,
					key: true,
					message: {
						en: `nodePort ${port.nodePort} is set on a ${service.type} Service. Only NodePort and LoadBalancer Services open node ports, so the API server rejects this field here; remove it, or change the type to NodePort if the port must be reachable on every node.`,
						zh: `${service.type} 类型的 Service 设置了 nodePort ${port.nodePort}。只有 NodePort 和 LoadBalancer 类型会在节点上开放端口，API Server 会拒绝此字段；请删除它，若需要在每个节点上可达，请把类型改为 NodePort。`,
					},
					fixes: [
						...(edits ? [{ title: { en: 'Remove nodePort', zh: '删除 nodePort' }, preferred: true, edits }] : []),
						...(service.type === 'ClusterIP' ? typeFix(entry.document, file.manifest.text, service.spec.type !== undefined) : []),
					],
				});
			} else if (range && (port.nodePort < range.min || port.nodePort > range.max)) {
				findings.push({
					path,
					message: {
						en: `nodePort ${port.nodePort} is outside the node port range ${range.min}-${range.max}${range.configured ? ' configured for this cluster' : ' (the kube-apiserver default, --service-node-port-range)'}. The API server rejects a port outside the range; pick one inside it, or leave nodePort out and let the cluster allocate one.`,
						zh: `nodePort ${port.nodePort} 超出了节点端口范围 ${range.min}-${range.max}${range.configured ? '（本集群配置的范围）' : '（kube-apiserver 默认值，--service-node-port-range）'}。超出范围的端口会被 API Server 拒绝；请在范围内选择端口，或省略 nodePort 由集群自动分配。`,
					},
					fixes: outOfRangeFixes(file.manifest.text, entry.document, path, freeNodePort(index, range, port.nodePort)),
				});
			}
		}
		return findings;
	},
};

/** The node port range: the configured one, else the default the knowledge graph records; undefined when neither is known. */
export function nodePortRange(graph: KnowledgeGraph, settings: Settings): { min: number; max: number; configured: boolean } | undefined {
	if (settings.nodePortRange) return { min: settings.nodePortRange[0], max: settings.nodePortRange[1], configured: true };
	const fact = graph.fact<unknown>('nodeport', 'nodePortRange');
	const match = typeof fact === 'string' ? /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(fact) : null;
	if (!match || Number(match[1]) >= Number(match[2])) return undefined;
	return { min: Number(match[1]), max: Number(match[2]), configured: false };
}
