import type { Language, Localized } from '../knowledge/types';
import { FACT_PHRASES_ZH } from './factPhrases';
import { t } from './text';

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

/** A fact value as plain text in a language: yes/no, known words translated, lists joined. */
export function factValueText(value: unknown, language: Language): string {
	if (typeof value === 'boolean') return t(value ? YES : NO, language);
	if (value === null || value === undefined) return '';
	if (isLocalizedValue(value)) return t(value, language);
	if (Array.isArray(value)) return value.map((v) => factValueText(v, language)).join(language === 'zh' ? '、' : ', ');
	if (typeof value === 'object') return JSON.stringify(value);
	const known = VALUE_TEXT[String(value)];
	if (known) return t(known, language);
	return (language === 'zh' && FACT_PHRASES_ZH[String(value)]) || String(value);
}
