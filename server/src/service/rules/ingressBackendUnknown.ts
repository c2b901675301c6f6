import type { IndexedResource } from '../workspace/index';
import { backendsOf, type Backend } from './ingressBackends';
import { missingFinding } from './missingPolicy';
import { describePorts, readService, relatedAt } from './serviceSpec';
import type { Finding, Rule, RuleContext } from './types';

/** An Ingress backend whose Service is not in scope, or whose port that Service does not expose. */
export const ingressBackendUnknown: Rule = {
	id: 'ingress-backend-unknown',
	severity: 'warning',
	description: { en: 'An Ingress backend Service missing in scope, or a port it does not expose.', zh: 'Ingress 后端引用的 Service 在作用域内不存在，或该 Service 没有暴露所用端口。' },
	kinds: ['Ingress'],
	reads: ['Service'],
	check(ctx) {
		const findings: Finding[] = [];
		for (const backend of backendsOf(ctx.entry.resource.value)) {
			const services = ctx.scope.named('Service', backend.name);
			if (services.length === 0) {
				const finding = missing(ctx, backend);
				if (finding) findings.push(finding);
				continue;
			}
			const port = backend.port;
			if (port === undefined || !backend.portPath) continue;
			if (services.some((s) => ctx.index.isPartial(s) || exposes(s, port))) continue;
			const service = services[0];
			const ports = readService(service.resource)?.ports ?? [];
			const what = typeof port === 'number' ? `port ${port}` : `port named "${port}"`;
			const whatZh = typeof port === 'number' ? `端口 ${port}` : `名为 "${port}" 的端口`;
			findings.push({
				path: backend.portPath,
				message: {
					en: `Service "${backend.name}" has no ${what} (it exposes ${describePorts(ports)}). The Ingress controller cannot route this path, and requests get an error from it; use one of the Service's ports (its \`port\`, not the targetPort) or its name.`,
					zh: `Service "${backend.name}" 没有${whatZh}（它暴露的是 ${describePorts(ports)}）。Ingress 控制器无法路由该路径，请求会返回错误；请使用该 Service 的端口（\`port\`，而不是 targetPort）或端口名称。`,
				},
				related: [relatedAt(service, ['spec', 'ports'], { en: `ports of Service "${backend.name}"`, zh: `Service "${backend.name}" 的端口` })],
			});
		}
		return findings;
	},
};

/** The backend's Service is not in scope: judged by the closed-world policy (missingPolicy). */
function missing(ctx: RuleContext, backend: Backend): Finding | undefined {
	return missingFinding(ctx, 'Service', backend.name, backend.namePath, {
		en: `No Service "${backend.name}" in namespace "${ctx.scope.namespace}" of this scope. An Ingress only routes to Services of its own namespace, so this backend answers with errors (503/404) until it exists; create the Service, or correct the name.`,
		zh: `本作用域的命名空间 "${ctx.scope.namespace}" 中没有名为 "${backend.name}" 的 Service。Ingress 只能路由到同一命名空间的 Service，在它存在之前该后端只会返回错误（503/404）；请创建该 Service，或更正名称。`,
	});
}

/** True when a Service exposes the port, by number or by name; ExternalName Services without ports are not judged. */
function exposes(service: IndexedResource, port: number | string): boolean {
	const spec = readService(service.resource);
	if (!spec) return true;
	if (spec.type === 'ExternalName' && spec.ports.length === 0) return true;
	return spec.ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}
