import { pairAtPath } from '../manifest/nodes';
import { kustomizeMayAddLabels, selectorOf } from './workloadSelector';
import { placeOfMissing } from './schemaRequired';
import { validationApplies } from './validationGate';
import type { Rule } from './types';

const KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'];

/** An apps/v1 workload without `spec.selector`, or with an empty one: the API server rejects it. */
export const workloadSelectorRequired: Rule = {
	id: 'workload-selector-required',
	severity: 'error',
	description: { en: 'An apps/v1 workload has no selector.', zh: 'apps/v1 工作负载没有选择算符。' },
	kinds: KINDS,
	local: false,
	reads: [],
	check(context) {
		const { entry, index } = context;
		const { resource } = entry;
		if (!validationApplies(context) || resource.apiVersion !== 'apps/v1') return [];
		const selector = selectorOf(entry);
		if (selector && (Object.keys(selector.matchLabels).length > 0 || selector.expressions.length > 0)) return [];
		// A kustomization's commonLabels fills in the selector when it builds the overlay.
		if (kustomizeMayAddLabels(index, entry.uri)) return [];
		const labels = resource.value.spec && typeof resource.value.spec === 'object' ? (resource.value.spec as { template?: { metadata?: { labels?: Record<string, unknown> } } }).template?.metadata?.labels : undefined;
		const example = labels && typeof labels === 'object' ? Object.entries(labels).slice(0, 2).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : 'app: <name>';
		const empty = selector !== undefined;
		const at = empty ? { path: ['spec', 'selector'], key: true } : placeOfMissing(entry.document, pairAtPath(entry.document, ['spec']) ? ['spec'] : []);
		return [
			{
				...at,
				message: empty
					? {
							en: `The API server rejects this ${resource.kind}: its selector is empty ("empty selector is invalid for deployment"). An apps/v1 workload must select its pods; add \`matchLabels: { ${example} }\` with the labels of spec.template.`,
							zh: `API Server 会拒绝这个 ${resource.kind}：选择算符为空（empty selector is invalid）。apps/v1 工作负载必须选择自己的 Pod；请添加 \`matchLabels: { ${example} }\`，写上 spec.template 的标签。`,
						}
					: {
							en: `The API server rejects this ${resource.kind}: apps/v1 requires spec.selector (Required value), it is no longer defaulted from the template labels. Add \`selector: { matchLabels: { ${example} } }\` under spec.`,
							zh: `API Server 会拒绝这个 ${resource.kind}：apps/v1 要求 spec.selector（Required value），不再从模板标签推导。请在 spec 下添加 \`selector: { matchLabels: { ${example} } }\`。`,
						},
			},
		];
	},
};
