import type { Localized } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import { relatedAt } from './findingParts';
import { valueAt } from './podSpec';
import type { Finding, Rule } from './types';
import { validationApplies } from './validationGate';
import { hasPlaceholders, kustomizeMayAddLabels, SELECTOR_KINDS, selectorOf } from './workloadSelector';

const LABELS_PATH = ['spec', 'template', 'metadata', 'labels'];

/** What of a workload's selector misses its template labels, worked out once per resource value. */
interface Analysis {
	failures: { path: NodePath; key: boolean; what: Localized }[];
	labels: Map<string, string>;
	labelsMissing: boolean;
}

const analysed = new WeakMap<object, Analysis | null>();

/** A workload whose selector does not select its own template's labels: the API server rejects it. */
export const workloadSelectorMismatch: Rule = {
	id: 'workload-selector-mismatch',
	severity: 'error',
	description: { en: "A workload's selector does not match its template labels.", zh: '工作负载的选择算符与其模板标签不匹配。' },
	kinds: SELECTOR_KINDS,
	// Not local: a kustomization beside the workload may add the labels.
	local: false,
	reads: [],
	check(context) {
		const { entry, settings, index } = context;
		if (!validationApplies(context)) return [];
		let analysis = analysed.get(entry.resource.value);
		if (analysis === undefined) analysed.set(entry.resource.value, (analysis = analyse(entry)));
		if (!analysis || analysis.failures.length === 0) return [];
		if (analysis.labelsMissing && kustomizeMayAddLabels(index, entry.uri)) return [];
		const related = [relatedAt(entry, analysis.labelsMissing ? ['spec', 'template'] : LABELS_PATH, { en: 'the template labels', zh: '模板标签' }, analysis.labelsMissing)];
		const shown = [...analysis.labels].map(([k, v]) => `${k}: ${v}`).join(', ') || (settings.language === 'zh' ? '无' : 'none');
		return analysis.failures.map(
			({ path, key, what }): Finding => ({
				path,
				key,
				message: {
					en: `The API server rejects this ${entry.resource.kind}: "selector does not match template labels". ${what.en} (template labels: ${shown}). Make the selector and spec.template.metadata.labels agree; the selector of an existing workload cannot be changed, so usually fix the template labels.`,
					zh: `API Server 会拒绝这个 ${entry.resource.kind}："selector does not match template labels"。${what.zh}（模板标签：${shown}）。请让选择算符与 spec.template.metadata.labels 一致；已有工作负载的选择算符不能修改，通常应修改模板标签。`,
				},
				related,
			}),
		);
	},
};

/** The selector entries the template labels do not satisfy; null when there is nothing to judge. */
function analyse(entry: IndexedResource): Analysis | null {
	const selector = selectorOf(entry);
	if (!selector || hasPlaceholders(selector)) return null;
	const rawLabels = valueAt(entry.resource.value, LABELS_PATH);
	const labelsMissing = rawLabels === undefined || rawLabels === null;
	if ((!labelsMissing && !isRecord(rawLabels)) || hasPlaceholders(rawLabels)) return null;
	const labels = new Map(Object.entries(isRecord(rawLabels) ? rawLabels : {}).map(([k, v]) => [k, String(v)]));
	const failures: Analysis['failures'] = [];
	for (const [key, value] of Object.entries(selector.matchLabels)) {
		const actual = labels.get(key);
		if (actual === String(value)) continue;
		failures.push({
			path: [...selector.matchLabelsPath, key],
			key: actual === undefined,
			what:
				actual === undefined
					? { en: `The selector asks for the label ${key}, which the template does not have.`, zh: `选择算符要求标签 ${key}，而模板没有这个标签。` }
					: { en: `The selector asks for ${key}: ${String(value)}, the template has ${key}: ${actual}.`, zh: `选择算符要求 ${key}: ${String(value)}，模板中却是 ${key}: ${actual}。` },
		});
	}
	for (const e of selector.expressions) {
		const actual = labels.get(e.key);
		const ok =
			e.operator === 'In' ? actual !== undefined && e.values.includes(actual)
			: e.operator === 'NotIn' ? actual === undefined || !e.values.includes(actual)
			: e.operator === 'Exists' ? actual !== undefined
			: e.operator === 'DoesNotExist' ? actual === undefined
			: true; // an unknown operator is a schema-enum error
		if (!ok) failures.push({ path: [...e.path, 'key'], key: false, what: { en: `The expression ${e.key} ${e.operator} [${e.values.join(', ')}] does not hold for the template labels.`, zh: `表达式 ${e.key} ${e.operator} [${e.values.join(', ')}] 对模板标签不成立。` } });
	}
	return { failures, labels, labelsMissing };
}
