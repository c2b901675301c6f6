import type { Language, Localized } from '../../server/src/service/knowledge/types';
import type { Article } from './builder';

/**
 * Entry text names an article by its id ("the devops-difficulties article"); readers see its
 * title instead, in the language of the text.
 */
export function withArticleTitles(sections: { summary: Localized; body: Localized }, articles: Record<string, Article>): { summary: Localized; body: Localized } {
	// Ids of one word ("a") would also match ordinary words; article ids are dashed phrases.
	const ids = Object.keys(articles)
		.filter((id) => id.includes('-'))
		.sort((a, b) => b.length - a.length);
	if (ids.length === 0) return sections;
	const core = `(?<![\\w-])(${ids.map((id) => id.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`;
	// Chinese puts no spaces around 《》: the ones written around the id go with it.
	const patterns: Record<Language, RegExp> = { en: new RegExp(core, 'g'), zh: new RegExp(`[ \\t]?${core}[ \\t]?`, 'g') };
	const named = (text: string, language: Language) =>
		text.replace(patterns[language], (_, id: string) => {
			const article = articles[id];
			const short = article.short?.[language] ?? article.title;
			return language === 'zh' ? `《${short}》` : `“${short}”`;
		});
	const both = (value: Localized): Localized => ({ en: named(value.en, 'en'), zh: named(value.zh, 'zh') });
	return { summary: both(sections.summary), body: both(sections.body) };
}
