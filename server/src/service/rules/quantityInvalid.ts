import { isScalar } from 'yaml';
import { both } from '../l10n/text';
import { nodeAtPath } from '../manifest/nodes';
import type { ManifestDocument } from '../manifest/types';
import { describeQuantity, isByteResource, parseQuantity, quantitySuggestions } from '../storage/quantity';
import { QUANTITY_KINDS, quantityFields, type QuantityField } from './quantityFields';
import type { Finding, Fix, Rule } from './types';
import { replaceScalar } from './findingParts';

const INVALID = {
	en: '"{0}" is not a quantity Kubernetes accepts for {1}, so the API server rejects this {2}. A quantity is a number with an optional suffix, no space, case-sensitive: k, M, G, T, P, E (powers of 1000), Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), m (thousandths) or an exponent (1e3). ',
	zh: '"{0}" 不是 Kubernetes 认可的 {1} 数量格式，API Server 会拒绝这个 {2}。数量是一个数字加可选后缀，中间不能有空格，区分大小写：k、M、G、T、P、E（1000 的幂），Ki、Mi、Gi、Ti、Pi、Ei（1024 的幂），m（千分之一）或指数（1e3）。',
};
const SUGGEST = { en: 'Write {0}.', zh: '请改为 {0}。' };
const NO_SUGGESTION = { en: 'Write it as, for example, 512Mi, 10Gi or 500m.', zh: '例如写成 512Mi、10Gi 或 500m。' };
const NEGATIVE = {
	en: '{0} is negative: the API server rejects a negative {1}, so this {2} is not accepted. Use 0 or a positive amount.',
	zh: '{0} 是负数：API Server 不接受负的 {1}，这个 {2} 会被拒绝。请使用 0 或正数。',
};
const MILLI_BYTES = {
	en: '"{0}" means {1} thousandths of a byte: the lowercase m suffix is milli, not mega. The API server accepts it, but that is next to no {2} at all, surely not what was meant: the workload or claim will not get the space it needs. Write {3}.',
	zh: '"{0}" 表示 {1} 个千分之一字节：小写 m 后缀是"毫"，不是"兆"。API Server 会接受，但这样的 {2} 几乎为零，肯定不是本意：工作负载或申领得不到所需空间。请改为 {3}。',
};
const FIX_TITLE = { en: 'Change to {0}', zh: '改为 {0}' };
const FIX_TITLE_EXPLAINED = { en: 'Change to {0} ({1} bytes)', zh: '改为 {0}（{1} 字节）' };

// Plain scalars that YAML 1.1 (what kubectl reads) takes as numbers even where YAML 1.2 sees strings.
const YAML11_NUMBER = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+][0-9]+)?|\.[0-9_]+([eE][-+][0-9]+)?)$/;

/** A storage, CPU, memory or other resource quantity the API server rejects: "10GB", "1.5 Gi", "10gi". */
export const quantityInvalid: Rule = {
	id: 'quantity-invalid',
	severity: 'error',
	local: true,
	description: { en: 'A resource quantity that Kubernetes rejects.', zh: 'Kubernetes 不接受的资源数量。' },
	kinds: QUANTITY_KINDS,
	check({ entry }) {
		const findings: Finding[] = [];
		for (const field of quantityFields(entry.resource)) {
			const finding = checkField(entry.document, field, entry.resource.kind);
			if (finding) findings.push(finding);
		}
		return findings;
	},
};

/** Judges one quantity from its value; the YAML tree is read only for what needs it (quoting, fixes). */
function checkField(document: ManifestDocument, field: QuantityField, kind: string): Finding | undefined {
	const { value, resourceName: name } = field;
	if (value === null || value === undefined || typeof value === 'object') return undefined;
	if (typeof value === 'number') return value < 0 && name !== 'sizeLimit' ? negative(document, field, kind) : undefined;
	const text = String(value);
	const parsed = parseQuantity(text);
	if (!parsed) {
		// YAML 1.1, which kubectl reads, takes some plain scalars (1_000, 0x1F) as numbers.
		const node = nodeAtPath(document, field.path);
		if (isScalar(node) && node.type === 'PLAIN' && typeof value === 'string' && YAML11_NUMBER.test(text)) {
			return text.trim().startsWith('-') && Number(text.replace(/_/g, '')) !== 0 && name !== 'sizeLimit' ? negative(document, field, kind) : undefined;
		}
		const suggestions = quantitySuggestions(text, name);
		const hint = suggestions.length ? both(SUGGEST, suggestions.join(' / ')) : NO_SUGGESTION;
		const message = both(INVALID, text, name, kind);
		return {
			path: field.path,
			message: { en: `${message.en}${hint.en}`, zh: `${message.zh}${hint.zh}` },
			fixes: fixes(document, field, suggestions),
		};
	}
	if (parsed.negative && name !== 'sizeLimit') return negative(document, field, kind);
	if (parsed.suffix === 'm' && isByteResource(name) && parsed.value !== 0) {
		const suggestions = quantitySuggestions(text, name);
		return { path: field.path, severity: 'warning', message: both(MILLI_BYTES, text.trim(), text.trim().slice(0, -1), name, suggestions.join(' / ')), fixes: fixes(document, field, suggestions) };
	}
	return undefined;
}

function negative(document: ManifestDocument, field: QuantityField, kind: string): Finding {
	const node = nodeAtPath(document, field.path);
	const text = isScalar(node) && node.source !== undefined ? String(node.source) : String(field.value);
	return { path: field.path, message: both(NEGATIVE, text, field.resourceName, kind) };
}

function fixes(document: ManifestDocument, field: QuantityField, suggestions: string[]): Fix[] {
	const out: Fix[] = [];
	for (const suggestion of suggestions) {
		const edit = replaceScalar(document, field.path, suggestion);
		if (!edit) continue;
		const described = describeQuantity(suggestion);
		const title = described === suggestion || !isByteResource(field.resourceName) ? both(FIX_TITLE, suggestion) : both(FIX_TITLE_EXPLAINED, suggestion, described);
		out.push({ title, edits: [edit], preferred: suggestions.length === 1 });
	}
	return out;
}
