import { isScalar } from 'yaml';
import { pairAtPath } from '../manifest/nodes';
import { nearest } from '../schema/suggest';
import { versionAtLeast } from '../settings';
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
			const target = context.settings.kubernetesVersion;
			// The newest built-in schema is older than the target: the field may be one a later release added, so it is not certain to be rejected.
			const older = !versionAtLeast(version, target);
			const finding: Finding = {
				path: issue.path,
				key: true,
				severity: older ? 'warning' : undefined,
				message: older ? {
					en: `${where} has no field "${issue.field}" in Kubernetes ${version}, the newest API schema built in; your target ${target} may have added it. If not, the API server rejects it (unknown field "${issue.field}"). ${guess ? `Did you mean "${guess}"? ` : ''}Check the name against the API reference of ${target}.`,
					zh: `在内置的最新 API Schema（Kubernetes ${version}）中，${where} 没有字段 "${issue.field}"；目标版本 ${target} 可能新增了它。若没有，API Server 会拒绝它（unknown field "${issue.field}"）。${guess ? `是否想写 "${guess}"？` : ''}请对照 ${target} 的 API 参考检查名称。`,
				} : {
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
