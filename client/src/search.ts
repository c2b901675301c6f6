import * as vscode from 'vscode';
import { titleOf } from '../../server/src/service/knowledge/search';
import type { Category } from '../../server/src/service/knowledge/types';
import { displayLanguage } from './language';
import type { KnowledgeStore } from './knowledgeStore';

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

interface EntryItem extends vscode.QuickPickItem {
	id: string;
}

/** The Search Knowledge QuickPick; resolves to the chosen entry id. */
export async function showSearch(store: KnowledgeStore, initialQuery = ''): Promise<string | undefined> {
	const search = await store.search();
	const language = displayLanguage();
	const pick = vscode.window.createQuickPick<EntryItem>();
	pick.placeholder = vscode.l10n.t('Search KubeLore knowledge (English or 中文): CNI, storage, runtimes...');
	pick.matchOnDescription = false;
	pick.matchOnDetail = false;
	const update = () => {
		pick.items = search.search(pick.value, 30).map(({ entity }) => ({
			id: entity.id,
			label: `$(${ICONS[entity.category] ?? 'book'}) ${titleOf(entity, language)}`,
			description: entity.category,
			detail: (entity.summary[language] || entity.summary.en).replace(/[*_`[\]]/g, ''),
			alwaysShow: true,
		}));
	};
	pick.onDidChangeValue(update);
	pick.value = initialQuery;
	update();
	return new Promise((resolve) => {
		pick.onDidAccept(() => {
			resolve(pick.selectedItems[0]?.id);
			pick.hide();
		});
		pick.onDidHide(() => {
			resolve(undefined);
			pick.dispose();
		});
		pick.show();
	});
}
