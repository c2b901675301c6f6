import { isRecord } from '../manifest/parse';
import type { IndexedResource } from '../workspace/index';
import { backendsOf } from './ingressBackends';
import { missingFinding } from './missingPolicy';
import { insertFirstKeyEdit, replaceValueEdit, yamlString } from './serviceEdits';
import { containerPorts, podTemplateOf } from '../workspace/podTemplates';
import { readService, relatedAt } from './serviceSpec';
import type { Fix, OffsetEdit, Rule, RuleContext } from './types';

/** A StatefulSet whose `serviceName` names no Service in scope, or a Service that is not headless. */
export const statefulsetServiceUnknown: Rule = {
	id: 'statefulset-service-unknown',
	severity: 'warning',
	description: { en: 'A StatefulSet serviceName with no Service in scope, or with a Service that is not headless.', zh: 'StatefulSet 的 serviceName 在作用域内没有对应的 Service，或该 Service 不是无头 Service。' },
	kinds: ['StatefulSet'],
	reads: ['Service', 'Ingress'],
	check(ctx) {
		const { entry, scope, index } = ctx;
		const spec = entry.resource.value.spec;
		const name = isRecord(spec) && typeof spec.serviceName === 'string' ? spec.serviceName : '';
		if (!name) return [];
		const path = ['spec', 'serviceName'];
		const services = scope.named('Service', name).filter((s) => readService(s.resource));
		if (services.length === 0) {
			if (scope.named('Service', name).length > 0) return [];
			const finding = missingFinding(ctx, 'Service', name, path, {
				en: `No Service "${name}" in namespace "${scope.namespace}" of this scope. A StatefulSet's pods get their stable DNS names (${entry.resource.name ?? 'name'}-0.${name}.${scope.namespace}.svc) from this governing Service; without it peers cannot find each other by name. Create a headless Service (clusterIP: None) named "${name}" that selects these pods.`,
				zh: `本作用域的命名空间 "${scope.namespace}" 中没有名为 "${name}" 的 Service。StatefulSet 的 Pod 依靠这个管理 Service 获得稳定的 DNS 名称（${entry.resource.name ?? 'name'}-0.${name}.${scope.namespace}.svc）；缺少它，各副本无法按名称互相发现。请创建一个名为 "${name}"、选择这些 Pod 的无头 Service（clusterIP: None）。`,
			});
			const fix = finding && addServiceFix(ctx, name);
			if (finding && fix) finding.fixes = [...(finding.fixes ?? []), fix];
			return finding ? [finding] : [];
		}
		if (services.some((s) => index.isPartial(s) || readService(s.resource)?.headless)) return [];
		const service = services[0];
		const edit = headlessEdit(ctx, service);
		return [
			{
				path,
				message: {
					en: `Service "${name}" is not headless. DNS gives the pods of a StatefulSet their own names (${entry.resource.name ?? 'name'}-0.${name}) only through a headless Service; with a cluster IP, lookups return the virtual IP and peers cannot address each other. Set \`clusterIP: None\` on it (the cluster IP of an existing Service cannot be changed, so it has to be re-created), or point serviceName at a headless Service.`,
					zh: `Service "${name}" 不是无头 Service。只有通过无头 Service，DNS 才会为 StatefulSet 的每个 Pod 提供独立名称（${entry.resource.name ?? 'name'}-0.${name}）；有 cluster IP 时，解析得到的是虚拟 IP，各副本无法互相寻址。请为它设置 \`clusterIP: None\`（已有 Service 的 cluster IP 不能修改，需要重新创建），或让 serviceName 指向一个无头 Service。`,
				},
				related: [relatedAt(service, ['spec', 'clusterIP'], { en: `Service "${name}" has a cluster IP`, zh: `Service "${name}" 带有 cluster IP` })],
				fixes: edit ? [{ title: { en: `Make Service "${name}" headless (clusterIP: None)`, zh: `将 Service "${name}" 设为无头（clusterIP: None）` }, preferred: true, edits: [edit] }] : [],
			},
		];
	},
};

/**
 * `clusterIP: None` for the Service, where that is safe: a plain ClusterIP Service with no cluster
 * IP written, that no Ingress of the scope routes to (a controller may rely on its virtual IP).
 */
function headlessEdit(ctx: RuleContext, service: IndexedResource): OffsetEdit | undefined {
	const spec = readService(service.resource);
	const file = ctx.index.getFile(service.uri);
	if (!spec || !file || spec.type !== 'ClusterIP' || spec.spec.clusterIPs !== undefined) return undefined;
	if (Array.isArray(spec.spec.externalIPs) && spec.spec.externalIPs.length > 0) return undefined;
	const name = service.resource.name;
	if (ctx.scope.ofKind('Ingress').some((i) => backendsOf(i.resource.value).some((b) => b.name === name))) return undefined;
	const clusterIP = spec.spec.clusterIP;
	let edit: OffsetEdit | undefined;
	if (clusterIP === '') edit = replaceValueEdit(service.document, ['spec', 'clusterIP'], 'None');
	else if (clusterIP === undefined) edit = insertFirstKeyEdit(file.manifest.text, service.document, ['spec'], 'clusterIP: None');
	return edit && { ...edit, uri: service.uri };
}

/** A new headless Service after the StatefulSet's document, selecting its pods and naming their ports. */
function addServiceFix(ctx: RuleContext, name: string): Fix | undefined {
	const { entry, file } = ctx;
	const spec = entry.resource.value.spec as Record<string, unknown>;
	const selector = isRecord(spec.selector) && isRecord(spec.selector.matchLabels) && !spec.selector.matchExpressions ? spec.selector.matchLabels : undefined;
	const template = podTemplateOf(entry);
	if (!selector || Object.keys(selector).length === 0 || !template) return undefined;
	const lines = ['---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${yamlString(name)}`];
	if (entry.resource.namespace) lines.push(`  namespace: ${yamlString(entry.resource.namespace)}`);
	lines.push('spec:', '  clusterIP: None', '  selector:');
	for (const [k, v] of Object.entries(selector)) lines.push(`    ${yamlString(k)}: ${yamlString(String(v))}`);
	const ports = containerPorts(template).filter((p) => p.containerPort !== undefined);
	if (ports.length > 0) {
		lines.push('  ports:');
		ports.forEach((p, i) => {
			const portName = p.name ?? (ports.length > 1 ? `port-${i + 1}` : undefined);
			lines.push(`    - ${portName ? `name: ${yamlString(portName)}\n      ` : ''}port: ${p.containerPort}${p.protocol === 'TCP' ? '' : `\n      protocol: ${p.protocol}`}`);
		});
	}
	const text = file.manifest.text;
	const at = entry.document.end;
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const before = at > 0 && text[at - 1] !== '\n' ? eol : '';
	return {
		title: { en: `Add a headless Service "${name}"`, zh: `添加无头 Service "${name}"` },
		edits: [{ start: at, end: at, newText: before + lines.join('\n').replace(/\n/g, eol) + eol }],
	};
}
