import { KnowledgeGraph } from '../knowledge/graph';
import type { Localized } from '../knowledge/types';
import { fillEach, joinText } from './findingParts';
import { byDesign, mountsOf, type NodeAgent } from './nodeAgents';

/** Why each kind of node agent needs the node's paths (the `nodeAgent` fact of the knowledge). */
const WHY: Record<string, Localized> = {
	cni: {
		en: 'a CNI agent writes the network configuration (/etc/cni/net.d) and plugin binaries (/opt/cni/bin) that the kubelet runs for every pod, and keeps its own state on the node',
		zh: 'CNI 代理要写入 kubelet 为每个 Pod 调用的网络配置（/etc/cni/net.d）和插件程序（/opt/cni/bin），并在节点上保存自己的状态',
	},
	csi: {
		en: 'a CSI plugin registers its socket with the kubelet (/var/lib/kubelet/plugins_registry, /var/lib/kubelet/plugins) and mounts volumes into the pods\' folders (/var/lib/kubelet/pods, with mountPropagation: Bidirectional); a node plugin also reaches the devices (/dev)',
		zh: 'CSI 插件要向 kubelet 注册自己的套接字（/var/lib/kubelet/plugins_registry、/var/lib/kubelet/plugins），并把卷挂载到 Pod 的目录中（/var/lib/kubelet/pods，配合 mountPropagation: Bidirectional）；节点插件还要访问设备（/dev）',
	},
	storage: {
		en: 'a storage system run in the cluster finds and prepares the node\'s disks (/dev, /sys, /run/udev) and keeps its daemons\' state on the node',
		zh: '在集群中运行的存储系统要发现并准备节点的磁盘（/dev、/sys、/run/udev），并在节点上保存其守护进程的状态',
	},
	'runtime-installer': {
		en: 'a runtime installer copies the runtime\'s binaries and configuration onto the node (/opt/kata, /etc/containerd, /etc/crio) and restarts the runtime through systemd',
		zh: '运行时安装程序要把运行时的程序和配置复制到节点上（/opt/kata、/etc/containerd、/etc/crio），并通过 systemd 重启运行时',
	},
	'log-agent': {
		en: 'a log agent reads the log files the runtime writes for every container on the node (/var/log/pods, /var/log/containers) and keeps its read position there',
		zh: '日志代理要读取运行时为节点上每个容器写下的日志文件（/var/log/pods、/var/log/containers），并在那里记录读取位置',
	},
	monitoring: {
		en: 'a monitoring agent reads the node\'s own state: processes and kernel counters (/proc, /sys), devices and file systems',
		zh: '监控代理要读取节点自身的状态：进程和内核计数器（/proc、/sys）、设备和文件系统',
	},
	proxy: {
		en: 'kube-proxy loads kernel modules (/lib/modules) and shares the iptables lock with the node (/run/xtables.lock)',
		zh: 'kube-proxy 要加载内核模块（/lib/modules），并与节点共用 iptables 锁（/run/xtables.lock）',
	},
};
const OTHER: Localized = { en: 'such an agent needs parts of the node', zh: '这类代理需要访问节点的部分内容' };

const BY_DESIGN = {
	en: '{0} is a node agent: it mounts {1} from the node by design (volume "{2}"): {3}.',
	zh: '{0} 是节点代理：它从节点挂载 {1} 是设计使然（卷 "{2}"）：{3}。',
};
const NOT_LISTED = {
	en: '{0} is a node agent ({3}), but {1} (volume "{2}") is not among the paths such agents usually need: check that it needs this path, and keep it as narrow as it can be.',
	zh: '{0} 是节点代理（{3}），但 {1}（卷 "{2}"）不在这类代理通常需要的路径之中：请确认它确实需要此路径，并尽量缩小范围。',
};
const READ_ONLY = { en: 'Mount it readOnly where the agent only reads it.', zh: '代理只读取时，请以 readOnly 方式挂载。' };
const TYPE = {
	en: 'Set `type` (Directory, File, DirectoryOrCreate) so that a node without this path fails clearly instead of getting an empty directory.',
	zh: '请设置 `type`（Directory、File、DirectoryOrCreate），这样缺少此路径的节点会明确报错，而不是得到一个空目录。',
};
const RESTRICTED = { en: 'It is already mounted readOnly and typed: nothing more to restrict.', zh: '它已经以 readOnly 方式挂载并设置了 type：无需再收紧。' };

/** What a node agent's host path is for, and what to restrict on it (readOnly, `type`) when that is not done yet. */
export function agentHostPathText(agent: NodeAgent, pod: Record<string, unknown>, volume: { name: string; hostPath: Record<string, unknown> }): Localized {
	const path = typeof volume.hostPath.path === 'string' ? volume.hostPath.path : '';
	const why = WHY[agent.role] ?? OTHER;
	const template = byDesign(agent, path) ? BY_DESIGN : NOT_LISTED;
	const intro = fillEach(template, (lang) => [KnowledgeGraph.text(agent.entity.title, lang), path, volume.name, why[lang]]);
	const advice: Localized[] = [];
	const mounts = mountsOf(pod, volume.name);
	if (mounts.mounted && !mounts.readOnly) advice.push(READ_ONLY);
	if (typeof volume.hostPath.type !== 'string' || volume.hostPath.type === '') advice.push(TYPE);
	return joinText(intro, ...(advice.length > 0 ? advice : [RESTRICTED]));
}

