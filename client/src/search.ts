import * as vscode from 'vscode';
import type { KnowledgeStore } from './knowledgeStore';
import { displayLanguage } from './language';
import { searchRows, type EntryItem } from './searchRows';

const LIMIT = 40;

/**
 * The Search Knowledge QuickPick: KnowledgeSearch ranks, the QuickPick only shows. Resolves to
 * the chosen entry id, or undefined when dismissed.
 */
export async function showSearch(store: KnowledgeStore, initialQuery = ''): Promise<string | undefined> {
	const pick = vscode.window.createQuickPick<EntryItem>();
	pick.title = vscode.l10n.t('KubeLore: Search Knowledge');
	pick.placeholder = vscode.l10n.t('Search the Kubernetes knowledge, in English or Chinese: CNI, 存储, runtimes...');
	pick.matchOnDescription = false;
	pick.matchOnDetail = false;
	// VS Code re-sorts rows whose label matches the typed text (microsoft/vscode#73904); the ranking
	// already ordered them. The setter exists without a proposal guard; older hosts ignore it.
	(pick as { sortByLabel?: boolean }).sortByLabel = false;
	pick.busy = true;
	pick.value = initialQuery;
	const chosen = new Promise<string | undefined>((resolve) => {
		pick.onDidAccept(() => {
			// Enter before the rows arrived, or on no rows, does nothing.
			const id = pick.activeItems[0]?.id ?? pick.selectedItems[0]?.id;
			if (!id) return;
			resolve(id);
			pick.hide();
		});
		pick.onDidHide(() => {
			resolve(undefined);
			pick.dispose();
		});
	});
	pick.show();
	try {
		const search = await store.search();
		const language = displayLanguage();
		const update = () => (pick.items = searchRows(search.search(pick.value, LIMIT), language));
		pick.onDidChangeValue(update);
		update();
		pick.busy = false;
	} catch (error) {
		pick.hide();
		void vscode.window.showErrorMessage(vscode.l10n.t('KubeLore could not load its knowledge: {0}', error instanceof Error ? error.message : String(error)));
	}
	return chosen;
}
