import { KnowledgeGraph } from '../knowledge/graph';
import type { Localized } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { privilegedFlags } from './containers';
import { fillEach } from './findingParts';
import { POD_SPEC_KINDS, podVolumes, type PodSpecAt } from './podSpec';
import { podRuntime } from './runtimeClasses';
import type { Finding, Rule } from './types';

const WHAT: Record<string, Localized> = {
	hostNetwork: { en: "the node's network namespace (hostNetwork)", zh: '节点的网络命名空间（hostNetwork）' },
	hostPID: { en: "the node's process namespace (hostPID)", zh: '节点的进程命名空间（hostPID）' },
	hostIPC: { en: "the node's IPC namespace (hostIPC)", zh: '节点的 IPC 命名空间（hostIPC）' },
	shareProcessNamespace: { en: 'one process namespace shared by the containers (shareProcessNamespace)', zh: '容器间共享进程命名空间（shareProcessNamespace）' },
	privileged: { en: 'privileged containers', zh: '特权容器' },
	hostDevices: { en: "the node's devices (a hostPath under /dev)", zh: '节点的设备（/dev 下的 hostPath）' },
};
const UNSUPPORTED = {
	en: 'The pod runs under {0} (RuntimeClass "{1}"), which cannot give {2}: each pod has its own kernel or VM, so the pod fails to start or the setting reaches the sandbox instead of the node. Drop the setting, or run this workload without the sandboxed RuntimeClass (node agents rarely belong in a sandbox).',
	zh: '该 Pod 运行在 {0}（RuntimeClass "{1}"）下，而它无法提供{2}：每个 Pod 都有自己的内核或虚拟机，Pod 会启动失败，或该设置只作用于沙箱而不是节点。请去掉该设置，或不使用沙箱 RuntimeClass 运行此工作负载（节点代理通常不适合放进沙箱）。',
};
const PARTIAL = {
	en: 'The pod runs under {0} (RuntimeClass "{1}"), which gives {2} only in its own way: it applies inside the sandbox (the guest kernel or VM), not to the node as under runc, and depends on how the runtime is configured. Check that this is what the workload needs; see the runtime\'s entry for details.',
	zh: '该 Pod 运行在 {0}（RuntimeClass "{1}"）下，而它只能以自己的方式提供{2}：设置作用于沙箱内部（客户内核或虚拟机），不像 runc 那样作用于节点，且取决于运行时的配置。请确认这是工作负载所需要的；详情见该运行时的条目。',
};

/**
 * Host namespaces, privileged containers and host devices in a pod under a sandboxed runtime (gVisor,
 * Kata Containers, Firecracker), judged by the runtime's `unsupportedPodFields` (warning) and
 * `partialPodFields` (information) facts.
 */
export const sandboxRuntimeConflict: Rule = {
	id: 'sandbox-runtime-conflict',
	severity: 'warning',
	description: { en: 'Host access under a sandboxed runtime that cannot give it.', zh: '沙箱运行时下使用了它无法提供的主机访问。' },
	kinds: POD_SPEC_KINDS,
	reads: ['RuntimeClass'],
	check(ctx) {
		const runtime = podRuntime(ctx);
		const entity = runtime?.runtime;
		if (!runtime || !entity || entity.facts.sandboxed !== true) return [];
		const unsupported = new Set(list(entity.facts.unsupportedPodFields));
		const partial = new Set(list(entity.facts.partialPodFields));
		const findings: Finding[] = [];
		for (const { field, path } of hostAccess(runtime.pod)) {
			const severity = unsupported.has(field) ? 'warning' : partial.has(field) ? 'info' : undefined;
			if (!severity) continue;
			const message = fillEach(severity === 'warning' ? UNSUPPORTED : PARTIAL, (l) => [KnowledgeGraph.text(entity.title, l), runtime.name, WHAT[field][l]]);
			findings.push({ path, key: true, severity, message });
		}
		return findings;
	},
};

/** The host access a pod spec asks for, by the fact vocabulary's names, with the key to mark. */
function hostAccess(pod: PodSpecAt): { field: string; path: NodePath }[] {
	const out: { field: string; path: NodePath }[] = [];
	for (const field of ['hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace']) if (pod.spec[field] === true) out.push({ field, path: [...pod.path, field] });
	for (const path of privilegedFlags(pod)) out.push({ field: 'privileged', path });
	for (const volume of podVolumes(pod)) {
		const host = volume.value.hostPath;
		if (isRecord(host) && (String(host.path ?? '').startsWith('/dev/') || host.type === 'CharDevice' || host.type === 'BlockDevice')) out.push({ field: 'hostDevices', path: [...volume.path, 'hostPath'] });
	}
	return out;
}

function list(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}
