import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { GraphData } from '../../server/src/service/knowledge/types';
import { createLanguageService, type LanguageService } from '../../server/src/service/service';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { loadSchemas } from '../../server/src/node/schemas';
import { SchemaCatalog, type SchemaSource } from '../../server/src/service/schema/catalog';

export const ROOT = join(__dirname, '..', '..');
export const FOLDER = '/ws';

let graphData: GraphData | undefined;
/** The real graph built by `npm run knowledge` (dist/graph.json). */
export function realGraph(): KnowledgeGraph {
	graphData ??= JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData;
	return new KnowledgeGraph(graphData);
}

let schemaSource: SchemaSource | undefined;
let schemaCatalog: SchemaCatalog | undefined;
/** The API schemas built by `npm run schemas` (dist/schemas). */
export function realSchemas(): SchemaSource {
	schemaSource ??= loadSchemas(join(ROOT, 'dist'));
	if (!schemaSource) throw new Error('dist/schemas is missing: run npm run build');
	return schemaSource;
}

/** One catalog over the real schemas, shared by the tests that call validate() directly. */
export function realSchemaCatalog(): SchemaCatalog {
	schemaCatalog ??= new SchemaCatalog(realSchemas());
	return schemaCatalog;
}

export const CURSOR = '<|>';

/** Removes the cursor marker and returns its offset. */
export function cursor(text: string): { text: string; offset: number } {
	const offset = text.indexOf(CURSOR);
	if (offset < 0) throw new Error('fixture has no <|> cursor marker');
	return { text: text.slice(0, offset) + text.slice(offset + CURSOR.length), offset };
}

/** An in-memory workspace: files by path under /ws, a service over them, settings to tweak. */
export function workspace(files: Record<string, string>, graph: KnowledgeGraph = realGraph()): { service: LanguageService; uri: (path: string) => string } {
	const index = new WorkspaceIndex([FOLDER]);
	const uri = (path: string) => `file://${FOLDER}/${path}`;
	for (const [path, text] of Object.entries(files)) index.setFile(uri(path), text, 1, true);
	return { service: createLanguageService({ index, graph, docsBase: 'file:///docs/rules', schemas: realSchemas() }), uri };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
	return { ...DEFAULT_SETTINGS, ...overrides };
}
