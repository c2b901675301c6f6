import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LintFilesRequest } from '../../server/src/protocol';

const CHUNK = 50;
let collection: vscode.DiagnosticCollection | undefined;

/**
 * Lints every indexed file into the Problems panel, with a progress notification that can be
 * cancelled. Returns the number of findings (of the files done, when cancelled).
 */
export async function lintWorkspace(client: LanguageClient | undefined): Promise<number> {
	if (!client) {
		void vscode.window.showWarningMessage(vscode.l10n.t('The KubeLore language server is not running.'));
		return 0;
	}
	if (!collection) {
		collection = vscode.languages.createDiagnosticCollection('kubelore-workspace');
		// Once a file is open the server reports it itself; the workspace lint must not repeat it.
		vscode.workspace.onDidOpenTextDocument((document) => collection?.delete(document.uri));
	}
	const problems = collection;
	problems.clear();
	let findings = 0;
	let files = 0;
	const cancelled = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('KubeLore: linting the workspace'), cancellable: true },
		async (progress, token) => {
			try {
				const { uris } = await client.sendRequest<LintFilesRequest.Result>(LintFilesRequest.method, {} satisfies LintFilesRequest.Params, token);
				for (let i = 0; i < uris.length && !token.isCancellationRequested; i += CHUNK) {
					const chunk = uris.slice(i, i + CHUNK);
					const result = await client.sendRequest<LintFilesRequest.Result>(LintFilesRequest.method, { uris: chunk } satisfies LintFilesRequest.Params, token);
					const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
					for (const uri of chunk) {
						const list = result.diagnostics[uri] ?? [];
						findings += list.length;
						if (!open.has(uri)) problems.set(vscode.Uri.parse(uri), await client.protocol2CodeConverter.asDiagnostics(list));
					}
					files += chunk.length;
					progress.report({ increment: (chunk.length / uris.length) * 100, message: vscode.l10n.t('{0} of {1} files', files, uris.length) });
				}
			} catch (error) {
				// Cancelling also cancels the request in flight, which then fails: that is no error.
				if (!token.isCancellationRequested) throw error;
			}
			return token.isCancellationRequested;
		},
	);
	const summary = vscode.l10n.t('KubeLore: {0} findings in {1} files.', findings, files);
	void vscode.window.showInformationMessage(cancelled ? `${summary} ${vscode.l10n.t('Cancelled before the end.')}` : summary);
	return findings;
}
