import { KnowledgeGraph } from '../knowledge/graph';
import { isRecord } from '../manifest/parse';
import { versionAtLeast } from '../settings';
import { fillEach, joinText } from './findingParts';
import { POD_SPEC_KINDS, podSpecOf, podVolumes } from './podSpec';
import { socketsExposedBy } from './runtimeSockets';
import type { Finding, Rule } from './types';

const MESSAGE = {
	en: 'The volume "{0}" mounts {1}, the API socket of {2}. Whoever controls this pod controls every container on the node: it can start privileged containers and read other pods\' secrets. It also ties the pod to one runtime. Talk to the Kubernetes API instead, build images with a daemonless builder (BuildKit, Kaniko), or keep this to a trusted node agent with tight RBAC and suppress the warning there.',
	zh: '卷 "{0}" 挂载了 {1}，即 {2} 的 API 套接字。谁控制了这个 Pod，谁就控制了节点上的所有容器：可以启动特权容器、读取其他 Pod 的 Secret。它还把 Pod 绑死在某一种运行时上。请改为调用 Kubernetes API，用无守护进程的构建工具（BuildKit、Kaniko）构建镜像，或者只在受信任、RBAC 收紧的节点代理中这样用，并在那里抑制此警告。',
};
const FOLDER = {
	en: 'The volume "{0}" mounts {1}, the folder that holds the API sockets of {2}. Whoever controls this pod controls every container on the node: it can start privileged containers and read other pods\' secrets. Mount only what the pod needs (a single file or a dedicated folder), talk to the Kubernetes API instead of the runtime, or keep this to a trusted node agent with tight RBAC and suppress the warning there.',
	zh: '卷 "{0}" 挂载了 {1}，这个目录里有 {2} 的 API 套接字。谁控制了这个 Pod，谁就控制了节点上的所有容器：可以启动特权容器、读取其他 Pod 的 Secret。请只挂载 Pod 需要的内容（单个文件或专用目录），改为调用 Kubernetes API 而不是运行时，或者只在受信任、RBAC 收紧的节点代理中这样用，并在那里抑制此警告。',
};
const DOCKER_GONE = {
	en: 'Kubernetes {0} removed dockershim: nodes since then usually run containerd or CRI-O without Docker Engine, so this socket is often missing.',
	zh: 'Kubernetes {0} 移除了 dockershim：此后的节点通常运行 containerd 或 CRI-O，没有 Docker Engine，这个套接字往往并不存在。',
};

/** A hostPath volume that exposes the container runtime's socket (docker.sock, containerd.sock, crio.sock). */
export const containerRuntimeSocket: Rule = {
	id: 'container-runtime-socket',
	severity: 'warning',
	local: true,
	description: { en: 'A pod mounts the container runtime socket.', zh: 'Pod 挂载了容器运行时的套接字。' },
	kinds: POD_SPEC_KINDS,
	check({ entry, graph, settings }) {
		const pod = podSpecOf(entry.resource);
		if (!pod) return [];
		const findings: Finding[] = [];
		for (const volume of podVolumes(pod)) {
			const hostPath = volume.value.hostPath;
			if (volume.source !== 'hostPath' || !isRecord(hostPath) || typeof hostPath.path !== 'string') continue;
			const { sockets, folder } = socketsExposedBy(graph, hostPath.path);
			if (sockets.length === 0) continue;
			const names = (lang: 'en' | 'zh') => [...new Set(sockets.map((s) => s.label ?? KnowledgeGraph.text(s.entity.title, lang)))].join(', ');
			let message = fillEach(folder ? FOLDER : MESSAGE, (lang) => [volume.name, hostPath.path as string, names(lang)]);
			// Docker Engine's own entity says when Kubernetes stopped talking to it.
			const removedIn = sockets.map((s) => s.entity.facts.dockershimRemovedIn).find((v): v is string => typeof v === 'string');
			if (!folder && removedIn && versionAtLeast(settings.kubernetesVersion, removedIn)) {
				message = joinText(message, fillEach(DOCKER_GONE, () => [removedIn]));
			}
			findings.push({ path: [...volume.path, 'hostPath', 'path'], message });
		}
		return findings;
	},
};
