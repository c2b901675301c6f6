import * as vscode from 'vscode';
import type { Language } from '../../server/src/service/knowledge/types';

/** The display language: the `kubelore.language` setting, else VS Code's locale (zh-cn, zh-tw: Chinese). */
export function displayLanguage(): Language {
	const setting = vscode.workspace.getConfiguration('kubelore').get<string>('language', 'auto');
	if (setting === 'en' || setting === 'zh') return setting;
	return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
