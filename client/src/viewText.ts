import type { Category, Language, Localized, RelationType } from '../../server/src/service/knowledge/types';

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

/** Category names, as the search rows, the entry view and the graph filter show them. */
export const CATEGORY_TEXT: Record<Category, Localized> = {
	networking: { en: 'Networking', zh: '网络' },
	storage: { en: 'Storage', zh: '存储' },
	runtime: { en: 'Runtime', zh: '运行时' },
	security: { en: 'Security', zh: '安全' },
	'control-plane': { en: 'Control plane', zh: '控制平面' },
	operations: { en: 'Operations', zh: '运维' },
	platform: { en: 'Platforms', zh: '平台' },
	workloads: { en: 'Workloads', zh: '工作负载' },
};

/** A relation read from its source: "Calico implements CNI". */
export const RELATION_TEXT: Record<RelationType, Localized> = {
	'alternative-to': { en: 'alternative to', zh: '可替代' },
	implements: { en: 'implements', zh: '实现' },
	requires: { en: 'requires', zh: '依赖' },
	supports: { en: 'supports', zh: '支持' },
	'replaced-by': { en: 'replaced by', zh: '被取代为' },
	'part-of': { en: 'part of', zh: '属于' },
	'recommended-for': { en: 'recommended for', zh: '推荐用于' },
	'conflicts-with': { en: 'conflicts with', zh: '冲突' },
};

/** The same relation read from its target: "CNI is implemented by Calico". */
export const INCOMING_RELATION_TEXT: Record<RelationType, Localized> = {
	'alternative-to': { en: 'alternative to', zh: '可替代' },
	implements: { en: 'implemented by', zh: '由其实现' },
	requires: { en: 'required by', zh: '被其依赖' },
	supports: { en: 'supported by', zh: '受其支持' },
	'replaced-by': { en: 'replaces', zh: '取代' },
	'part-of': { en: 'has part', zh: '包含' },
	'recommended-for': { en: 'has recommended', zh: '推荐' },
	'conflicts-with': { en: 'conflicts with', zh: '冲突' },
};

/** The text in a language, `{0}`, `{1}`... filled. */
export function say(text: Localized, language: Language, ...args: (string | number)[]): string {
	return (text[language] || text.en).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
