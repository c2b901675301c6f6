import { isRecord } from '../manifest/parse';
import { validationApplies } from './validationGate';
import type { NodePath } from '../manifest/types';
import { labelValueProblem, qualifiedNameProblem } from '../schema/names';
import { PLACEHOLDER } from '../schema/validate';
import { valueAt } from './podSpec';
import type { Finding, Rule } from './types';

/** Where labels and annotations live: the resource's own metadata and its pod and job templates. */
const METADATA_PATHS: NodePath[] = [['metadata'], ['spec', 'template', 'metadata'], ['template', 'metadata'], ['spec', 'jobTemplate', 'metadata'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata']];

const LABEL = { key: { en: 'label key', zh: '标签键' }, value: { en: 'label value', zh: '标签值' } };
const ANNOTATION = { key: { en: 'annotation key', zh: '注解键' }, value: LABEL.value };

/** The maps the rule reads, in the order it reports them; `values`: label values are checked too. */
const MAPS: { path: NodePath; values: boolean; what: typeof LABEL }[] = [
	...METADATA_PATHS.flatMap((metadata) => [
		{ path: [...metadata, 'labels'], values: true, what: LABEL },
		{ path: [...metadata, 'annotations'], values: false, what: ANNOTATION },
	]),
	{ path: ['spec', 'selector', 'matchLabels'], values: true, what: LABEL },
];

/** A label key or value, or an annotation key, with a syntax the API server rejects. */
export const labelInvalid: Rule = {
	id: 'label-invalid',
	severity: 'error',
	description: { en: 'A label or annotation the API server does not accept.', zh: 'API Server 不接受的标签或注解。' },
	local: true,
	check(context) {
		const { entry } = context;
		if (!validationApplies(context)) return [];
		// Most resources have nothing to report: findings are made only for a problem found.
		let findings: Finding[] | undefined;
		const report = (path: NodePath, key: boolean, what: { en: string; zh: string }, text: string, problem: { en: string; zh: string }) =>
			(findings ??= []).push({
				path,
				key,
				message: {
					en: `The API server rejects the ${what.en} "${text}" (Invalid value): ${problem.en}. Labels are at most 63 characters of letters, digits, '-', '_' and '.', keys may have a DNS-subdomain prefix and a '/'.`,
					zh: `API Server 会拒绝${what.zh} "${text}"（Invalid value）：${problem.zh}。标签最多 63 个字符，只能包含字母、数字、“-”、“_”和“.”；键可以带 DNS 子域名前缀和“/”。`,
				},
			});
		for (const { path, values, what } of MAPS) {
			const map = valueAt(entry.resource.value, path);
			if (!isRecord(map)) continue;
			for (const key of Object.keys(map)) {
				if (PLACEHOLDER.test(key)) continue;
				const keyProblem = qualifiedNameProblem(key);
				if (keyProblem) report([...path, key], true, what.key, key, keyProblem);
				const value = map[key];
				if (!values || typeof value !== 'string' || PLACEHOLDER.test(value)) continue;
				const valueProblem = labelValueProblem(value);
				if (valueProblem) report([...path, key], false, what.value, value, valueProblem);
			}
		}
		return findings ?? [];
	},
};
