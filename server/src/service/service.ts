import type { CodeAction, Diagnostic, DocumentLink, Hover, Location, Position } from 'vscode-languageserver-types';
import { getCodeActions } from './features/codeActions';
import { doHover } from './features/hover';
import type { FieldDocs } from './features/hoverContext';
import { findDefinition, findLinks, findReferences } from './features/navigation';
import { isProjectConfig, settingsWithProjectConfig, validateProjectConfig } from './features/projectConfig';
import { validate } from './features/validation';
import type { KnowledgeGraph } from './knowledge/graph';
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
	getCodeActions(uri: string, diagnostics: Diagnostic[], settings: Settings): CodeAction[];
	/** The editor's settings with the project's `.kubelore.yaml` applied. */
	settingsFor(uri: string, settings: Settings): Settings;
}

export function createLanguageService(options: ServiceOptions): LanguageService {
	const { index } = options;
	const schemas = options.schemas ? new SchemaCatalog(options.schemas) : undefined;
	const offsetOf = (uri: string, position: Position) => index.getFile(uri)?.text.offsetAt(position) ?? -1;
	return {
		index,
		graph: options.graph,
		doHover(uri, position, settings) {
			return doHover(uri, offsetOf(uri, position), index, this.graph, settings, options.fieldDocs);
		},
		findDefinition: (uri, position, settings) => findDefinition(uri, offsetOf(uri, position), index, settings),
		findReferences: (uri, position, settings) => findReferences(uri, offsetOf(uri, position), index, settings),
		findLinks(uri) {
			return findLinks(uri, index, this.graph);
		},
		doValidation(uri, settings) {
			if (isProjectConfig(uri)) return validateProjectConfig(uri, index);
			return validate(uri, index, this.graph, settings, { docsBase: options.docsBase, rules: options.rules, schemas });
		},
		settingsFor: (uri, settings) => settingsWithProjectConfig(uri, settings, index),
		getCodeActions: (uri, diagnostics, settings) => getCodeActions(uri, diagnostics, index, settings),
	};
}
