import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LintFilesRequest } from '../../server/src/protocol';

const CHUNK = 50;
let collection: vscode.DiagnosticCollection | undefined;

/** Lints every indexed file into the Problems panel, with a progress notification that can be cancelled. */
export async function lintWorkspace(client: LanguageClient | undefined): Promise<number> {
	if (!client) return 0;
	collection ??= vscode.languages.createDiagnosticCollection('kubelore-workspace');
	collection.clear();
	const { uris } = await client.sendRequest<LintFilesRequest.Result>(LintFilesRequest.method, {});
	let done = 0;
	let findings = 0;
	await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('KubeLore: linting the workspace'), cancellable: true },
		async (progress, token) => {
			for (let i = 0; i < uris.length && !token.isCancellationRequested; i += CHUNK) {
				const chunk = uris.slice(i, i + CHUNK);
				const result = await client.sendRequest<LintFilesRequest.Result>(LintFilesRequest.method, { uris: chunk });
				const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
				for (const uri of chunk) {
					const list = result.diagnostics[uri] ?? [];
					findings += list.length;
					// Open files already get the server's own diagnostics; don't show them twice.
					if (!open.has(uri)) collection!.set(vscode.Uri.parse(uri), list.map((d) => client.protocol2CodeConverter.asDiagnostic(d)));
				}
				done += chunk.length;
				progress.report({ increment: (chunk.length / uris.length) * 100, message: `${done}/${uris.length}` });
			}
		},
	);
	return findings;
}
