import type { Category, Localized, RelationType } from '../knowledge/types';

/** Category names, as search rows, hovers, the entry view and the graph filter show them. */
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
