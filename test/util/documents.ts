/* Documents as the service holds them, for tests that compare the line scan with the full parse. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { splitDocuments } from '../../server/src/service/manifest/split';
import type { ManifestDocument, Resource } from '../../server/src/service/manifest/types';
import { readableText } from '../../server/src/service/manifest/yamlRead';

/**
 * A document not parsed with ranges whose full parse, when asked for, is counted: the functions
 * of nodes.ts read it through the line scan, and through the parse where the scan gives up.
 */
export function unparsed(chunk: string, yaml: Document.Parsed, counter: { parses: number }, resource?: Resource): ManifestDocument {
	const fields = { start: 0, end: chunk.length, text: chunk, kind: 'resource' as const, problems: [], disabledRules: new Set<string>(), resource };
	return Object.defineProperty(fields, 'yaml', {
		get: () => {
			counter.parses++;
			return yaml;
		},
	}) as unknown as ManifestDocument;
}

/** Each document of a file, split as the service splits it. */
export function chunks(text: string): string[] {
	const readable = readableText(text);
	return splitDocuments(readable).map(({ start, end }) => readable.slice(start, end));
}

/** The YAML files below a folder. */
export function yamlFiles(folder: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(folder)) {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
		else if (/\.ya?ml$/.test(name)) out.push(path);
	}
	return out;
}
