import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

/** Starts the language server over IPC and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const module = context.asAbsolutePath('dist/server.js');
	// The server keeps the compiled code of its bundle here, for a shorter next start.
	const args = ['--cache-dir', vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath];
	const serverOptions: ServerOptions = {
		run: { module, args, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
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
	client = new LanguageClient('kubelore', 'KubeLore', serverOptions, clientOptions);
	registerCommands(context, () => client);
	await client.start();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
}
