import { customSchemaOf } from '../schema/crd';
import { walkSchema, type SchemaIssue } from '../schema/validate';
import { listText, relatedAt } from './findingParts';
import { placeOfMissing } from './schemaRequired';
import { fieldOf, typeName, valueName } from './schemaIssues';
import { validationApplies } from './validationGate';
import type { Finding, Rule } from './types';

/** A custom resource that breaks the schema of the CustomResourceDefinition in the workspace that defines its kind. */
export const customResourceSchema: Rule = {
	id: 'custom-resource-schema',
	severity: 'error',
	description: { en: 'A custom resource that its CRD in the workspace rejects.', zh: '不符合工作区中 CRD Schema 的自定义资源。' },
	local: false,
	reads: ['CustomResourceDefinition'],
	check(context) {
		const { entry, index } = context;
		if (!validationApplies(context) || !entry.resource.apiVersion.includes('/')) return [];
		const custom = customSchemaOf(index, entry.resource.apiVersion, entry.resource.kind);
		if (!custom || index.isPartial(entry)) return [];
		const crdName = custom.crd.resource.name ?? entry.resource.kind;
		const issues = walkSchema(entry.resource.value, custom.root, { skipRoot: ['status'] });
		if (issues.length === 0) return [];
		const related = [relatedAt(custom.crd, ['spec', 'names', 'kind'], { en: `the CustomResourceDefinition ${crdName}`, zh: `CustomResourceDefinition ${crdName}` })];
		return issues.map((issue): Finding => {
			const what = describe(issue);
			const at = issue.code === 'required' ? placeOfMissing(entry.document, issue.path) : { path: issue.path, key: issue.code === 'unknown' };
			return {
				...at,
				message: {
					en: `The API server rejects this ${entry.resource.kind}: ${what.en} (schema of ${crdName}, version ${custom.version}). Fix the value, or the CRD if the schema is wrong.`,
					zh: `API Server 会拒绝这个 ${entry.resource.kind}：${what.zh}（${crdName} 的 ${custom.version} 版本 Schema）。请修正该值；若 Schema 有误，请修正 CRD。`,
				},
				related,
			};
		});
	},
};

function describe(issue: SchemaIssue): { en: string; zh: string } {
	switch (issue.code) {
		case 'unknown':
			return { en: `unknown field "${issue.field}"`, zh: `未知字段 "${issue.field}"` };
		case 'required':
			return { en: `the required field "${issue.field}" is missing`, zh: `缺少必填字段 "${issue.field}"` };
		case 'enum': {
			const list = listText(issue.allowed.map((v) => JSON.stringify(v)), true);
			return { en: `"${fieldOf(issue.path)}" must be ${list.en}, not ${JSON.stringify(issue.value)}`, zh: `"${fieldOf(issue.path)}" 必须是 ${list.zh}，而不是 ${JSON.stringify(issue.value)}` };
		}
		case 'type': {
			const expected = typeName(issue.expected);
			const got = valueName(issue.value);
			return { en: `"${fieldOf(issue.path)}" must be ${expected.en}, not ${got.en}`, zh: `"${fieldOf(issue.path)}" 必须是${expected.zh}，而不是${got.zh}` };
		}
		case 'limit': {
			const en: Record<typeof issue.limit, string> = { minimum: 'at least', maximum: 'at most', minLength: 'at least this many characters:', maxLength: 'at most this many characters:', pattern: 'matching the pattern' };
			const zh: Record<typeof issue.limit, string> = { minimum: '不小于', maximum: '不大于', minLength: '字符数不少于', maxLength: '字符数不多于', pattern: '匹配模式' };
			return { en: `"${fieldOf(issue.path)}" must be ${en[issue.limit]} ${issue.bound}, not ${JSON.stringify(issue.value)}`, zh: `"${fieldOf(issue.path)}" 必须${zh[issue.limit]} ${issue.bound}，而不是 ${JSON.stringify(issue.value)}` };
		}
	}
}
