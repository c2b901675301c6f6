import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;
let started: Promise<LanguageClient | undefined> | undefined;

/**
 * Registers the commands and returns; the language client (dist/languageClient.js) is loaded and
 * started right after, so that activation does not wait for it. Commands wait for the start.
 */
export function activate(context: vscode.ExtensionContext): void {
	started = new Promise((resolve) => setImmediate(resolve))
		.then(() => import('./languageClient'))
		.then(async (m) => {
			client = m.createClient(context);
			await client.start();
			return client;
		})
		.catch((error: unknown) => {
			void vscode.window.showErrorMessage(vscode.l10n.t('KubeLore: {0}', error instanceof Error ? error.message : String(error)));
			return client;
		});
	registerCommands(context, () => client, () => started ?? Promise.resolve(undefined));
}

export async function deactivate(): Promise<void> {
	await (await started)?.stop();
}
