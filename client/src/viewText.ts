import type { Language, Localized } from '../../server/src/service/knowledge/types';

/**
 * Text of the entry and graph views. They show knowledge in the display language (the
 * `kubelore.language` setting), so their own labels follow it too rather than VS Code's locale.
 */
export const VIEW_TEXT = {
	back: { en: 'Back', zh: '返回' },
	facts: { en: 'Facts', zh: '要点' },
	neighbourhood: { en: 'In the graph', zh: '图谱中的位置' },
	neighbourhoodHint: { en: 'Click an entry to open it.', zh: '点击条目即可打开。' },
	related: { en: 'Related', zh: '相关条目' },
	docs: { en: 'Documentation', zh: '文档' },
	sources: { en: 'Sources', zh: '来源' },
	teamNotes: { en: 'Team notes', zh: '团队笔记' },
	teamEntry: { en: 'From your team\'s notes:', zh: '来自团队笔记：' },
	yes: { en: 'yes', zh: '是' },
	no: { en: 'no', zh: '否' },
	graphTitle: { en: 'Knowledge Graph', zh: '知识图谱' },
	allCategories: { en: 'All', zh: '全部' },
	graphSummary: { en: '{0} entries, {1} relations', zh: '{0} 个条目，{1} 条关系' },
	aliases: { en: 'Also known as', zh: '别名' },
} satisfies Record<string, Localized>;

export { CATEGORY_TEXT, INCOMING_RELATION_TEXT, RELATION_TEXT } from '../../server/src/service/l10n/knowledge';

/** The text in a language, `{0}`, `{1}`... filled. */
export function say(text: Localized, language: Language, ...args: (string | number)[]): string {
	return (text[language] || text.en).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
