import type { Language, Localized } from '../knowledge/types';
import { FACT_PHRASES_ZH } from './factPhrases';
import { factName, hasFactName } from './knowledge';
import { format, t } from './text';

/** Words of enumerated fact values (knowledge/FORMAT.md), as a reader says them. */
const VALUE_TEXT: Record<string, Localized> = {
	overlay: { en: 'overlay', zh: '覆盖网络' },
	underlay: { en: 'underlay', zh: '底层网络' },
	both: { en: 'overlay or underlay', zh: '覆盖或底层网络' },
	'virtual-network': { en: 'independent virtual network', zh: '独立虚拟网络' },
	'enterprise-network': { en: 'extends the data-centre network', zh: '延伸企业网络' },
	none: { en: 'none', zh: '无' },
	partial: { en: 'partly', zh: '部分' },
	experimental: { en: 'experimental', zh: '实验性' },
	linux: { en: 'Linux', zh: 'Linux' },
	Filesystem: { en: 'Filesystem', zh: '文件系统' },
	Block: { en: 'Block', zh: '块设备' },
	// Fact keys a comparison table is drawn from (compareBy), as the table's column headings read.
	networkPolicy: { en: 'NetworkPolicy', zh: 'NetworkPolicy' },
	network: { en: 'data path', zh: '数据路径' },
	encryption: { en: 'encryption', zh: '加密' },
	dualStack: { en: 'dual-stack', zh: '双栈' },
	windows: { en: 'Windows', zh: 'Windows' },
	accessModes: { en: 'access modes', zh: '访问模式' },
	volumeModes: { en: 'volume modes', zh: '卷模式' },
	snapshots: { en: 'snapshots', zh: '快照' },
	expansion: { en: 'expansion', zh: '卷扩容' },
	topology: { en: 'topology', zh: '拓扑感知' },
};

const YES: Localized = { en: 'yes', zh: '是' };
const NO: Localized = { en: 'no', zh: '否' };

/** Whether a value is a `{ en, zh }` pair: facts whose words differ by language are written so. */
export function isLocalizedValue(value: unknown): value is Localized {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 2 && keys.every((k) => (k === 'en' || k === 'zh') && typeof (value as Record<string, unknown>)[k] === 'string');
}

/** Names of the members of record facts (kops `clouds`, `internalAnnotations`) whose keys are not names a reader knows. */
const MEMBER_TEXT: Record<string, Localized> = {
	ga: { en: 'GA', zh: '正式支持' },
	beta: { en: 'beta', zh: 'Beta' },
	alpha: { en: 'alpha', zh: 'Alpha' },
	aws: { en: 'AWS (in-tree)', zh: 'AWS（树内）' },
	awsLoadBalancerController: { en: 'AWS Load Balancer Controller', zh: 'AWS Load Balancer Controller' },
	gke: { en: 'GKE', zh: 'GKE' },
	azure: { en: 'Azure', zh: 'Azure' },
	alibaba: { en: 'Alibaba Cloud', zh: '阿里云' },
};

/** Records whose members read as a sentence rather than "key: value" (etcd's `faultTolerance`). */
const MEMBER_SENTENCES: Record<string, Localized> = {
	faultTolerance: { en: '{0} member(s): {1} may fail', zh: '{0} 个成员：可容忍 {1} 个故障' },
};

/** Records with one of these members (apiVersions' `version`) are headed by it. */
const HEAD_MEMBERS = ['version', 'name', 'id'];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLocalizedValue(value);
}

/** A fact name inside a line: "Deprecated in" reads "deprecated in" (acronyms such as API stay). */
function inLine(name: string): string {
	return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** One record on one line: `policy/v1beta1 — deprecated in 1.21, removed in 1.25`. */
function recordLine(record: Record<string, unknown>, language: Language): string {
	const head = HEAD_MEMBERS.find((k) => typeof record[k] === 'string');
	const rest = Object.entries(record)
		.filter(([k]) => k !== head)
		.map(([k, v]) => `${inLine(factName(k, language))} ${factValueText(v, language)}`)
		.join(language === 'zh' ? '，' : ', ');
	const first = head ? String(record[head]) : '';
	return first && rest ? `${first} — ${rest}` : first || rest;
}

/**
 * A fact value as lines for a reader: a record (`{ ga: [AWS, GCP], beta: [...] }`) one line per
 * member, a list of records (apiVersions) one line per record, anything else one line.
 */
export function factValueLines(value: unknown, language: Language, key?: string): string[] {
	if (Array.isArray(value) && value.some(isRecord)) return value.map((v) => (isRecord(v) ? recordLine(v, language) : factValueText(v, language)));
	if (!isRecord(value)) return [factValueText(value, language)];
	const sentence = key === undefined ? undefined : MEMBER_SENTENCES[key];
	return Object.entries(value).map(([k, v]) => {
		if (sentence) return format(t(sentence, language), k, factValueText(v, language));
		const name = MEMBER_TEXT[k] ? t(MEMBER_TEXT[k], language) : hasFactName(k) ? factName(k, language) : k;
		return `${name}${language === 'zh' ? '：' : ': '}${factValueText(v, language)}`;
	});
}

/** A fact value as plain text in a language: yes/no, known words translated, lists joined, records member by member. */
export function factValueText(value: unknown, language: Language, key?: string): string {
	if (typeof value === 'boolean') return t(value ? YES : NO, language);
	if (value === null || value === undefined) return '';
	if (isLocalizedValue(value)) return t(value, language);
	if (isRecord(value) || (Array.isArray(value) && value.some(isRecord))) return factValueLines(value, language, key).join(language === 'zh' ? '；' : '; ');
	if (Array.isArray(value)) return value.map((v) => factValueText(v, language)).join(language === 'zh' ? '、' : ', ');
	const known = VALUE_TEXT[String(value)];
	if (known) return t(known, language);
	return (language === 'zh' && FACT_PHRASES_ZH[String(value)]) || String(value);
}
