import { NAME_SYNTAX } from '../schema/enforced';
import { lowerCaseFix, nameProblem, type NameSyntax } from '../schema/names';
import { PLACEHOLDER } from '../schema/validate';
import { containersOf } from './containers';
import { replaceScalar } from './findingParts';
import { podSpecOf } from './podSpec';
import { validationApplies } from './validationGate';
import type { Finding, Rule } from './types';

const SYNTAX_TEXT: Record<NameSyntax, { en: string; zh: string }> = {
	'dns1123-subdomain': { en: 'a DNS subdomain (RFC 1123)', zh: 'DNS 子域名（RFC 1123）' },
	'dns1123-label': { en: 'a DNS label (RFC 1123)', zh: 'DNS 标签（RFC 1123）' },
	'dns1035-label': { en: 'a DNS label starting with a letter (RFC 1035)', zh: '以字母开头的 DNS 标签（RFC 1035）' },
};

const CONTAINER_NAME = { en: 'container name', zh: '容器名' };

/** A resource or container name with a syntax the API server rejects (upper case, underscores, too long). */
export const nameInvalid: Rule = {
	id: 'name-invalid',
	severity: 'error',
	description: { en: 'A name the API server does not accept for this kind.', zh: 'API Server 不接受该类型使用的名称。' },
	local: true,
	check(context) {
		const { entry } = context;
		if (!validationApplies(context)) return [];
		const findings: Finding[] = [];
		// The path and what is named are made for a finding only: most names are valid.
		const check = (pathOf: () => (string | number)[], name: unknown, syntax: NameSyntax, whatOf: () => { en: string; zh: string }, max?: number) => {
			if (typeof name !== 'string' || name === '' || PLACEHOLDER.test(name)) return;
			const problem = nameProblem(name, syntax, max);
			if (!problem) return;
			const path = pathOf();
			const what = whatOf();
			const fixed = lowerCaseFix(name, syntax, max);
			const edit = fixed ? replaceScalar(entry.document, path, fixed) : undefined;
			findings.push({
				path,
				message: {
					en: `The API server rejects the ${what.en} "${name}" (Invalid value): it must be ${SYNTAX_TEXT[syntax].en}, and ${problem.en}. Use lower-case letters, digits and '-'${fixed ? `, e.g. "${fixed}"` : ''}.`,
					zh: `API Server 会拒绝${what.zh} "${name}"（Invalid value）：它必须是${SYNTAX_TEXT[syntax].zh}，而它${problem.zh}。请使用小写字母、数字和“-”${fixed ? `，例如 "${fixed}"` : ''}。`,
				},
				fixes: edit && fixed ? [{ title: { en: `Rename to "${fixed}"`, zh: `改名为 "${fixed}"` }, edits: [edit] }] : undefined,
			});
		};
		const rule = NAME_SYNTAX[entry.resource.kind];
		if (rule) check(() => ['metadata', 'name'], entry.resource.name, rule.syntax, () => ({ en: `${entry.resource.kind} name`, zh: ` ${entry.resource.kind} 名称` }), rule.max);
		const pod = podSpecOf(entry.resource);
		if (pod) for (const container of containersOf(pod)) check(() => [...container.path, 'name'], container.name, 'dns1123-label', () => CONTAINER_NAME);
		return findings;
	},
};
