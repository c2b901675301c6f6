/* The rows of the Search Knowledge QuickPick, built from ranked hits (no VS Code calls: unit-tested). */
import type * as vscode from 'vscode';
import { titleOf, type SearchHit } from '../../server/src/service/knowledge/search';
import type { Category, Language } from '../../server/src/service/knowledge/types';
import { CATEGORY_TEXT, say } from './viewText';

const ICONS: Record<Category, string> = {
	networking: 'globe',
	storage: 'database',
	runtime: 'server-process',
	security: 'shield',
	'control-plane': 'server-environment',
	operations: 'tools',
	platform: 'cloud',
	workloads: 'layers',
};

/** A row of the search; `id` is the entry it opens. */
export interface EntryItem extends vscode.QuickPickItem {
	id: string;
}

/** The rows of the hits, in the ranking's order (the QuickPick keeps it: see search.ts). */
export function searchRows(hits: SearchHit[], language: Language): EntryItem[] {
	return hits.map((hit) => searchRow(hit, language));
}

/** One row: category icon and title, the category (and why it answers, or the alias that matched), the summary. */
export function searchRow({ entity, name, answer }: SearchHit, language: Language): EntryItem {
	const title = titleOf(entity, language);
	const category = CATEGORY_TEXT[entity.category] ? say(CATEGORY_TEXT[entity.category], language) : entity.category;
	const alias = name && name !== title && name !== entity.title.en && name !== entity.title.zh && name !== entity.id ? name : undefined;
	return {
		id: entity.id,
		label: `$(${ICONS[entity.category] ?? 'book'}) ${title}`,
		description: answer ? `${category} · ${say(answer, language)}` : alias ? `${category} · ${alias}` : category,
		detail: plainText(entity.summary[language] || entity.summary.en),
		alwaysShow: true,
	};
}

/** Markdown of a summary as plain text: links keep their text, emphasis and code marks go. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
