/*
 * The name syntaxes the API server checks (k8s.io/apimachinery/pkg/util/validation): DNS-1123
 * subdomains and labels, DNS-1035 labels, IANA service names, qualified names and label values.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export type NameSyntax = 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label';

/** Why a name breaks a syntax (a short English and Chinese phrase), or undefined when it is valid. */
export function nameProblem(name: string, syntax: NameSyntax, maxLength?: number): { en: string; zh: string } | undefined {
	const max = maxLength ?? (syntax === 'dns1123-subdomain' ? 253 : 63);
	if (name.length > max) return { en: `it is ${name.length} characters long, the limit is ${max}`, zh: `长度为 ${name.length} 个字符，上限是 ${max}` };
	const pattern = syntax === 'dns1123-label' ? DNS1123_LABEL : syntax === 'dns1035-label' ? DNS1035_LABEL : DNS1123_SUBDOMAIN;
	if (pattern.test(name)) return undefined;
	if (/[A-Z]/.test(name)) return { en: 'it has upper-case letters', zh: '含有大写字母' };
	if (syntax === 'dns1035-label' && /^[0-9]/.test(name)) return { en: 'it must start with a letter', zh: '必须以字母开头' };
	if (syntax !== 'dns1123-subdomain' && name.includes('.')) return { en: 'it may not contain dots', zh: '不能含有点号' };
	return { en: "only lower-case letters, digits and '-' are allowed, starting and ending with a letter or digit", zh: '只能包含小写字母、数字和“-”，并以字母或数字开头和结尾' };
}

/** A valid lower-case form of a name, when lower-casing alone fixes it. */
export function lowerCaseFix(name: string, syntax: NameSyntax, maxLength?: number): string | undefined {
	const lower = name.toLowerCase().replace(/_/g, '-');
	return lower !== name && !nameProblem(lower, syntax, maxLength) ? lower : undefined;
}

/** Keys most manifests use (`app`, `app.kubernetes.io/name`): valid at a glance. */
const PLAIN_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Why a label or annotation key is invalid (`prefix/name`), or undefined. */
export function qualifiedNameProblem(key: string): { en: string; zh: string } | undefined {
	if (key.length <= 253 && PLAIN_KEY.test(key)) return undefined;
	const parts = key.split('/');
	if (parts.length > 2) return { en: "it may have at most one '/'", zh: '最多只能有一个“/”' };
	const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
	if (prefix !== undefined) {
		if (prefix.length === 0) return { en: "the prefix before '/' is empty", zh: '“/”前的前缀为空' };
		const problem = nameProblem(prefix, 'dns1123-subdomain');
		if (problem) return { en: `its prefix "${prefix}" is not a DNS subdomain: ${problem.en}`, zh: `其前缀 "${prefix}" 不是 DNS 子域名：${problem.zh}` };
	}
	if (name.length === 0) return { en: 'the name part is empty', zh: '名称部分为空' };
	if (name.length > 63) return { en: `the name part is ${name.length} characters long, the limit is 63`, zh: `名称部分长度为 ${name.length} 个字符，上限是 63` };
	if (!QUALIFIED_NAME.test(name)) return { en: "the name part may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit", zh: '名称部分只能包含字母、数字、“-”、“_”和“.”，并以字母或数字开头和结尾' };
	return undefined;
}

/** Why a label value is invalid, or undefined. */
export function labelValueProblem(value: string): { en: string; zh: string } | undefined {
	if (value.length > 63) return { en: `it is ${value.length} characters long, the limit is 63`, zh: `长度为 ${value.length} 个字符，上限是 63` };
	if (!LABEL_VALUE.test(value)) return { en: "it may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit", zh: '只能包含字母、数字、“-”、“_”和“.”，并以字母或数字开头和结尾' };
	return undefined;
}

/** Why a container port name is not an IANA service name, or undefined. */
export function portNameProblem(name: string): { en: string; zh: string } | undefined {
	if (name.length > 15) return { en: `it is ${name.length} characters long, the limit is 15`, zh: `长度为 ${name.length} 个字符，上限是 15` };
	if (!/^[-a-z0-9]+$/.test(name)) return { en: "only lower-case letters, digits and '-' are allowed", zh: '只能包含小写字母、数字和“-”' };
	if (!/[a-z]/.test(name)) return { en: 'it must contain at least one letter', zh: '必须至少含有一个字母' };
	if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return { en: "it may not start or end with '-' or hold '--'", zh: '不能以“-”开头或结尾，也不能含有“--”' };
	return undefined;
}
