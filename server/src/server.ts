/* The KubeLore language server: LSP wiring only; every answer comes from the language service. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CodeActionKind,
	CodeLensRefreshRequest,
	DidChangeConfigurationNotification,
	FileChangeType,
	LSPErrorCodes,
	ResponseError,
	TextDocuments,
	TextDocumentSyncKind,
	type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { collectIfGrown, collectWithRoom, collectYoung } from './heapGrowth';
import { loadFieldDocs } from './node/fieldDocs';
import { loadSchemas } from './node/schemas';
import { graphWithTeam, loadGraphData, loadTeamKnowledge } from './node/knowledge';
import { WorkspaceLoader } from './node/workspaceLoader';
import { ExplainRequest, KnowledgeRequest, LintFilesRequest, type InitializationOptions } from './protocol';
import { Lifecycle, overtaken, runInSlices } from './requests';
import { DocumentSettings } from './settings';
import { createServerConnection } from './stdio';
import { keyAndValuePositions, warmUp } from './warmUp';
import { explainAt } from './service/features/explain';
import { createLanguageService, type LanguageService } from './service/service';
import { DEFAULT_SETTINGS, languageForLocale, type Settings } from './service/settings';
import type { Localized } from './service/knowledge/types';
import type { GraphData } from './service/knowledge/types';
import { WorkspaceIndex } from './service/workspace/index';
import { TextSnapshot } from './service/workspace/textSnapshot';
import type { Diagnostic } from 'vscode-languageserver-types';

const connection = createServerConnection();
/** Each version of a document is kept as it was: the index holds it as its file's text, with its line offsets. */
const documents = new TextDocuments<TextSnapshot>({
	create: (uri, languageId, version, content) => new TextSnapshot(uri, languageId, version, content),
	update: (document, changes, version) => document.update(changes, version),
});
const distDir = __dirname;
/** The built-in knowledge, read right after the initialize answer so that start-up stays short. */
let baseGraph: GraphData = { version: 1, entities: [] };
const index = new WorkspaceIndex();
const fieldDocs = loadFieldDocs(distDir);
const service = createLanguageService({
	index,
	graph: graphWithTeam(baseGraph, undefined),
	docsBase: pathToFileURL(join(distDir, '..', 'docs', 'rules')).toString(),
	fieldDocs,
	schemas: loadSchemas(distDir),
	// A file with thousands of findings sends them without their fixes; a code action works them out.
	fixesOnRequest: true,
});
let settings: DocumentSettings;
let pullDiagnostics = false;
let locale: string | undefined;
let workspaceFolderEvents = false;
let codeLensRefresh = false;
// Files read into the index move index.generation: documents computed before it are computed again.
const loader = new WorkspaceLoader(index, connection, () => refreshDiagnostics());
const lifecycle = new Lifecycle();

connection.onInitialize((params): InitializeResult => {
	lifecycle.initialize();
	const caps = params.capabilities;
	const options = (params.initializationOptions ?? {}) as InitializationOptions;
	locale = params.locale;
	pullDiagnostics = !!caps.textDocument?.diagnostic;
	workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
	codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
	settings = new DocumentSettings(connection, !!caps.workspace?.configuration, params.locale, !!options.yamlExtensionActive);
	const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
	loader.setFolders(folders);
	// While the heap is small, and before the answer: the client opens its documents right after it.
	collectWithRoom();
	prepare();
	return {
		capabilities: {
			textDocumentSync: TextDocumentSyncKind.Incremental,
			hoverProvider: true,
			definitionProvider: true,
			referencesProvider: true,
			documentLinkProvider: { resolveProvider: false },
			codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
			completionProvider: { triggerCharacters: [':', ' ', '/'] },
			documentSymbolProvider: true,
			workspaceSymbolProvider: true,
			renameProvider: { prepareProvider: true },
			codeLensProvider: { resolveProvider: true },
			diagnosticProvider: pullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
			workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
		},
		serverInfo: { name: 'kubelore' },
	};
});

/**
 * Before the initialize answer, while the client waits for nothing else: the built-in knowledge,
 * then hovers on a small manifest of the server's own (warmUp.ts), whose code (both YAML readers,
 * the field descriptions, the hover itself) the first open and the first hover would otherwise run
 * cold. A failure leaves the server without the knowledge or cold, never unstarted.
 */
function prepare(): void {
	try {
		baseGraph = loadGraphData(distDir);
		service.graph = graphWithTeam(baseGraph, undefined);
		warmUp(service.graph, { ...DEFAULT_SETTINGS, language: languageForLocale(locale) }, fieldDocs);
	} catch (error) {
		connection.console.error(`KubeLore: ${(error as Error).stack ?? String(error)}`);
	}
}

connection.onInitialized(() => {
	void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
	if (workspaceFolderEvents) {
		connection.workspace.onDidChangeWorkspaceFolders((event) => {
			void loader.updateFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri), settings).then(() => loadTeam());
		});
	}
	void loader.indexAll(settings).then(() => loadTeam());
});

/** Reads the team knowledge folders of every workspace folder and lays them over the graph. */
async function loadTeam(): Promise<void> {
	const teams = await Promise.all(
		loader.folderUris.map(async (folder) => {
			const paths = await settings.knowledgePaths(folder);
			return paths.length ? loadTeamKnowledge(URI.parse(folder).fsPath, paths, baseGraph, { allowOutside: await settings.knowledgeOutsideAllowed(folder) }) : undefined;
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
	generation++;
	for (const p of merged.problems) connection.console.warn(`team knowledge: ${p.file}:${p.line}: ${p.message}`);
	if (merged.problems.length) {
		const first = merged.problems[0];
		void connection.window.showWarningMessage(`KubeLore: ${merged.problems.length} problem(s) in team knowledge, first: ${first.file}:${first.line}: ${first.message}`);
	}
}

connection.onDidChangeConfiguration(() => {
	settings.clear();
	// Counted at once: diagnostics computed from here on read the new settings, and those computed
	// before are computed again, once (loadTeam counts a change of the team knowledge itself).
	generation++;
	if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
	void loadTeam().then(() => refreshDiagnostics());
});

documents.onDidChangeContent(({ document }) => {
	// Its settings stay: they change with the configuration (onDidChangeConfiguration), not with the text.
	index.setFile(document.uri, document, document.version, true);
	scheduleRefresh(document.uri);
});
documents.onDidClose(({ document }) => {
	// Nothing kept per document outlives its editor, unless the file is part of the workspace.
	index.markClosed(document.uri);
	forgetDocument(document.uri);
	dirty.delete(document.uri);
	parsedAhead.delete(document.uri);
	computed.delete(document.uri);
	void loader.reread(document.uri).then(() => {
		// A request that arrived while the disk was read may have cached its settings or findings again.
		if (!documents.get(document.uri) && !index.getFile(document.uri)) forgetDocument(document.uri);
		scheduleRefresh();
	});
	if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles(async ({ changes }) => {
	let team = false;
	for (const change of changes) {
		if (/\.(md|markdown)$/i.test(change.uri)) team = true;
		else if (change.type === FileChangeType.Deleted) {
			loader.remove(change.uri);
			if (!documents.get(change.uri)) forgetDocument(change.uri);
		}
		else await loader.reread(change.uri);
	}
	if (team) await loadTeam();
	scheduleRefresh();
});

async function settingsFor(uri: string) {
	const forUri = await settings.get(uri);
	// A request about a URI that is neither open nor indexed (answered empty) keeps nothing for it.
	if (!documents.get(uri) && !index.getFile(uri)) settings.forget(uri);
	return service.settingsFor(uri, forUri);
}

/** Drops what is kept per document: its settings and the findings remembered for it. */
function forgetDocument(uri: string): void {
	settings.forget(uri);
	service.forget(uri);
}

const ready = lifecycle.ready.bind(lifecycle);
connection.onHover(ready(async ({ textDocument, position }) => guard(async () => service.doHover(textDocument.uri, position, await settingsFor(textDocument.uri)), null)));
connection.onDefinition(ready(async ({ textDocument, position }) => guard(async () => service.findDefinition(textDocument.uri, position, await settingsFor(textDocument.uri)), [])));
connection.onReferences(ready(async ({ textDocument, position }) => guard(async () => service.findReferences(textDocument.uri, position, await settingsFor(textDocument.uri)), [])));
connection.onCompletion(ready(async ({ textDocument, position }) => guard(async () => service.doComplete(textDocument.uri, position, await settingsFor(textDocument.uri)), null)));
connection.onDocumentSymbol(ready(({ textDocument }) => guard(() => service.documentSymbols(textDocument.uri), [])));
connection.onWorkspaceSymbol(ready(({ query }) => guard(() => service.workspaceSymbols(query), [])));
connection.onCodeLens(ready(async ({ textDocument }) => guard(async () => service.codeLenses(textDocument.uri, await settingsFor(textDocument.uri)), [])));
connection.onCodeLensResolve(ready(async (lens) => guard(async () => service.resolveCodeLens(lens, await settingsFor((lens.data as { uri: string }).uri)), lens)));
connection.onPrepareRename(ready(async ({ textDocument, position }) => refusable(textDocument.uri, (s) => service.prepareRename(textDocument.uri, position, s))));
connection.onRenameRequest(ready(async ({ textDocument, position, newName }) => refusable(textDocument.uri, (s) => service.rename(textDocument.uri, position, newName, s))));
connection.onDocumentLinks(ready(({ textDocument }) => guard(async () => service.findLinks(textDocument.uri), [])));
connection.onCodeAction(ready(async ({ textDocument, context }) => guard(async () => service.getCodeActions(textDocument.uri, context.diagnostics, await settingsFor(textDocument.uri)), [])));
connection.languages.diagnostics.on(
	ready(async ({ textDocument }, token) => {
		const items = await diagnosticsOf(textDocument.uri);
		if (items === undefined || token.isCancellationRequested) throw overtaken(token);
		afterOpen(textDocument.uri);
		diagnosticsGone(textDocument.uri);
		return { kind: 'full', items };
	}),
);
connection.onRequest(KnowledgeRequest.method, ready((): KnowledgeRequest.Result => {
	const graph = service.graph;
	const notes: KnowledgeRequest.Result['notes'] = {};
	for (const e of graph.entities) {
		const list = graph.notesFor(e.id);
		if (list.length) notes[e.id] = list;
	}
	return { language: languageForLocale(locale), entities: graph.entities, notes };
}));
connection.onRequest(
	ExplainRequest.method,
	ready((params: ExplainRequest.Params): ExplainRequest.Result => explainAt(params.uri, index.getFile(params.uri)?.text.offsetAt(params.position) ?? -1, index, service.graph)),
);

connection.onRequest(
	LintFilesRequest.method,
	ready(async (params: LintFilesRequest.Params): Promise<LintFilesRequest.Result> => {
		if (!params.uris) return { uris: index.uris, diagnostics: {} };
		const diagnostics: LintFilesRequest.Result['diagnostics'] = {};
		for (const uri of params.uris) diagnostics[uri] = (await validateInSlices(uri, () => false)) ?? [];
		return { uris: params.uris, diagnostics };
	}),
);

/** Diagnostics of a file computed in slices (requests are answered in between), or undefined once stale. */
async function validateInSlices(uri: string, stale: () => boolean) {
	return guard(async () => runInSlices(service.validationSteps(uri, await settingsFor(uri)), stale), []);
}

/** Runs a handler; a failure is logged and answered with the fallback, never a crash. */
async function guard<T>(run: () => Promise<T> | T, fallback: T): Promise<T> {
	lastRequest = performance.now();
	try {
		return await run();
	} catch (error) {
		connection.console.error(`KubeLore: ${(error as Error).stack ?? String(error)}`);
		return fallback;
	} finally {
		lastRequest = performance.now();
	}
}

/** When the last request was answered: idle work waits while requests keep coming (a user hovering, typing, scrolling). */
let lastRequest = 0;
const QUIET_MS = 50;

/**
 * Runs idle work one step at a time, each once no request came for QUIET_MS (counted from the start
 * too: a request made right after the diagnostics that started it finds the server free); stops once stale.
 */
async function runWhenQuiet(steps: Generator<void, void>, stale: () => boolean): Promise<void> {
	const start = performance.now();
	for (;;) {
		// Two turns of the event loop: a message read in between is answered before the next step.
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		// Staleness is checked at every wake-up, not only once it is quiet: while requests keep coming, the
		// work of a document closed or changed meanwhile would otherwise stay waiting (a timer, a promise, the
		// steps) until the first pause, and such waits pile up with every document opened and closed.
		const quietFrom = () => Math.max(lastRequest, start) + QUIET_MS - performance.now();
		for (let wait = quietFrom(); wait > 0 && !stale(); wait = quietFrom()) await new Promise((resolve) => setTimeout(resolve, wait));
		if (stale()) {
			steps.return();
			return;
		}
		if (steps.next().done) return;
	}
}

/** A rename the service refuses becomes an error whose message the client shows; no edit is made. */
async function refusable<T extends object>(uri: string, run: (s: Settings) => T | { refused: Localized } | null): Promise<T | null> {
	const s = await settingsFor(uri);
	const result = await guard(() => run(s), null);
	if (result && 'refused' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused[s.language] || result.refused.en);
	return result;
}

/**
 * Counts the changes that can alter the diagnostics of every open document besides the index and the
 * knowledge graph (each compared on its own): a document's edit, a watched file, the settings, the team knowledge.
 */
let generation = 0;

/** The diagnostics of an open document, and what they are computed from. */
interface Computed {
	version: number;
	generation: number;
	/** index.generation when the computation started: a file read or removed since moves it. */
	indexGeneration: number;
	graph: LanguageService['graph'];
	items: Promise<Diagnostic[] | undefined>;
}

/** The diagnostics of each open document for its current state: computed once, shared by pushes and pulls. */
const computed = new Map<string, Computed>();

function isCurrent(known: Computed | undefined, version: number | undefined): known is Computed {
	return !!known && known.version === version && known.generation === generation && known.indexGeneration === index.generation && known.graph === service.graph;
}

/** The diagnostics of an open document now (undefined once a newer version or a newer computation made them useless). */
function diagnosticsOf(uri: string): Promise<Diagnostic[] | undefined> {
	const version = documents.get(uri)?.version;
	if (version === undefined) return validateInSlices(uri, () => false);
	const known = computed.get(uri);
	if (isCurrent(known, version)) return known.items;
	// A computation for an older state stops at its next pause: this one takes over what it found.
	const entry: Computed = { version, generation, indexGeneration: index.generation, graph: service.graph, items: Promise.resolve(undefined) };
	entry.items = validateInSlices(uri, () => computed.get(uri) !== entry || documents.get(uri)?.version !== version);
	computed.set(uri, entry);
	void entry.items.then((items) => {
		if (items === undefined && computed.get(uri) === entry) computed.delete(uri);
	});
	return entry.items;
}

/** True when the diagnostics of an open document are computed (or being computed) for its current state. */
function current(uri: string): boolean {
	return isCurrent(computed.get(uri), documents.get(uri)?.version);
}

let refreshTimer: NodeJS.Timeout | undefined;
const dirty = new Set<string>();
/** Other files may depend on this change: ask the client to pull diagnostics again, shortly. */
function scheduleRefresh(uri?: string): void {
	generation++;
	if (uri) dirty.add(uri);
	if (!pullDiagnostics && uri) void pushDiagnostics(uri);
	clearTimeout(refreshTimer);
	refreshTimer = setTimeout(() => refreshDiagnostics(), 150);
}

/** Diagnostics again for every open document whose diagnostics are not computed for its current state. */
function refreshDiagnostics(): void {
	dirty.clear();
	if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
	// A document whose diagnostics are computed for its current state has had them pushed (or will have).
	else for (const doc of documents.all()) if (!current(doc.uri)) void pushDiagnostics(doc.uri);
}

/** For clients without pull diagnostics (Neovim 0.7 and the like). */
async function pushDiagnostics(uri: string): Promise<void> {
	const diagnostics = await diagnosticsOf(uri);
	// A newer version schedules its own push.
	if (diagnostics) {
		afterOpen(uri);
		await connection.sendDiagnostics({ uri, diagnostics });
		diagnosticsGone(uri);
	}
}

/**
 * Right before the first diagnostics of a document just opened go out: the young generation, full of
 * what the open parsed and checked, is collected while the client waits for them. The hovers a user
 * makes right after an open (their first look at the file) would otherwise pay for that collection,
 * the first of them with everything the open left alive.
 */
function afterOpen(uri: string): void {
	if (parsedAhead.has(uri)) return;
	collectYoung();
}

/**
 * After an open file's diagnostics, its documents (read values-first) are parsed with ranges in
 * idle time, one per pause and none while requests keep coming, so that a request waits behind one
 * document at most (a hover on a document not parsed yet parses that one alone) and later hovers
 * find the ranges ready. A newer version of the file stops it; its own diagnostics start it again.
 */
function parseAhead(uri: string): void {
	const version = documents.get(uri)?.version;
	if (version === undefined || parsedAhead.get(uri) === version) return;
	parsedAhead.set(uri, version);
	void runWhenQuiet(idleSteps(uri), () => documents.get(uri)?.version !== version).catch(() => undefined);
}

/**
 * Called by start.ts right before it writes the code cache (once, in a server that found none): the
 * warm-up hovers then put their code into it compiled, and later servers answer their first hover
 * without compiling it. A server that loaded the cache never runs them, so its first open waits for nothing.
 */
export function beforeCodeCache(): void {
	warmUp(service.graph, { ...DEFAULT_SETTINGS, language: languageForLocale(locale) }, fieldDocs);
}

/** Whether the diagnostics of a document have been sent (start.ts: a code cache made after that holds the code of an open). */
export function hasOpened(): boolean {
	return diagnosticsSent;
}

let diagnosticsSent = false;

/** A document's diagnostics have just been sent (pushed, or answered to a pull): its ranges are parsed ahead from here. */
function diagnosticsGone(uri: string): void {
	diagnosticsSent = true;
	parseAhead(uri);
}

let afterFirstOpenCallback: (() => void) | undefined;

/**
 * Calls back once, as an idle step after the idle work of the first document opened (start.ts writes
 * its code cache then): never while requests keep coming, nor in the way of the first hover after an open.
 */
export function afterFirstOpen(callback: () => void): void {
	afterFirstOpenCallback = callback;
}

/** Hovers made in idle time once per server, answers dropped: the first hover a user makes then finds its code compiled and the field descriptions read. */
let warmedUp = false;

function* idleSteps(uri: string): Generator<void, void> {
	if (!warmedUp) {
		warmedUp = true;
		for (const position of keyAndValuePositions(documents.get(uri)?.getText() ?? '', 12)) {
			void settingsFor(uri).then((s) => service.doHover(uri, position, s)).catch(() => undefined);
			yield;
		}
	}
	yield* service.rangesAhead(uri);
	// Last, the garbage of earlier versions, while nothing waits for the server.
	collectIfGrown();
	if (afterFirstOpenCallback) {
		// a step of its own; the idle work of a later version or document calls it when this one is stopped first
		yield;
		const callback = afterFirstOpenCallback;
		afterFirstOpenCallback = undefined;
		callback?.();
	}
}
/** The version of each open file whose documents are parsed (or being parsed) ahead. */
const parsedAhead = new Map<string, number>();

process.on('uncaughtException', (error) => connection.console.error(`KubeLore: uncaught ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`KubeLore: unhandled ${String(error)}`));

documents.listen(connection);
connection.listen();
