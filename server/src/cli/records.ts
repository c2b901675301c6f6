/* Parses as plain data: written to the index and cache files, handed to worker threads, read back without parsing YAML again. */
import { createHash } from 'node:crypto';
import { parseDocumentChunk, parseManifest } from '../service/manifest/parse';
import type { ManifestDocument, ManifestFile } from '../service/manifest/types';

/** One document of a parsed file, without its syntax tree (parsed again only if a range is needed). */
export interface DocumentRecord {
	start: number;
	end: number;
	kind: ManifestDocument['kind'];
	partialReason?: ManifestDocument['partialReason'];
	resource?: ManifestDocument['resource'];
	problems: ManifestDocument['problems'];
	disabled: string[];
}

/** A file's documents, for the text whose hash is the key it is stored under. */
export type FileRecord = DocumentRecord[];

/** The content hash that keys parses and cached findings (the same on every machine). */
export function hashText(text: string): string {
	return createHash('sha1').update(text).digest('base64url');
}

/**
 * Whether a file's parse may be reused by content alone. A Helm template's parse depends on the
 * Chart.yaml above it, not on its text: such files are always parsed where they are read.
 */
export function reusable(path: string): boolean {
	return !path.includes('/templates/') && !path.includes('\\templates\\');
}

/** The record of a parse, or undefined when its values do not survive JSON (`.inf`, `.nan`). */
export function recordOf(manifest: ManifestFile): FileRecord | undefined {
	const record = manifest.documents.map((d) => ({
		start: d.start,
		end: d.end,
		kind: d.kind,
		partialReason: d.partialReason,
		resource: d.resource,
		problems: d.problems,
		disabled: [...d.disabledRules],
	}));
	return JSON.stringify(record, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? undefined : v)) === JSON.stringify(record) ? record : undefined;
}

/** Parses a file the way the index parses a file read from disk (values first, ranges on demand). */
export function parseForRecord(uri: string, text: string): ManifestFile {
	return parseManifest(uri, 0, text, { valuesFirst: true });
}

/** A parsed file rebuilt from its record and its text; syntax trees are parsed on first use. */
export function manifestOf(uri: string, text: string, record: FileRecord): ManifestFile {
	const documents = record.map((r) => {
		const chunk = text.slice(r.start, r.end);
		const fields = { start: r.start, end: r.end, text: chunk, kind: r.kind, partialReason: r.partialReason, resource: r.resource, problems: r.problems, disabledRules: new Set(r.disabled) };
		let yaml: ManifestDocument['yaml'];
		let parsed = false;
		Object.defineProperty(fields, 'yaml', {
			get: () => {
				if (!parsed) {
					yaml = parseDocumentChunk(chunk, r.start).yaml;
					parsed = true;
				}
				return yaml;
			},
			enumerable: false,
		});
		return fields as ManifestDocument;
	});
	return { uri, version: 0, text, documents };
}
