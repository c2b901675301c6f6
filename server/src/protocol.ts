/** Custom requests between the client and the server, declared once for both sides. */
import type { Entity, Language } from './service/knowledge/types';

/** The knowledge entries (with team entries) for search and the entry view. */
export namespace KnowledgeRequest {
	export const method = 'kubelore/knowledge';
	export interface Result {
		language: Language;
		entities: Entity[];
		/** Team notes per entity id. */
		notes: Record<string, { file: string; line: number; excerpt: string }[]>;
	}
}

/** The entry id for the value or resource at a position (Explain Resource at Cursor). */
export namespace ExplainRequest {
	export const method = 'kubelore/explain';
	export interface Params {
		uri: string;
		position: { line: number; character: number };
	}
	export type Result = string | null;
}

/** Options the client hands over at start. */
export interface InitializationOptions {
	/** True when Red Hat's YAML extension is active: field descriptions are left to it in `auto`. */
	yamlExtensionActive?: boolean;
}

/** Diagnostics of indexed files, for Lint Workspace: the uris to lint (all when omitted). */
export namespace LintFilesRequest {
	export const method = 'kubelore/lintFiles';
	export interface Params {
		uris?: string[];
	}
	export interface Result {
		/** Every indexed file when `uris` was omitted, with no diagnostics computed. */
		uris: string[];
		diagnostics: Record<string, import('vscode-languageserver-types').Diagnostic[]>;
	}
}
