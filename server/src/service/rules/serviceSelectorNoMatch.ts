import { hasPlaceholder, holdsPlaceholder } from '../manifest/placeholders';
import { namespaceOf } from '../workspace/scope';
import { inBrokenDocument } from './missingPolicy';
import { replaceValueEdit, yamlString } from './serviceEdits';
import { customResourcesNamed, matchingTemplates, podTemplatesInScope, type PodTemplate } from '../workspace/podTemplates';
import { describeResource, readService, relatedAt } from './serviceSpec';
import { READS, type Fix, type RelatedLocation, type Rule } from './types';

/** A Service whose selector (an AND of all its labels) matches no pod template in its namespace and scope. */
export const serviceSelectorNoMatch: Rule = {
	id: 'service-selector-no-match',
	severity: 'warning',
	description: { en: 'A Service selector that no pod template in scope matches.', zh: 'Service 的 selector 与作用域内任何 Pod 模板都不匹配。' },
	kinds: ['Service'],
	reads: [READS.podTemplates, READS.customResources],
	check(ctx) {
		const { entry, scope, settings } = ctx;
		const service = readService(entry.resource);
		const selector = service?.selector;
		if (!service || !selector || service.type === 'ExternalName' || scope.hasPartial || holdsPlaceholder(selector)) return [];
		// Matching templates of the scope in any namespace: none may be in the Service's own.
		const elsewhere = matchingTemplates(ctx, selector);
		if (elsewhere.some((t) => namespaceOf(t.entry, settings) === scope.namespace)) return [];
		if (customResourcesNamed(ctx, Object.values(selector).map(String)).length > 0) return [];
		// A document that does not parse may define the pods.
		if (inBrokenDocument(ctx, Object.values(selector).map(String))) return [];
		// A chart elsewhere in the workspace that carries these labels may render the pods.
		if (scope.chartCouldLabel(Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)])))) return [];
		const templates = podTemplatesInScope(ctx);
		// A label whose value is a `${VAR}` placeholder may well be the one the selector wants.
		if (templates.some((t) => Object.entries(selector).every(([k, v]) => t.labels[k] === String(v) || hasPlaceholder(t.labels[k])))) return [];
		const closest = closestTemplate(templates, selector);
		// Nothing here shares a label with the selector, nor matches in another namespace: the pods are
		// most likely made outside this workspace (a Helm release, an add-on), not mislabelled.
		if (!closest && elsewhere.length === 0) return [];
		const wanted = Object.entries(selector).map(([k, v]) => `${k}=${String(v)}`).join(', ');
		const related: RelatedLocation[] = [];
		const fixes: Fix[] = [];
		let path: (string | number)[] = ['spec', 'selector'];
		let key = true;
		let closestText = { en: '', zh: '' };
		const differing = closest && Object.entries(selector).find(([k, v]) => closest.labels[k] !== String(v));
		if (closest && differing) {
			const [label, value] = differing;
			const has = Object.prototype.hasOwnProperty.call(closest.labels, label);
			const name = describeResource(closest.entry);
			path = ['spec', 'selector', label];
			key = !has;
			const difference = has
				? { en: `label ${label} is "${closest.labels[label]}", not "${String(value)}"`, zh: `标签 ${label} 的值是 "${closest.labels[label]}"，而不是 "${String(value)}"` }
				: missingLabel(label, String(value), closest.labels);
			closestText = { en: ` The closest is ${name}: ${difference.en}.`, zh: `最接近的是 ${name}：${difference.zh}。` };
			related.push(relatedAt(closest.entry, has ? [...closest.labelsPath, label] : closest.labelsPath, { en: `closest pod template, ${name}: ${difference.en}`, zh: `最接近的 Pod 模板 ${name}：${difference.zh}` }));
			const edit = has ? replaceValueEdit(entry.document, path, yamlString(closest.labels[label])) : undefined;
			if (edit && mismatches(selector, closest) === 1) {
				fixes.push({ title: { en: `Select ${label}: ${closest.labels[label]} (as ${name})`, zh: `改为选择 ${label}: ${closest.labels[label]}（与 ${name} 一致）` }, edits: [edit] });
			}
		}
		if (elsewhere.length > 0) {
			const other = elsewhere[0];
			closestText.en += ` ${describeResource(other.entry)} in namespace "${namespaceOf(other.entry, settings)}" matches, but a Service only selects pods of its own namespace.`;
			closestText.zh += `命名空间 "${namespaceOf(other.entry, settings)}" 中的 ${describeResource(other.entry)} 匹配，但 Service 只选择同一命名空间的 Pod。`;
		}
		for (const other of elsewhere.slice(0, 3)) {
			const ns = namespaceOf(other.entry, settings);
			related.push(
				relatedAt(other.entry, other.labelsPath, {
					en: `${describeResource(other.entry)} in namespace "${ns}" matches, but a Service only selects pods of its own namespace ("${scope.namespace}")`,
					zh: `命名空间 "${ns}" 中的 ${describeResource(other.entry)} 匹配，但 Service 只会选择同一命名空间（"${scope.namespace}"）的 Pod`,
				}),
			);
		}
		return [
			{
				path,
				key,
				message: {
					en: `No pod template in namespace "${scope.namespace}" has all the labels ${wanted}, so this Service gets no endpoints and connections to it fail.${closestText.en} A selector matches only pods that carry every one of its labels; make the selector and the pod template labels agree.`,
					zh: `命名空间 "${scope.namespace}" 中没有任何 Pod 模板同时带有标签 ${wanted}，因此该 Service 没有端点，连接会失败。${closestText.zh}selector 只匹配带有其全部标签的 Pod；请让 selector 与 Pod 模板的标签保持一致。`,
				},
				related,
				fixes,
			},
		];
	},
};

/**
 * The template that agrees with the most selector labels, then has the most of its keys, then
 * shares the most of its values under other keys, then has the values most like the wanted ones
 * (a typo); undefined when none shares a key or a value.
 */
function closestTemplate(templates: PodTemplate[], selector: Record<string, unknown>): PodTemplate | undefined {
	let best: PodTemplate | undefined;
	let bestScore = 0;
	const entries = Object.entries(selector).map(([k, v]) => [k, String(v)] as const);
	for (const template of templates) {
		const labels = template.labels;
		let score = 0;
		for (const [k, v] of entries) {
			const has = Object.prototype.hasOwnProperty.call(labels, k);
			if (labels[k] === v) score += 1_000_000;
			else if (has) score += 10_000 + Math.min(99, likeness(labels[k], v));
			else if (template.labelValues.includes(v)) score += 100;
		}
		if (score > bestScore) {
			best = template;
			bestScore = score;
		}
	}
	return best;
}

/** How alike two label values look: the length of their common start and end (a typo keeps most of both). */
function likeness(a: string, b: string): number {
	const limit = Math.min(a.length, b.length);
	let start = 0;
	while (start < limit && a[start] === b[start]) start++;
	let end = 0;
	while (end < limit - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
	return start + end;
}

function mismatches(selector: Record<string, unknown>, template: PodTemplate): number {
	return Object.entries(selector).filter(([k, v]) => template.labels[k] !== String(v)).length;
}

/** "label name is missing", naming a label of the template that has the wanted value under another key. */
function missingLabel(label: string, value: string, labels: Record<string, string>): { en: string; zh: string } {
	const twin = Object.entries(labels).find(([, v]) => v === value);
	if (!twin) return { en: `label ${label} is missing`, zh: `缺少标签 ${label}` };
	return { en: `label ${label} is missing (it has ${twin[0]}: ${value})`, zh: `缺少标签 ${label}（它有 ${twin[0]}: ${value}）` };
}
