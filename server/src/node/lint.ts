import { URI } from 'vscode-uri';
import { hashText, manifestOf, parseForRecord, plainRecord, reusable, writable, type FileRecord } from '../cli/records';
import type { WorkspaceIndex } from '../service/workspace/index';
import { readTextFileSync, type ReadFailure } from './files';

/** A file to index: read from disk unless its text is given (standard input). */
export interface FileToIndex {
	path: string;
	/** Linted and reported; false for files read only as context for the others. */
	report: boolean;
	text?: string;
}

/** A file read for the run: its text, and the hash that keys its parse and cached findings. */
export interface SourceText {
	uri: string;
	path: string;
	text: string;
	hash: string;
	report: boolean;
}

/**
 * Reads every file once, in the order they first came. Text handed in (standard input) wins over
 * the same file on disk, as an open editor's does. Files that cannot be read are reported when
 * they were asked for, and left out.
 */
export async function readSources(files: AsyncIterable<FileToIndex>, onUnreadable: (path: string, failure: ReadFailure) => void, onRead?: (count: number) => void): Promise<SourceText[]> {
	const byUri = new Map<string, SourceText>();
	for await (const file of files) {
		const uri = URI.file(file.path).toString();
		const known = byUri.get(uri);
		if (known && file.text === undefined) {
			known.report ||= file.report;
			continue;
		}
		const read = file.text !== undefined ? { text: file.text } : readTextFileSync(file.path);
		if ('error' in read) {
			if (file.report) onUnreadable(file.path, read);
			continue;
		}
		const source = { uri, path: file.path, text: read.text, hash: hashText(read.text), report: file.report || Boolean(known?.report) };
		if (known) Object.assign(known, source);
		else byUri.set(uri, source);
		onRead?.(byUri.size);
	}
	return [...byUri.values()];
}

/**
 * Puts the files into the index, in order. A file whose parse is known by its hash (index or
 * cache file) is not parsed again; `onParsed` hears of the others, so that they can be kept.
 */
export function indexSources(index: WorkspaceIndex, sources: SourceText[], known: (hash: string) => FileRecord | undefined, onParsed?: (hash: string, record: FileRecord) => void): void {
	for (const source of sources) {
		// A Helm template's parse depends on the Chart.yaml beside it: the index parses it as it does in the editor.
		if (!reusable(source.path)) {
			index.setFile(source.uri, source.text, 0, false);
			continue;
		}
		let record = known(source.hash);
		if (!record) {
			record = plainRecord(parseForRecord(source.uri, source.text));
			if (onParsed && writable(record)) onParsed(source.hash, record);
		}
		// Values from the parse; syntax trees are parsed again when a finding needs them (see manifestOf).
		index.setFile(source.uri, source.text, 0, false, manifestOf(source.uri, source.text, record));
	}
}
