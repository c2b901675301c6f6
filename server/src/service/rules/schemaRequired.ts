import { isMap, isScalar } from 'yaml';
import { nodeAtPath } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import { fieldOf, schemaIssues } from './schemaIssues';
import type { Finding, Rule } from './types';

/** A field the API server requires and the manifest leaves out (a container without `name`). */
export const schemaRequired: Rule = {
	id: 'schema-required',
	severity: 'error',
	description: { en: 'A required field is missing.', zh: '缺少必填字段。' },
	local: true,
	check(context) {
		const findings: Finding[] = [];
		for (const { issue, version } of schemaIssues(context)) {
			if (issue.code !== 'required') continue;
			const where = issue.type.split('.').pop();
			const at = placeOfMissing(context.entry.document, issue.path);
			const owner = issue.path.length ? fieldOf(issue.path) : context.entry.resource.kind;
			findings.push({
				...at,
				message: {
					en: `The API server rejects this ${where}: the required field "${issue.field}" is missing under "${owner}" (Required value, Kubernetes ${version}). Add "${issue.field}".`,
					zh: `API Server 会拒绝这个 ${where}："${owner}" 下缺少必填字段 "${issue.field}"（Required value，Kubernetes ${version}）。请添加 "${issue.field}"。`,
				},
			});
		}
		return findings;
	},
};

/**
 * Where to show a field missing from the object at `path`: the object's first key (one line, inside
 * the object), else the object's own key, else `kind` for the document root.
 */
export function placeOfMissing(document: ManifestDocument, path: NodePath): { path: NodePath; key?: boolean } {
	const node = path.length === 0 ? undefined : nodeAtPath(document, path);
	const first = isMap(node) && node.flow !== true ? node.items[0]?.key : undefined;
	if (isScalar(first)) return { path: [...path, String(first.value)], key: true };
	if (path.length === 0) return { path: ['kind'] };
	return typeof path[path.length - 1] === 'number' ? { path } : { path, key: true };
}
