import { isScalar } from 'yaml';
import { nodeAtPath } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import { fieldOf, typeName, valueName, schemaIssues } from './schemaIssues';
import type { Finding, Fix, Rule } from './types';

/** A value of the wrong type (a string where an integer belongs): the API server cannot decode it. */
export const schemaType: Rule = {
	id: 'schema-type',
	severity: 'error',
	description: { en: 'A value whose type the API schema does not accept.', zh: '类型不被 API Schema 接受的值。' },
	local: true,
	check(context) {
		const findings: Finding[] = [];
		for (const { issue, version } of schemaIssues(context)) {
			if (issue.code !== 'type') continue;
			const field = fieldOf(issue.path);
			const expected = typeName(issue.expected);
			const got = valueName(issue.value);
			const badQuantity = issue.expected === 'q' && typeof issue.value === 'string';
			const hint = badQuantity
				? { en: 'Write a number with an optional suffix (m, k, M, G, Ki, Mi, Gi...).', zh: '请写数字加可选后缀（m、k、M、G、Ki、Mi、Gi……）。' }
				: issue.expected === 's' && (typeof issue.value === 'number' || typeof issue.value === 'boolean')
					? { en: 'Quote the value to make it a string.', zh: '请给值加上引号，使它成为字符串。' }
					: typeof issue.value === 'string' && /^-?\d+$/.test(issue.value) && (issue.expected === 'n' || issue.expected === 'i')
						? { en: 'Remove the quotes.', zh: '请去掉引号。' }
						: { en: `Write ${expected.en} here.`, zh: `请在此处写${expected.zh}。` };
			findings.push({
				path: issue.path,
				message: {
					en: `The API server rejects ${got.en} for "${field}": it must be ${expected.en} in Kubernetes ${version}${badQuantity ? ', and this is not a valid quantity' : ''}. ${hint.en}`,
					zh: `API Server 会拒绝 "${field}" 的值${got.zh}：在 Kubernetes ${version} 中它必须是${expected.zh}${badQuantity ? '，而这不是有效的数量' : ''}。${hint.zh}`,
				},
				fixes: typeFix(context.entry.document, issue.path, issue.expected, issue.value),
			});
		}
		return findings;
	},
};

/** Safe rewrites: quote a number or boolean where a string belongs; unquote digits where an integer belongs. */
function typeFix(document: ManifestDocument, path: NodePath, expected: string, value: unknown): Fix[] | undefined {
	const node = nodeAtPath(document, path);
	if (!isScalar(node) || !node.range) return undefined;
	const [start, end] = [document.start + node.range[0], document.start + node.range[1]];
	const source = document.text.slice(node.range[0], node.range[1]);
	if (expected === 's' && node.type === 'PLAIN' && (typeof value === 'number' || typeof value === 'boolean') && !source.includes('"')) {
		return [{ title: { en: `Quote it: "${source}"`, zh: `加引号："${source}"` }, preferred: true, edits: [{ start, end, newText: `"${source}"` }] }];
	}
	if ((expected === 'n' || expected === 'i') && typeof value === 'string' && /^-?\d+$/.test(value) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
		return [{ title: { en: `Write the number ${value}`, zh: `改为数字 ${value}` }, preferred: true, edits: [{ start, end, newText: value }] }];
	}
	return undefined;
}
