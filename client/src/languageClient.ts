/* The language client: bundled apart as dist/languageClient.js (vscode-languageclient is most of what the extension loads), loaded right after activation. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment } from './serverEnvironment';

/** A client of the server in dist/server.js over IPC. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
	const module = context.asAbsolutePath('dist/server.js');
	// The server keeps the compiled code of its bundle here, for a shorter next start.
	const args = ['--cache-dir', vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath];
	const serverOptions: ServerOptions = {
		// vscode-languageclient adds these variables to the editor's own environment.
		run: { module, args, transport: TransportKind.ipc, options: { env: serverEnvironment() } },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'], env: serverEnvironment() } },
	};
	const clientOptions: LanguageClientOptions = {
		// Files and unsaved editors only: git, diff and other virtual views would each leave a new document behind.
		documentSelector: [
			{ scheme: 'file', language: 'yaml' },
			{ scheme: 'untitled', language: 'yaml' },
		],
		synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md,markdown}') },
		initializationOptions: { yamlExtensionActive: !!vscode.extensions.getExtension('redhat.vscode-yaml') },
		markdown: { isTrusted: { enabledCommands: ['kubelore.openEntry'] }, supportHtml: false },
	};
	return new LanguageClient('kubelore', 'KubeLore', serverOptions, clientOptions);
}
