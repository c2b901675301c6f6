import { URI } from 'vscode-uri';
import { hashText, manifestOf, parseForRecord, plainRecord, reusable, shareText, writable, type FileRecord } from '../cli/records';
import type { WorkspaceIndex } from '../service/workspace/index';
import { readTextFileSync, type FileStamp, type ReadFailure } from './files';

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
	/** Size and times when it was read (unset for standard input). */
	stamp?: FileStamp;
}

/** A file of the run whose text may not have been read: its stamp matched the cache, which gave its hash. */
export type SourceFile = Omit<SourceText, 'text'> & { text?: string };

/**
 * Reads every file once, in the order they first came. Text handed in (standard input) wins over
 * the same file on disk, as an open editor's does. Files that cannot be read are reported when
 * they were asked for, and left out. `reuse` may give the hash of a file from its stamp alone
 * (the cache): such a file is not read until readRest.
 */
export async function readSources(
	files: AsyncIterable<FileToIndex>,
	onUnreadable: (path: string, failure: ReadFailure) => void,
	onRead?: (count: number) => void,
	reuse?: (uri: string, stamp: FileStamp) => string | undefined,
): Promise<SourceFile[]> {
	const byUri = new Map<string, SourceFile>();
	for await (const file of files) {
		const uri = URI.file(file.path).toString();
		const known = byUri.get(uri);
		if (known && file.text === undefined) {
			known.report ||= file.report;
			continue;
		}
		let hash: string | undefined;
		const read = file.text !== undefined ? { text: file.text, stamp: undefined } : readTextFileSync(file.path, reuse && ((stamp) => (hash = reuse(uri, stamp)) !== undefined));
		if ('error' in read) {
			if (file.report) onUnreadable(file.path, read);
			continue;
		}
		const text = 'text' in read ? read.text : undefined;
		const source: SourceFile = { uri, path: file.path, text, hash: text === undefined ? hash! : hashText(text), report: file.report || Boolean(known?.report), stamp: read.stamp };
		if (known) Object.assign(known, source);
		else byUri.set(uri, source);
		onRead?.(byUri.size);
	}
	return [...byUri.values()];
}

/** True when every file's text was read. */
export function allRead(files: SourceFile[]): files is SourceText[] {
	return files.every((f) => f.text !== undefined);
}

/** Reads the files that were not read (a file that can no longer be read is reported and left out); `onRead` hears of each file read. */
export function readRest(files: SourceFile[], onUnreadable: (path: string, failure: ReadFailure) => void, onRead?: () => void): SourceText[] {
	const out: SourceText[] = [];
	for (const file of files) {
		if (file.text !== undefined) {
			out.push(file as SourceText);
			continue;
		}
		const read = readTextFileSync(file.path);
		if ('error' in read || !('text' in read)) {
			if (file.report && 'error' in read) onUnreadable(file.path, read);
			continue;
		}
		out.push({ ...file, text: read.text, hash: hashText(read.text), stamp: read.stamp });
		onRead?.();
	}
	return out;
}

/**
 * Puts the files into the index, in order. A file whose parse is known by its hash (index or
 * cache file) is not parsed again; `onParsed` hears of the others, so that they can be kept.
 * `known` is told which file the parse is for (it may leave the values of a file that is not
 * checked unparsed until they are read).
 */
export function indexSources(
	index: WorkspaceIndex,
	sources: SourceText[],
	known: (hash: string, uri: string) => FileRecord | undefined,
	onParsed?: (hash: string, record: FileRecord) => void,
): void {
	const same = new Map<string, string>();
	for (const source of sources) {
		// A Helm template's parse depends on the Chart.yaml beside it: the index parses it as it does in the editor.
		if (!reusable(source.path)) {
			index.setFile(source.uri, source.text, 0, false);
			continue;
		}
		let record = known(source.hash, source.uri);
		if (!record) {
			record = plainRecord(parseForRecord(source.uri, source.text));
			if (onParsed && writable(record)) onParsed(source.hash, record);
		}
		shareText(record, source.text, same);
		// Values from the parse; syntax trees are parsed again when a finding needs them (see manifestOf).
		index.setFile(source.uri, source.text, 0, false, manifestOf(source.uri, source.text, record));
	}
}
