import { nearest } from '../schema/suggest';
import { listText, replaceScalar } from './findingParts';
import { fieldOf, schemaIssues } from './schemaIssues';
import type { Finding, Rule } from './types';

/** A value outside the set the API server accepts (`protocol: TCPP`). */
export const schemaEnum: Rule = {
	id: 'schema-enum',
	severity: 'error',
	description: { en: 'A value the API server does not support for this field.', zh: 'API Server 不支持该字段取这个值。' },
	local: true,
	check(context) {
		const findings: Finding[] = [];
		for (const { issue, version } of schemaIssues(context)) {
			if (issue.code !== 'enum') continue;
			const field = fieldOf(issue.path);
			const allowed = issue.allowed.map(String);
			const guess = typeof issue.value === 'string' ? nearest(issue.value, allowed) : undefined;
			const list = listText(allowed.map((v) => `"${v}"`), true);
			const edit = guess ? replaceScalar(context.entry.document, issue.path, guess) : undefined;
			findings.push({
				path: issue.path,
				message: {
					en: `The API server rejects "${String(issue.value)}" for "${field}" (Unsupported value): Kubernetes ${version} accepts ${list.en}. ${guess ? `Did you mean "${guess}"?` : 'Use one of them.'}`,
					zh: `API Server 会拒绝 "${field}" 取 "${String(issue.value)}"（Unsupported value）：Kubernetes ${version} 只接受 ${list.zh}。${guess ? `是否想写 "${guess}"？` : '请改用其中之一。'}`,
				},
				fixes: edit && guess ? [{ title: { en: `Change to "${guess}"`, zh: `改为 "${guess}"` }, preferred: true, edits: [edit] }] : undefined,
			});
		}
		return findings;
	},
};
