import { isRecord } from '../manifest/parse';
import { relatedAt } from './findingParts';
import { valueAt } from './podSpec';
import { validationApplies } from './validationGate';
import type { Finding, Rule } from './types';
import { hasPlaceholders, kustomizeMayAddLabels, SELECTOR_KINDS, selectorOf } from './workloadSelector';

/** A workload whose selector does not select its own template's labels: the API server rejects it. */
export const workloadSelectorMismatch: Rule = {
	id: 'workload-selector-mismatch',
	severity: 'error',
	description: { en: "A workload's selector does not match its template labels.", zh: '工作负载的选择器与其模板标签不匹配。' },
	kinds: SELECTOR_KINDS,
	local: false,
	check(context) {
		const { entry, settings, index } = context;
		if (!validationApplies(context)) return [];
		const selector = selectorOf(entry);
		if (!selector || hasPlaceholders(selector)) return [];
		const rawLabels = valueAt(entry.resource.value, ['spec', 'template', 'metadata', 'labels']);
		if (rawLabels !== undefined && rawLabels !== null && !isRecord(rawLabels)) return [];
		if (hasPlaceholders(rawLabels)) return [];
		if ((rawLabels === undefined || rawLabels === null) && kustomizeMayAddLabels(index, entry.uri)) return [];
		const labels = new Map(Object.entries(isRecord(rawLabels) ? rawLabels : {}).map(([k, v]) => [k, String(v)]));
		const labelsPath = ['spec', 'template', 'metadata', 'labels'];
		const where = isRecord(rawLabels) ? labelsPath : ['spec', 'template'];
		// Ranges need the full parse of the document: only worked out for a finding.
		const related = () => [relatedAt(entry, where, { en: 'the template labels', zh: '模板标签' }, !isRecord(rawLabels))];
		const shown = [...labels].map(([k, v]) => `${k}: ${v}`).join(', ') || (settings.language === 'zh' ? '无' : 'none');
		const findings: Finding[] = [];
		const fail = (path: (string | number)[], key: boolean, what: { en: string; zh: string }) =>
			findings.push({
				path,
				key,
				message: {
					en: `The API server rejects this ${entry.resource.kind}: "selector does not match template labels". ${what.en} (template labels: ${shown}). Make the selector and spec.template.metadata.labels agree; the selector of an existing workload cannot be changed, so usually fix the template labels.`,
					zh: `API Server 会拒绝这个 ${entry.resource.kind}："selector does not match template labels"。${what.zh}（模板标签：${shown}）。请让选择器与 spec.template.metadata.labels 一致；已有工作负载的选择器不能修改，通常应修改模板标签。`,
				},
				related: related(),
			});
		for (const [key, value] of Object.entries(selector.matchLabels)) {
			const actual = labels.get(key);
			if (actual === String(value)) continue;
			fail([...selector.matchLabelsPath, key], actual === undefined, {
				en: actual === undefined ? `The selector asks for the label ${key}, which the template does not have.` : `The selector asks for ${key}: ${String(value)}, the template has ${key}: ${actual}.`,
				zh: actual === undefined ? `选择器要求标签 ${key}，而模板没有这个标签。` : `选择器要求 ${key}: ${String(value)}，模板中却是 ${key}: ${actual}。`,
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
			if (!ok) fail([...e.path, 'key'], false, { en: `The expression ${e.key} ${e.operator} [${e.values.join(', ')}] does not hold for the template labels.`, zh: `表达式 ${e.key} ${e.operator} [${e.values.join(', ')}] 对模板标签不成立。` });
		}
		return findings;
	},
};
