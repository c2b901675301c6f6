import { backendsOf } from './ingressBackends';
import { removeKeyEdits } from './serviceEdits';
import { readService } from './serviceSpec';
import type { Finding, Rule, RuleContext } from './types';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
/** The longest IPv6 text form (45 characters); longer values skip the check, whose backtracking is quadratic. */
const MAX_IP_LENGTH = 45;

/** An ExternalName Service without a name to point at, with fields it ignores, or pointing at an IP address. */
export const serviceExternalNameMisuse: Rule = {
	id: 'service-external-name-misuse',
	severity: 'error',
	description: { en: 'An ExternalName Service without externalName, with a selector, ports or clusterIP, or with an IP address.', zh: 'ExternalName 类型的 Service 缺少 externalName、带有 selector/ports/clusterIP，或使用了 IP 地址。' },
	kinds: ['Service'],
	reads: ['Ingress'],
	check(ctx) {
		const { entry } = ctx;
		const service = readService(entry.resource);
		if (!service || service.type !== 'ExternalName') return [];
		const spec = service.spec;
		const findings: Finding[] = [];
		const target = typeof spec.externalName === 'string' ? spec.externalName.trim() : '';
		if (!target) {
			findings.push({
				path: ['spec', 'type'],
				message: {
					en: 'This ExternalName Service has no `externalName`. An ExternalName Service is only a DNS alias (CNAME) for the name in `externalName`, so the API server rejects it without one; add `externalName: <host name>`, or use another type.',
					zh: '该 ExternalName 类型的 Service 没有 `externalName`。ExternalName Service 只是指向 `externalName` 中主机名的 DNS 别名（CNAME），缺少它会被 API Server 拒绝；请添加 `externalName: <主机名>`，或改用其他类型。',
				},
			});
		} else if (target.length <= MAX_IP_LENGTH && (IPV4.test(target) || IPV6.test(target))) {
			findings.push({
				path: ['spec', 'externalName'],
				severity: 'warning',
				message: {
					en: `externalName "${target}" is an IP address. The cluster DNS answers with a CNAME to it, which clients cannot resolve as a host name, so connections fail; use a DNS name, or a Service without a selector plus an EndpointSlice holding the address.`,
					zh: `externalName "${target}" 是一个 IP 地址。集群 DNS 会返回指向它的 CNAME 记录，客户端无法把它当作主机名解析，连接会失败；请使用 DNS 名称，或改用不带 selector 的 Service 加上包含该地址的 EndpointSlice。`,
				},
			});
		}
		if (service.selectorWritten) findings.push(ignored(ctx, 'selector', true));
		if (typeof spec.clusterIP === 'string' && spec.clusterIP) findings.push(ignored(ctx, 'clusterIP', true));
		if (Array.isArray(spec.ports) && spec.ports.length > 0 && !usedByIngress(ctx)) findings.push(ignored(ctx, 'ports', false));
		return findings;
	},
};

const CONSEQUENCE: Record<string, { en: string; zh: string }> = {
	selector: { en: 'no endpoints are made from a selector, so traffic never reaches those pods', zh: '不会根据 selector 生成 Endpoints，流量不会到达这些 Pod' },
	clusterIP: { en: 'the API server refuses a cluster IP on an ExternalName Service', zh: 'API Server 不允许 ExternalName Service 设置 cluster IP' },
	ports: {
		en: 'kube-proxy and DNS ignore its ports (only a proxy that reads them, such as an Ingress controller routing here, uses them)',
		zh: 'kube-proxy 和 DNS 都会忽略其端口（只有读取端口的代理，例如路由到这里的 Ingress 控制器，才会使用）',
	},
};

/** The message and fix title of each ignored field, made once: a file of thousands of such Services shares them. */
const IGNORED = Object.fromEntries(
	Object.entries(CONSEQUENCE).map(([field, consequence]) => [
		field,
		{
			message: {
				en: `This ExternalName Service sets \`${field}\`, but an ExternalName Service is only a DNS alias for its externalName: ${consequence.en}. Remove \`${field}\`, or use a ClusterIP Service if you meant to reach pods.`,
				zh: `该 ExternalName Service 设置了 \`${field}\`，但 ExternalName Service 只是指向 externalName 的 DNS 别名：${consequence.zh}。请删除 \`${field}\`；如果想访问 Pod，请改用 ClusterIP 类型的 Service。`,
			},
			title: { en: `Remove ${field}`, zh: `删除 ${field}` },
		},
	]),
);

/** A field an ExternalName Service does not use; `removable` offers to delete it. */
function ignored({ entry, file }: RuleContext, field: string, removable: boolean): Finding {
	const path = ['spec', field];
	const edits = removable ? removeKeyEdits(file.manifest.text, entry.document, path) : undefined;
	const { message, title } = IGNORED[field];
	return { path, key: true, severity: 'warning', message, fixes: edits ? [{ title, preferred: true, edits }] : [] };
}

/** True when an Ingress of the scope routes to this Service (the controller then reads its ports). */
function usedByIngress(ctx: RuleContext): boolean {
	const name = ctx.entry.resource.name;
	if (!name) return false;
	return ctx.scope.ofKind('Ingress').some((ingress) => backendsOf(ingress.resource.value).some((b) => b.name === name));
}
