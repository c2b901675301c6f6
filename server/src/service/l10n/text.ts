import type { Language, Localized } from '../knowledge/types';

/** Picks the display language's text. */
export function t(text: Localized, language: Language): string {
	return text[language] || text.en;
}

/** A label in bold with the colon of its language (`**Related:**`, `**相关：**`). */
export function boldLabel(text: Localized, language: Language): string {
	return `**${t(text, language)}${language === 'zh' ? '：' : ':'}**`;
}

/** Labels of the service's own user interface, in both languages. */
export const LABELS = {
	related: { en: 'Related', zh: '相关' },
	docs: { en: 'Docs', zh: '文档' },
	sources: { en: 'Sources', zh: '来源' },
	teamNotes: { en: 'Team notes', zh: '团队笔记' },
	facts: { en: 'Facts', zh: '要点' },
	open: { en: 'Open entry', zh: '打开条目' },
	syntax: { en: 'YAML syntax error', zh: 'YAML 语法错误' },
	syntaxHint: {
		en: 'The rest of this document is not checked until it parses; other documents of the file still are.',
		zh: '在修正之前，本文档的其余部分不会被检查；文件中的其他文档仍会被检查。',
	},
	suppressLine: { en: 'Suppress {0} for this line', zh: '在此行禁用 {0}' },
	suppressDocument: { en: 'Suppress {0} in this document', zh: '在此文档中禁用 {0}' },
	apiStatus: { en: 'API version', zh: 'API 版本' },
	deprecatedSince: { en: 'deprecated since {0}', zh: '自 {0} 起弃用' },
	removedIn: { en: 'removed in {0}', zh: '在 {0} 中移除' },
	useInstead: { en: 'use {0}', zh: '请改用 {0}' },
	servedGa: { en: 'served (current)', zh: '当前版本' },
	unknownVersion: { en: 'not a known version of {0}', zh: '不是 {0} 的已知版本' },
} satisfies Record<string, Localized>;

/** Fills `{0}`, `{1}`... */
export function format(template: string, ...args: (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** Both languages of a template, filled. */
export function both(text: Localized, ...args: (string | number)[]): Localized {
	return { en: format(text.en, ...args), zh: format(text.zh, ...args) };
}
