import { isScalar } from 'yaml';
import { pairAtPath } from '../manifest/nodes';
import { nearest } from '../schema/suggest';
import { schemaIssues } from './schemaIssues';
import type { Finding, Rule } from './types';

/** A field the kind's schema does not have: kubectl's strict field validation rejects it. */
export const schemaUnknownField: Rule = {
	id: 'schema-unknown-field',
	severity: 'error',
	description: { en: 'A field the API schema of this kind does not have.', zh: '该类型的 API Schema 中没有的字段。' },
	local: true,
	check(context) {
		const findings: Finding[] = [];
		for (const { issue, version } of schemaIssues(context)) {
			if (issue.code !== 'unknown') continue;
			const where = issue.type.split('.').pop();
			const guess = nearest(issue.field, issue.known);
			const finding: Finding = {
				path: issue.path,
				key: true,
				message: {
					en: `The API server rejects the field "${issue.field}": ${where} has no such field in Kubernetes ${version} (kubectl apply answers 'unknown field "${issue.field}"'). ${guess ? `Did you mean "${guess}"? ` : ''}Correct the name, move it to the level it belongs to, or remove it.`,
					zh: `API Server 会拒绝字段 "${issue.field}"：Kubernetes ${version} 中的 ${where} 没有这个字段（kubectl apply 会报 unknown field "${issue.field}"）。${guess ? `是否想写 "${guess}"？` : ''}请改正名称、移到它所属的层级，或删除它。`,
				},
			};
			const key = pairAtPath(context.entry.document, issue.path)?.key;
			if (guess && isScalar(key) && key.range && key.type === 'PLAIN') {
				const start = context.entry.document.start + key.range[0];
				finding.fixes = [{ title: { en: `Rename to "${guess}"`, zh: `改名为 "${guess}"` }, preferred: true, edits: [{ start, end: context.entry.document.start + key.range[1], newText: guess }] }];
			}
			findings.push(finding);
		}
		return findings;
	},
};
