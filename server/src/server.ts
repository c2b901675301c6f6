/* The KubeLore language server: LSP wiring only; every answer comes from the language service. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CodeActionKind,
	createConnection,
	DidChangeConfigurationNotification,
	FileChangeType,
	ProposedFeatures,
	TextDocuments,
	TextDocumentSyncKind,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { loadFieldDocs } from './node/fieldDocs';
import { loadSchemas } from './node/schemas';
import { graphWithTeam, loadGraphData, loadTeamKnowledge } from './node/knowledge';
import { WorkspaceLoader } from './node/workspaceLoader';
import { ExplainRequest, KnowledgeRequest, LintFilesRequest, type InitializationOptions } from './protocol';
import { DocumentSettings } from './settings';
import { explainAt } from './service/features/explain';
import { createLanguageService } from './service/service';
import { languageForLocale } from './service/settings';
import type { GraphData } from './service/knowledge/types';
import { WorkspaceIndex } from './service/workspace/index';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const distDir = __dirname;
/** The built-in knowledge, read right after the initialize answer so that start-up stays short. */
let baseGraph: GraphData = { version: 1, entities: [] };
const index = new WorkspaceIndex();
const service = createLanguageService({
	index,
	graph: graphWithTeam(baseGraph, undefined),
	docsBase: pathToFileURL(join(distDir, '..', 'docs', 'rules')).toString(),
	fieldDocs: loadFieldDocs(distDir),
	schemas: loadSchemas(distDir),
});
let settings: DocumentSettings;
let pullDiagnostics = false;
let locale: string | undefined;
let workspaceFolderEvents = false;
const loader = new WorkspaceLoader(index, connection, () => refreshDiagnostics());

connection.onInitialize((params): InitializeResult => {
	const caps = params.capabilities;
	const options = (params.initializationOptions ?? {}) as InitializationOptions;
	locale = params.locale;
	pullDiagnostics = !!caps.textDocument?.diagnostic;
	workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
	settings = new DocumentSettings(connection, !!caps.workspace?.configuration, params.locale, !!options.yamlExtensionActive);
	const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
	loader.setFolders(folders);
	return {
		capabilities: {
			textDocumentSync: TextDocumentSyncKind.Incremental,
			hoverProvider: true,
			definitionProvider: true,
			referencesProvider: true,
			documentLinkProvider: { resolveProvider: false },
			codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
			diagnosticProvider: pullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
			workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
		},
		serverInfo: { name: 'kubelore' },
	};
});

connection.onInitialized(() => {
	// Handled before any later message, so no request sees the graph missing.
	baseGraph = loadGraphData(distDir);
	service.graph = graphWithTeam(baseGraph, undefined);
	void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
	if (workspaceFolderEvents) {
		connection.workspace.onDidChangeWorkspaceFolders((event) => {
			loader.updateFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri));
		});
	}
	void loader.indexAll(settings).then(() => loadTeam());
});

/** Reads the team knowledge folders of every workspace folder and lays them over the graph. */
async function loadTeam(): Promise<void> {
	const teams = await Promise.all(
		loader.folderUris.map(async (folder) => {
			const paths = await settings.knowledgePaths(folder);
			return paths.length ? loadTeamKnowledge(URI.parse(folder).fsPath, paths, baseGraph) : undefined;
		}),
	);
	const present = teams.filter((t) => t !== undefined);
	if (present.length === 0 && !service.graph.teamEntities.length) return;
	const merged = {
		entities: present.flatMap((t) => t.entities),
		notes: new Map(present.flatMap((t) => [...t.notes])),
		problems: present.flatMap((t) => t.problems),
	};
	service.graph = graphWithTeam(baseGraph, merged);
	for (const p of merged.problems) connection.console.warn(`team knowledge: ${p.file}:${p.line}: ${p.message}`);
	if (merged.problems.length) {
		const first = merged.problems[0];
		void connection.window.showWarningMessage(`KubeLore: ${merged.problems.length} problem(s) in team knowledge, first: ${first.file}:${first.line}: ${first.message}`);
	}
}

connection.onDidChangeConfiguration(() => {
	settings.clear();
	void loadTeam().then(() => refreshDiagnostics());
});

documents.onDidChangeContent(({ document }) => {
	index.setFile(document.uri, document.getText(), document.version, true);
	settings.forget(document.uri);
	scheduleRefresh(document.uri);
});
documents.onDidClose(({ document }) => {
	index.markClosed(document.uri);
	void loader.reread(document.uri).then(() => scheduleRefresh());
	if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
	let team = false;
	for (const change of changes) {
		if (/\.(md|markdown)$/i.test(change.uri)) team = true;
		else if (change.type === FileChangeType.Deleted) loader.remove(change.uri);
		else await loader.reread(change.uri);
	}
	if (team) await loadTeam();
	scheduleRefresh();
});

async function settingsFor(uri: string) {
	return service.settingsFor(uri, await settings.get(uri));
}

connection.onHover(async ({ textDocument, position }) => guard(async () => service.doHover(textDocument.uri, position, await settingsFor(textDocument.uri)), null));
connection.onDefinition(async ({ textDocument, position }) => guard(async () => service.findDefinition(textDocument.uri, position, await settingsFor(textDocument.uri)), []));
connection.onReferences(async ({ textDocument, position }) => guard(async () => service.findReferences(textDocument.uri, position, await settingsFor(textDocument.uri)), []));
connection.onDocumentLinks(({ textDocument }) => guard(async () => service.findLinks(textDocument.uri), []));
connection.onCodeAction(async ({ textDocument, context }) => guard(async () => service.getCodeActions(textDocument.uri, context.diagnostics, await settingsFor(textDocument.uri)), []));
connection.languages.diagnostics.on(async ({ textDocument }) => ({
	kind: 'full',
	items: await guard(async () => service.doValidation(textDocument.uri, await settingsFor(textDocument.uri)), []),
}));
connection.onRequest(KnowledgeRequest.method, (): KnowledgeRequest.Result => {
	const graph = service.graph;
	const notes: KnowledgeRequest.Result['notes'] = {};
	for (const e of graph.entities) {
		const list = graph.notesFor(e.id);
		if (list.length) notes[e.id] = list;
	}
	return { language: languageForLocale(locale), entities: graph.entities, notes };
});
connection.onRequest(ExplainRequest.method, (params: ExplainRequest.Params): ExplainRequest.Result =>
	explainAt(params.uri, index.getFile(params.uri)?.text.offsetAt(params.position) ?? -1, index, service.graph),
);

connection.onRequest(LintFilesRequest.method, async (params: LintFilesRequest.Params): Promise<LintFilesRequest.Result> => {
	if (!params.uris) return { uris: index.uris, diagnostics: {} };
	const diagnostics: LintFilesRequest.Result['diagnostics'] = {};
	for (const uri of params.uris) diagnostics[uri] = await guard(async () => service.doValidation(uri, await settingsFor(uri)), []);
	return { uris: params.uris, diagnostics };
});

/** Runs a handler; a failure is logged and answered with the fallback, never a crash. */
async function guard<T>(run: () => Promise<T> | T, fallback: T): Promise<T> {
	try {
		return await run();
	} catch (error) {
		connection.console.error(`KubeLore: ${(error as Error).stack ?? String(error)}`);
		return fallback;
	}
}

let refreshTimer: NodeJS.Timeout | undefined;
const dirty = new Set<string>();
/** Other files may depend on this change: ask the client to pull diagnostics again, shortly. */
function scheduleRefresh(uri?: string): void {
	if (uri) dirty.add(uri);
	if (!pullDiagnostics && uri) void pushDiagnostics(uri);
	clearTimeout(refreshTimer);
	refreshTimer = setTimeout(refreshDiagnostics, 150);
}

function refreshDiagnostics(): void {
	dirty.clear();
	if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
	else for (const doc of documents.all()) void pushDiagnostics(doc.uri);
}

/** For clients without pull diagnostics (Neovim 0.7 and the like). */
async function pushDiagnostics(uri: string): Promise<void> {
	const diagnostics = await guard(async () => service.doValidation(uri, await settingsFor(uri)), []);
	await connection.sendDiagnostics({ uri, diagnostics });
}

process.on('uncaughtException', (error) => connection.console.error(`KubeLore: uncaught ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`KubeLore: unhandled ${String(error)}`));

documents.listen(connection);
connection.listen();
