import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, Position, Range, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { getCodeActions } from './features/codeActions';
import { codeLenses, resolveCodeLens } from './features/codeLens';
import { doComplete } from './features/completion';
import { doHover } from './features/hover';
import type { FieldDocs } from './features/hoverContext';
import { findDefinition, findLinks, findReferences } from './features/navigation';
import { isProjectConfig, projectConfigHover, settingsWithProjectConfig, validateProjectConfig } from './features/projectConfig';
import { prepareRename, rename, type RenameRefusal } from './features/rename';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { diagnosticData, forgetValidation, validate, validationSteps, type ValidationOptions } from './features/validation';
import type { KnowledgeGraph } from './knowledge/graph';
import { rangesAhead } from './manifest/parse';
import type { Rule } from './rules/types';
import { SchemaCatalog, type SchemaSource } from './schema/catalog';
import type { Settings } from './settings';
import type { WorkspaceIndex } from './workspace/index';

/** What the language service is built from: the front end hands in the index, graph and docs. */
export interface ServiceOptions {
	index: WorkspaceIndex;
	graph: KnowledgeGraph;
	/** Folder or URL of the rule pages. */
	docsBase: string;
	fieldDocs?: FieldDocs;
	rules?: Rule[];
	/** The built-in API schemas (dist/schemas), for validation against the target version. */
	schemas?: SchemaSource;
	/** Diagnostics carry no fixes: code actions work them out when asked (ValidationOptions.fixesOnRequest). */
	fixesOnRequest?: boolean;
	/** Each file is validated once: nothing is kept for the next validation (ValidationOptions.once). */
	once?: boolean;
}

/** The language service: documents in (through the index), LSP types out. No I/O, no connection. */
export interface LanguageService {
	readonly index: WorkspaceIndex;
	graph: KnowledgeGraph;
	doHover(uri: string, position: Position, settings: Settings): Hover | null;
	findDefinition(uri: string, position: Position, settings: Settings): Location[];
	findReferences(uri: string, position: Position, settings: Settings): Location[];
	findLinks(uri: string): DocumentLink[];
	doValidation(uri: string, settings: Settings): Diagnostic[];
	/** The same diagnostics computed a document per step (see validationSteps). */
	validationSteps(uri: string, settings: Settings): Generator<void, Diagnostic[]>;
	/** Parses a file's documents with ranges, one per step, for idle time (hovers then find them ready). */
	rangesAhead(uri: string): Generator<void, void>;
	/** Drops what is remembered about a document that closed. */
	forget(uri: string): void;
	getCodeActions(uri: string, diagnostics: Diagnostic[], settings: Settings): CodeAction[];
	doComplete(uri: string, position: Position, settings: Settings): CompletionList;
	documentSymbols(uri: string): DocumentSymbol[];
	workspaceSymbols(query: string): WorkspaceSymbol[];
	/** The name a rename at the position changes, a refusal with its reason, or null. */
	prepareRename(uri: string, position: Position, settings: Settings): { range: Range; placeholder: string } | RenameRefusal | null;
	rename(uri: string, position: Position, newName: string, settings: Settings): WorkspaceEdit | RenameRefusal | null;
	/** Where the lenses go; `resolveCodeLens` gives each its title and command. */
	codeLenses(uri: string, settings: Settings): CodeLens[];
	resolveCodeLens(lens: CodeLens, settings: Settings): CodeLens;
	/** The editor's settings with the project's `.kubelore.yaml` applied. */
	settingsFor(uri: string, settings: Settings): Settings;
}

export function createLanguageService(options: ServiceOptions): LanguageService {
	const { index } = options;
	const schemas = options.schemas ? new SchemaCatalog(options.schemas) : undefined;
	const offsetOf = (uri: string, position: Position) => index.getFile(uri)?.text.offsetAt(position) ?? -1;
	const validation: ValidationOptions = { docsBase: options.docsBase, rules: options.rules, schemas, fixesOnRequest: options.fixesOnRequest, once: options.once };
	return {
		index,
		graph: options.graph,
		doHover(uri, position, settings) {
			if (isProjectConfig(uri)) return projectConfigHover(uri, offsetOf(uri, position), index, this.graph, settings);
			return doHover(uri, offsetOf(uri, position), index, this.graph, settings, options.fieldDocs);
		},
		findDefinition: (uri, position, settings) => findDefinition(uri, offsetOf(uri, position), index, settings),
		findReferences: (uri, position, settings) => findReferences(uri, offsetOf(uri, position), index, settings),
		findLinks(uri) {
			return findLinks(uri, index);
		},
		doValidation(uri, settings) {
			if (isProjectConfig(uri)) return validateProjectConfig(uri, index);
			return validate(uri, index, this.graph, settings, validation);
		},
		*validationSteps(uri, settings) {
			if (isProjectConfig(uri)) return validateProjectConfig(uri, index);
			return yield* validationSteps(uri, index, this.graph, settings, validation);
		},
		*rangesAhead(uri) {
			const file = index.getFile(uri);
			if (file) yield* rangesAhead(file.manifest);
		},
		forget: (uri) => forgetValidation(uri),
		settingsFor: (uri, settings) => settingsWithProjectConfig(uri, settings, index),
		getCodeActions(uri, diagnostics, settings) {
			if (isProjectConfig(uri) || !options.fixesOnRequest) return getCodeActions(uri, diagnostics, index, settings);
			return getCodeActions(uri, diagnostics, index, settings, diagnosticData(uri, index, this.graph, settings, validation));
		},
		doComplete(uri, position, settings) {
			return doComplete(uri, offsetOf(uri, position), index, this.graph, settings);
		},
		documentSymbols: (uri) => documentSymbols(uri, index),
		workspaceSymbols: (query) => workspaceSymbols(query, index),
		prepareRename: (uri, position, settings) => prepareRename(uri, offsetOf(uri, position), index, settings),
		rename: (uri, position, newName, settings) => rename(uri, offsetOf(uri, position), newName, index, settings),
		codeLenses: (uri, settings) => codeLenses(uri, index, settings),
		resolveCodeLens(lens, settings) {
			return resolveCodeLens(lens, index, this.graph, settings);
		},
	};
}
