import { both } from '../l10n/text';
import { joinText, replaceScalar } from './findingParts';
import { nearestName } from './nearestName';
import { knownHandlers } from './runtimeClasses';
import type { Fix, Rule } from './types';

const UNKNOWN = {
	en: 'The handler "{0}" is not one the knowledge base knows (runc, runsc for gVisor, kata-* for Kata Containers, ...). A handler must match a runtime configured in the CRI of every node (a containerd runtimes entry); if none matches, pods of this class fail to start with "no runtime for handler".',
	zh: '知识库不认识处理程序 "{0}"（已知的有 runc、gVisor 的 runsc、Kata Containers 的 kata-* 等）。处理程序必须与每个节点 CRI 中配置的运行时（containerd 的 runtimes 条目）一致；不一致时，使用此类的 Pod 会因 "no runtime for handler" 而无法启动。',
};
const TYPO = { en: 'Did you mean "{0}"?', zh: '是否想写 "{0}"？' };
const FIX = { en: 'Use the handler "{0}"', zh: '改用处理程序 "{0}"' };

/** A RuntimeClass handler the knowledge does not know: often a typo of runsc or kata-qemu. Information only. */
export const runtimeClassHandlerUnknown: Rule = {
	id: 'runtime-class-handler-unknown',
	severity: 'info',
	description: { en: 'A RuntimeClass handler that no known runtime uses.', zh: '没有已知运行时使用的 RuntimeClass 处理程序。' },
	kinds: ['RuntimeClass'],
	local: true,
	check({ entry, graph }) {
		const handler = entry.resource.value.handler;
		if (typeof handler !== 'string' || !handler || !entry.resource.apiVersion.startsWith('node.k8s.io/')) return [];
		const known = knownHandlers(graph);
		if (known.has(handler)) return [];
		const near = nearestName(handler, known);
		const fixes: Fix[] = [];
		const edit = near && replaceScalar(entry.document, ['handler'], near);
		if (edit && near) fixes.push({ title: both(FIX, near), edits: [edit] });
		return [{ path: ['handler'], message: near ? joinText(both(UNKNOWN, handler), both(TYPO, near)) : both(UNKNOWN, handler), fixes }];
	},
};
