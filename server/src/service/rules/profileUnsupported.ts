import { KnowledgeGraph } from '../knowledge/graph';
import type { Localized } from '../knowledge/types';
import type { NodePath } from '../manifest/types';
import type { Severity } from '../settings';
import { privilegedFlags } from './containers';
import { fillEach } from './findingParts';
import { POD_SPEC_KINDS, podSpecOf, podVolumes } from './podSpec';
import { profileLimits } from './profile';
import type { Finding, Rule } from './types';

/** What each limit of the `unsupported` vocabulary means for a pod, and what to do instead. */
const LIMITS: Record<string, { severity: Severity; what: Localized; instead: Localized }> = {
	DaemonSet: {
		severity: 'error',
		what: { en: 'DaemonSets: there are no nodes of yours to run one pod on each, so its pods are never scheduled', zh: 'DaemonSet：没有属于你的节点可供每个节点运行一个 Pod，它的 Pod 永远不会被调度' },
		instead: { en: 'Run the agent as a sidecar container of the pods that need it, or use the platform\'s own service for it (log and metrics collection).', zh: '请把代理作为需要它的 Pod 的边车容器运行，或使用平台自带的服务（日志与监控采集）。' },
	},
	HostNetwork: {
		severity: 'warning',
		what: { en: "the node's network (hostNetwork): each pod runs in its own sandbox with no host to share", zh: '节点网络（hostNetwork）：每个 Pod 都运行在独立的沙箱中，没有可共享的主机' },
		instead: { en: 'Drop hostNetwork and expose the pod through a Service (LoadBalancer or ClusterIP behind an Ingress).', zh: '请去掉 hostNetwork，通过 Service（LoadBalancer，或 Ingress 后面的 ClusterIP）暴露 Pod。' },
	},
	Privileged: {
		severity: 'warning',
		what: { en: 'privileged containers: there is no host to grant access to', zh: '特权容器：没有可授予访问权限的主机' },
		instead: { en: 'Drop privileged and add only the capabilities the container needs (securityContext.capabilities.add).', zh: '请去掉 privileged，只添加容器需要的能力（securityContext.capabilities.add）。' },
	},
	HostPath: {
		severity: 'warning',
		what: { en: 'hostPath volumes: there is no node disk of yours to mount', zh: 'hostPath 卷：没有属于你的节点磁盘可挂载' },
		instead: { en: 'Use an emptyDir for scratch space, a ConfigMap or Secret for files, or a persistent volume for data.', zh: '临时空间请用 emptyDir，文件请用 ConfigMap 或 Secret，数据请用持久卷。' },
	},
};
const MESSAGE = {
	en: 'The cluster profile "{0}" ({1}) does not offer {2}. {3}',
	zh: '集群配置 "{0}"（{1}）不支持{2}。{3}',
};

/**
 * Workloads that use what the cluster profile does not offer, from the `unsupported` facts of the
 * profile's platform entity: DaemonSets, host networking, privileged containers, hostPath volumes.
 * NodePort Services and persistent volumes have rules of their own.
 */
export const profileUnsupported: Rule = {
	id: 'profile-unsupported',
	severity: 'warning',
	description: { en: 'A workload feature the cluster profile does not offer.', zh: '集群配置不支持的工作负载特性。' },
	kinds: POD_SPEC_KINDS,
	local: true,
	check({ entry, graph, settings }) {
		const limits = profileLimits(graph, settings);
		if (!limits) return [];
		const finding = (limit: string, path: NodePath, key = false): Finding[] => {
			const text = LIMITS[limit];
			if (!text || !limits.unsupported.has(limit)) return [];
			const message = fillEach(MESSAGE, (l) => [settings.profile, KnowledgeGraph.text(limits.entity.title, l), text.what[l], text.instead[l]]);
			return [{ path, key, message, severity: text.severity }];
		};
		const findings: Finding[] = [];
		if (entry.resource.kind === 'DaemonSet') findings.push(...finding('DaemonSet', ['kind']));
		const pod = podSpecOf(entry.resource);
		if (!pod) return findings;
		if (pod.spec.hostNetwork === true) findings.push(...finding('HostNetwork', [...pod.path, 'hostNetwork'], true));
		for (const path of privilegedFlags(pod)) findings.push(...finding('Privileged', path, true));
		for (const volume of podVolumes(pod)) if (volume.source === 'hostPath') findings.push(...finding('HostPath', [...volume.path, 'hostPath'], true));
		return findings;
	},
};
