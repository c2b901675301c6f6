import { URI } from 'vscode-uri';
import { hashText, manifestOf, recordOf, reusable, type FileRecord } from '../cli/records';
import type { WorkspaceIndex } from '../service/workspace/index';
import { readTextFile, type ReadFailure } from './files';

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

/** Runs actions in the order of the files being read (see readSources). */
export class InOrder {
	defer: (action: () => void) => void = (action) => action();
}

/** Files read at once: the disk works while the previous files are hashed. */
const READ_AHEAD = 32;

/**
 * Reads every file once, in the order they first came. Text handed in (standard input) wins over
 * the same file on disk, as an open editor's does. Files that cannot be read are reported when
 * they were asked for, and left out.
 */
export async function readSources(
	files: AsyncIterable<FileToIndex>,
	onUnreadable: (path: string, failure: ReadFailure) => void,
	onRead?: (count: number) => void,
	order?: InOrder,
): Promise<SourceText[]> {
	type Pending = { file: FileToIndex; uri: string; read: Promise<{ text: string } | ReadFailure>; report: boolean; after: (() => void)[] };
	const pending: Pending[] = [];
	const byUri = new Map<string, Pending>();
	const out: SourceText[] = [];
	const overrides = new Map<string, string>();
	const settle = async (entry: Pending) => {
		const read = await entry.read;
		if ('error' in read) {
			if (entry.report) onUnreadable(entry.file.path, read);
		} else {
			out.push({ uri: entry.uri, path: entry.file.path, text: read.text, hash: hashText(read.text), report: entry.report });
			onRead?.(out.length);
		}
		for (const action of entry.after) action();
	};
	// What happens while files are still being read (notes about other paths) waits for them, so that notes keep the order of the paths.
	if (order) order.defer = (action) => (pending.length ? pending[pending.length - 1].after.push(action) : action());
	for await (const file of files) {
		const uri = URI.file(file.path).toString();
		const known = byUri.get(uri);
		if (known && file.text === undefined) {
			known.report ||= file.report;
			continue;
		}
		if (known) {
			overrides.set(uri, file.text!);
			known.report ||= file.report;
			continue;
		}
		const read = file.text !== undefined ? Promise.resolve({ text: file.text }) : readTextFile(file.path);
		const entry: Pending = { file, uri, read, report: file.report, after: [] };
		byUri.set(uri, entry);
		pending.push(entry);
		if (pending.length >= READ_AHEAD) await settle(pending.shift()!);
	}
	for (const entry of pending) await settle(entry);
	// Entries may have been asked for again (reported, or given as standard input) after they were read.
	for (const source of out) {
		source.report = byUri.get(source.uri)!.report;
		const text = overrides.get(source.uri);
		if (text !== undefined) Object.assign(source, { text, hash: hashText(text) });
	}
	return out;
}

/**
 * Puts the files into the index, in order. A file whose parse is known by its hash (index or
 * cache file) is not parsed again; `onParsed` hears of the others, so that they can be kept.
 */
export function indexSources(index: WorkspaceIndex, sources: SourceText[], known: (hash: string) => FileRecord | undefined, onParsed?: (hash: string, record: FileRecord) => void): void {
	for (const source of sources) {
		const record = reusable(source.path) ? known(source.hash) : undefined;
		const file = index.setFile(source.uri, source.text, 0, false, record && manifestOf(source.uri, source.text, record));
		if (record || !file || !onParsed || !reusable(source.path)) continue;
		const made = recordOf(file.manifest);
		if (made) onParsed(source.hash, made);
	}
}
