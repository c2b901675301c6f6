import { isRecord } from '../manifest/parse';
import { both } from '../l10n/text';
import { agentHostPathText } from './nodeAgentText';
import { nodeAgentOf } from './nodeAgents';
import { POD_SPEC_KINDS, podSpecOf, podVolumes } from './podSpec';
import { socketsExposedBy } from './runtimeSockets';
import type { Finding, Rule } from './types';

const WORKLOAD = {
	en: 'The volume "{0}" mounts {1} from the node\'s filesystem. The pod then depends on what that particular node holds (data does not follow it to another node), and it can read or change the node itself; the Baseline Pod Security Standard forbids hostPath. Use emptyDir for scratch space, a ConfigMap or Secret for configuration, or a PersistentVolumeClaim for data.',
	zh: '卷 "{0}" 从节点文件系统挂载了 {1}。这样 Pod 就依赖于某个特定节点上的内容（数据不会随 Pod 迁移到其他节点），还能读取或修改节点本身；Pod 安全标准的 Baseline 级别禁止 hostPath。临时空间请用 emptyDir，配置请用 ConfigMap 或 Secret，数据请用 PersistentVolumeClaim。',
};
const DAEMON_SET = {
	en: 'The DaemonSet mounts {1} from the node (volume "{0}"). If this is a node agent, run it in a system namespace (kube-system or a *-system namespace whose Pod Security level allows host access), mount the path readOnly if it only reads, and set `type` (Directory, File) so a missing path fails clearly. Otherwise use emptyDir, a ConfigMap or Secret, or a PersistentVolumeClaim: hostPath lets the pod read or change the node, and the Baseline Pod Security Standard forbids it.',
	zh: '该 DaemonSet 从节点挂载了 {1}（卷 "{0}"）。如果它是节点代理，请把它放到系统命名空间（kube-system，或 Pod 安全级别允许访问宿主机的 *-system 命名空间），只读时以 readOnly 方式挂载，并设置 `type`（Directory、File），让路径不存在时明确报错。否则请改用 emptyDir、ConfigMap 或 Secret、PersistentVolumeClaim：hostPath 使 Pod 能读取或修改节点，Pod 安全标准的 Baseline 级别禁止它。',
};
const NODE_AGENT = {
	en: 'The node agent mounts {1} from the node (volume "{0}"): expected for a DaemonSet in a system namespace. Mount it readOnly if the agent only reads it, and set `type` (Directory, File) so a missing path fails clearly instead of being created empty.',
	zh: '节点代理从节点挂载了 {1}（卷 "{0}"）：对系统命名空间中的 DaemonSet 来说这是正常的。如果代理只读取，请以 readOnly 方式挂载，并设置 `type`（Directory、File），这样路径不存在时会明确报错，而不是创建一个空目录。',
};

/** Namespaces where cluster components run: kube-system and friends, and the `*-system` convention. */
function isSystemNamespace(namespace: string): boolean {
	return namespace.startsWith('kube-') || namespace.endsWith('-system');
}

/** A hostPath volume in a pod template (info for node agents: DaemonSets in system namespaces, and agents the knowledge recognises by image). */
export const hostPathVolume: Rule = {
	id: 'host-path-volume',
	severity: 'warning',
	local: true,
	description: { en: 'A pod mounts a directory of the node (hostPath).', zh: 'Pod 挂载了节点上的目录（hostPath）。' },
	kinds: POD_SPEC_KINDS,
	check({ entry, graph, settings, scope }) {
		const pod = podSpecOf(entry.resource);
		if (!pod) return [];
		const daemonSet = entry.resource.kind === 'DaemonSet';
		const nodeAgent = daemonSet && isSystemNamespace(scope.namespace);
		const template = nodeAgent ? NODE_AGENT : daemonSet ? DAEMON_SET : WORKLOAD;
		// container-runtime-socket says more about a runtime socket; one finding per volume is enough.
		const socketRuleOn = settings.rules['container-runtime-socket'] !== 'off';
		// CNI agents, CSI plugins, log agents... mount the node by design, wherever they run.
		const agent = nodeAgentOf(graph, pod.spec);
		const findings: Finding[] = [];
		for (const volume of podVolumes(pod)) {
			const hostPath = volume.value.hostPath;
			if (volume.source !== 'hostPath' || !isRecord(hostPath) || typeof hostPath.path !== 'string') continue;
			const path = hostPath.path;
			if (socketRuleOn && socketsExposedBy(graph, path).sockets.length > 0) continue;
			findings.push({
				path: [...volume.path, 'hostPath'],
				key: true,
				severity: nodeAgent || agent ? 'info' : undefined,
				message: agent ? agentHostPathText(agent, pod.spec, { name: volume.name, hostPath }) : both(template, volume.name, path),
			});
		}
		return findings;
	},
};
