import { insertAfterKeyEdit, replaceValueEdit } from './serviceEdits';
import { containerPorts, selectedTemplates, type ContainerPort, type PodTemplate } from '../workspace/podTemplates';
import { describeResource, readService, relatedAt, type ServicePort } from './serviceSpec';
import { READS, type Finding, type Fix, type RelatedLocation, type Rule, type RuleContext } from './types';

/** A targetPort that the selected pods do not declare: by name (error: no endpoint gets it) or by number (info). */
export const serviceTargetPortUnknown: Rule = {
	id: 'service-target-port-unknown',
	severity: 'error',
	description: { en: 'A targetPort that no container port of the selected pods declares.', zh: '被选中 Pod 的容器端口中没有声明该 targetPort。' },
	kinds: ['Service'],
	reads: [READS.podTemplates],
	check(ctx) {
		const service = readService(ctx.entry.resource);
		if (!service?.selector || service.type === 'ExternalName' || ctx.scope.hasPartial) return [];
		const templates = selectedTemplates(ctx, service.selector);
		if (templates.length === 0 || templates.some((t) => ctx.index.isPartial(t.entry))) return [];
		const declared = templates.map((t) => ({ template: t, ports: containerPorts(t) }));
		const all = declared.flatMap((d) => d.ports);
		const findings: Finding[] = [];
		for (const port of service.ports) {
			const target = port.targetPort ?? port.port;
			if (typeof target === 'string') {
				if (all.some((p) => p.name === target && p.protocol === port.protocol)) continue;
				findings.push(namedFinding(ctx, port, target, declared));
			} else if (target !== undefined && all.some((p) => p.containerPort !== undefined)) {
				if (all.some((p) => p.containerPort === target)) continue;
				findings.push(numberFinding(ctx, port, target, declared));
			}
		}
		return findings;
	},
};

type Declared = { template: PodTemplate; ports: ContainerPort[] }[];

function namedFinding(ctx: RuleContext, port: ServicePort, target: string, declared: Declared): Finding {
	const names = [...new Set(declared.flatMap((d) => d.ports.filter((p) => p.name && p.protocol === port.protocol).map((p) => p.name as string)))];
	const otherProtocol = declared.some((d) => d.ports.some((p) => p.name === target));
	const reason = otherProtocol
		? { en: ` (a port of that name exists, but not for ${port.protocol})`, zh: `（有同名端口，但协议不是 ${port.protocol}）` }
		: { en: '', zh: '' };
	const path = ['spec', 'ports', port.index, 'targetPort'];
	const fixes: Fix[] = names.slice(0, 3).flatMap((name) => {
		const edit = replaceValueEdit(ctx.entry.document, path, name);
		return edit ? [{ title: { en: `Target the container port "${name}"`, zh: `改为容器端口 "${name}"` }, preferred: names.length === 1, edits: [edit] }] : [];
	});
	return {
		path,
		message: {
			en: `targetPort "${target}" names no ${port.protocol} container port of the pods this Service selects${reason.en}. A named targetPort is looked up in each pod's container ports, so no pod becomes an endpoint for this port and connections to it fail. Use one of the declared names (${names.join(', ') || 'none'}), or name the container port "${target}".`,
			zh: `targetPort "${target}" 不是该 Service 所选 Pod 中任何 ${port.protocol} 容器端口的名称${reason.zh}。具名 targetPort 会在每个 Pod 的容器端口中查找，因此没有 Pod 会成为该端口的端点，连接会失败。请使用已声明的名称（${names.join('、') || '无'}），或把容器端口命名为 "${target}"。`,
		},
		related: relatedPorts(declared),
		fixes,
	};
}

function numberFinding(ctx: RuleContext, port: ServicePort, target: number, declared: Declared): Finding {
	const numbers = [...new Set(declared.flatMap((d) => d.ports.flatMap((p) => (p.containerPort === undefined ? [] : [p.containerPort]))))];
	const explicit = port.targetPort !== undefined;
	const path = explicit ? ['spec', 'ports', port.index, 'targetPort'] : ['spec', 'ports', port.index, 'port'];
	const fixes: Fix[] = [];
	if (numbers.length === 1) {
		const edit = explicit
			? replaceValueEdit(ctx.entry.document, path, String(numbers[0]))
			: insertAfterKeyEdit(ctx.file.manifest.text, ctx.entry.document, path, `targetPort: ${numbers[0]}`);
		if (edit) fixes.push({ title: { en: `Set targetPort: ${numbers[0]}`, zh: `设置 targetPort: ${numbers[0]}` }, edits: [edit] });
	}
	const which = explicit ? { en: `targetPort ${target}`, zh: `targetPort ${target}` } : { en: `port ${target} (no targetPort, so traffic goes to ${target})`, zh: `端口 ${target}（未设置 targetPort，流量发往 ${target}）` };
	return {
		path,
		severity: 'info',
		message: {
			en: `${which.en}: no container of the selected pods declares port ${target}; they declare ${numbers.join(', ')}. Declaring ports is optional, but if nothing listens on ${target} connections are refused; check the port, or set targetPort to the port the container listens on.`,
			zh: `${which.zh}：所选 Pod 的容器都没有声明端口 ${target}，它们声明的是 ${numbers.join('、')}。声明端口不是必需的，但如果没有进程监听 ${target}，连接会被拒绝；请核对端口，或把 targetPort 设为容器实际监听的端口。`,
		},
		related: relatedPorts(declared),
		fixes,
	};
}

/** Where the selected pods declare their ports (or their containers, when they declare none). */
function relatedPorts(declared: Declared): RelatedLocation[] {
	return declared.slice(0, 3).map(({ template, ports }) => {
		const list = ports.map((p) => `${p.name ? `${p.name}=` : ''}${p.containerPort ?? '?'}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`).join(', ') || '-';
		const path = ports[0] ? ports[0].path.slice(0, -1) : [...template.specPath, 'containers'];
		const name = describeResource(template.entry);
		return relatedAt(template.entry, path, { en: `${name} is selected; its container ports: ${list}`, zh: `被选中的 ${name}，容器端口：${list}` });
	});
}
