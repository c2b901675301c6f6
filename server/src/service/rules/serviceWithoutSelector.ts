import { namespaceOf } from '../workspace/scope';
import { readService, relatedAt } from './serviceSpec';
import type { Rule } from './types';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A Service without a selector and without Endpoints or an EndpointSlice of its own in scope. */
export const serviceWithoutSelector: Rule = {
	id: 'service-without-selector',
	severity: 'info',
	description: { en: 'A Service without a selector and without Endpoints or EndpointSlices in scope.', zh: '没有 selector、作用域内也没有对应 Endpoints 或 EndpointSlice 的 Service。' },
	kinds: ['Service'],
	reads: ['Endpoints', 'EndpointSlice'],
	check({ entry, scope, settings }) {
		const service = readService(entry.resource);
		const name = entry.resource.name;
		if (!service || service.selectorWritten || service.type === 'ExternalName' || !name || scope.hasPartial) return [];
		// The API server keeps the endpoints of the `kubernetes` Service itself.
		if (name === 'kubernetes' && scope.namespace === 'default') return [];
		if (scope.named('Endpoints', name).length > 0) return [];
		if (scope.ofKind('EndpointSlice').some((slice) => slice.resource.labels[SERVICE_NAME_LABEL] === name)) return [];
		const elsewhere = scope.elsewhere('Endpoints', name);
		return [
			{
				path: ['metadata', 'name'],
				message: {
					en: `Service "${name}" has no selector, so Kubernetes makes no endpoints for it, and no Endpoints or EndpointSlice (label ${SERVICE_NAME_LABEL}: ${name}) for it is in this scope: connections to it fail until something provides them. Add a selector that matches your pods, or add an EndpointSlice for the addresses it should reach.`,
					zh: `Service "${name}" 没有 selector，Kubernetes 不会为它生成端点，而本作用域中也没有它的 Endpoints 或 EndpointSlice（标签 ${SERVICE_NAME_LABEL}: ${name}）：在有人提供端点之前，连接都会失败。请添加与 Pod 匹配的 selector，或为它要访问的地址添加 EndpointSlice。`,
				},
				related: elsewhere.slice(0, 3).map((e) => {
					const ns = namespaceOf(e, settings);
					return relatedAt(e, ['metadata', 'name'], {
						en: `Endpoints "${name}" in namespace "${ns}": it only serves the Service of that namespace`,
						zh: `命名空间 "${ns}" 中的 Endpoints "${name}"：它只对应该命名空间中的 Service`,
					});
				}),
			},
		];
	},
};
