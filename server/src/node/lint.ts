import { isAscii } from 'node:buffer';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { hashBytes, hashText, LazyText, manifestOf, parseForRecord, plainRecord, reusable, shareText, textOf, writable, type FileRecord } from '../cli/records';
import type { WorkspaceIndex } from '../service/workspace/index';
import { TextSnapshot } from '../service/workspace/textSnapshot';
import { decodeBytes, readFileBytesSync, readTextFileSync, type FileStamp, type ReadFailure } from './files';

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
 * (the cache): such a file is not read until readRest. `stamps`: files keep the stamps they were
 * read with (a run with a cache writes them; else they would live to the end of the run for nothing).
 * `vouched` may give the hash of a file without reading it at all (git vouches that it is the text
 * an index read, see gitTree.ts): such a file has no text and no stamp, and is read only if its text is needed.
 */
export async function readSources(
	files: AsyncIterable<FileToIndex>,
	onUnreadable: (path: string, failure: ReadFailure) => void,
	onRead?: (count: number) => void,
	reuse?: (uri: string, stamp: FileStamp) => string | undefined,
	stamps = true,
	vouched?: (path: string) => string | undefined,
): Promise<SourceFile[]> {
	const byUri = new Map<string, SourceFile>();
	const texts = new TextChunks();
	for await (const file of files) {
		const uri = URI.file(file.path).toString();
		const known = byUri.get(uri);
		if (known && file.text === undefined) {
			known.report ||= file.report;
			continue;
		}
		let hash: string | undefined;
		let text: string | undefined;
		let stamp: FileStamp | undefined;
		let ascii: Buffer | undefined;
		if (file.text !== undefined) {
			text = file.text;
			hash = hashText(text);
		} else if ((hash = vouched?.(file.path)) !== undefined) {
			// Not read: its text is known to be the one of this hash, and read if a rule needs it (see indexSources).
		} else {
			const read = readFileBytesSync(file.path, reuse && ((s) => (hash = reuse(uri, s)) !== undefined), texts.room);
			const decoded = 'error' in read ? read : 'bytes' in read ? texts.decode(read.bytes) : undefined;
			if (decoded && 'error' in decoded) {
				if (file.report) onUnreadable(file.path, decoded);
				continue;
			}
			stamp = (read as { stamp: FileStamp }).stamp;
			if (decoded) ({ text, hash, ascii } = decoded);
		}
		const source: SourceFile = { uri, path: file.path, text, hash: hash!, report: file.report || Boolean(known?.report), stamp: stamps ? stamp : undefined };
		if (ascii) texts.later(source, ascii);
		if (known) Object.assign(known, source);
		else byUri.set(uri, source);
		onRead?.(byUri.size);
	}
	texts.flush();
	return [...byUri.values()];
}

/** Bytes of plain ASCII texts gathered before they are decoded together: about a megabyte. */
const CHUNK_BYTES = 1 << 20;

/**
 * Texts of files read from disk. Most files are plain ASCII: they are read one after the other
 * into one buffer (see room), and their texts decoded a buffer at a time, into one string that
 * each file's text is a slice of. Thousands of small strings would each be copied by the young
 * generation's collections while the run reads the others (all of them live to its end); one large
 * string is not moved. A buffer per file, and copying them together, would cost as much again as
 * the decoding. Other files (UTF-8 beyond ASCII, a byte order mark) are decoded one by one.
 */
class TextChunks {
	private pending: { source: { text?: string }; start: number; end: number }[] = [];
	/** Where the files are read into (room for a chunk and a file after it); decoded texts are copies, so it is read into again after each flush. */
	private chunk = Buffer.allocUnsafe(2 * CHUNK_BYTES);
	private used = 0;

	/** Where the next file, of `size` bytes, is read (room for one byte more, to tell that it grew): after the ASCII texts read before it. */
	readonly room = (size: number): { buffer: Buffer; offset: number } => {
		if (this.used + size + 1 > this.chunk.length) {
			this.flush();
			if (size + 1 > this.chunk.length) this.chunk = Buffer.allocUnsafe(size + 1);
		}
		return { buffer: this.chunk, offset: this.used };
	};

	/** The hash of a file's bytes, and its text now (decoded alone) or its bytes to decode with the chunk (see later); else why they are not text. */
	decode(bytes: Buffer): ReadFailure | { hash: string; text?: string; ascii?: Buffer } {
		if (!isAscii(bytes) || bytes.includes(0)) {
			const decoded = decodeBytes(bytes);
			return 'error' in decoded ? decoded : { hash: hashText(decoded.text), text: decoded.text };
		}
		// The hash of an ASCII text is that of its bytes.
		return { hash: hashBytes(bytes), ascii: bytes };
	}

	/** Gives the source the text of these (ASCII) bytes, read where room said, when their chunk is decoded. */
	later(source: { text?: string }, bytes: Buffer): void {
		if (bytes.buffer !== this.chunk.buffer || bytes.byteOffset !== this.chunk.byteOffset + this.used) {
			// Read elsewhere (the file grew while it was read): copied in.
			const { offset } = this.room(bytes.length);
			bytes.copy(this.chunk, offset);
		}
		this.pending.push({ source, start: this.used, end: this.used + bytes.length });
		this.used += bytes.length;
		// A megabyte or more decodes to a string whose characters V8 keeps outside its heap.
		if (this.used >= CHUNK_BYTES) this.flush();
	}

	/** Decodes the chunk gathered so far. */
	flush(): void {
		if (this.pending.length === 0) return;
		const all = this.chunk.toString('latin1', 0, this.used);
		for (const { source, start, end } of this.pending) source.text = all.slice(start, end);
		this.pending = [];
		this.used = 0;
	}
}

/** True when every file's text was read. */
export function allRead(files: SourceFile[]): files is SourceText[] {
	return files.every((f) => f.text !== undefined);
}

/** Reads the files that were not read (a file that can no longer be read is reported and left out); `onRead` hears of each file read. */
export function readRest(files: SourceFile[], onUnreadable: (path: string, failure: ReadFailure) => void, onRead?: () => void): SourceText[] {
	const out: SourceFile[] = [];
	const texts = new TextChunks();
	for (const file of files) {
		if (file.text !== undefined) {
			out.push(file);
			continue;
		}
		const read = readFileBytesSync(file.path, undefined, texts.room);
		const decoded = 'error' in read ? read : 'bytes' in read ? texts.decode(read.bytes) : undefined;
		if (!decoded || 'error' in decoded) {
			if (file.report && decoded) onUnreadable(file.path, decoded);
			continue;
		}
		const source: SourceFile = { ...file, text: decoded.text, hash: decoded.hash, stamp: (read as { stamp: FileStamp }).stamp };
		if (decoded.ascii) texts.later(source, decoded.ascii);
		out.push(source);
		onRead?.();
	}
	texts.flush();
	return out as SourceText[];
}

/**
 * Puts the files into the index, in order. A file whose parse is known by its hash (index or
 * cache file) is not parsed again; `onParsed` hears of the others, so that they can be kept.
 * `known` is told which file the parse is for (it may leave the values of a file that is not
 * checked unparsed until they are read). A file without its text (one git vouched for, see
 * readSources) is read when its text is first needed, and must still have the hash it was given.
 */
export function indexSources(
	index: WorkspaceIndex,
	sources: readonly SourceFile[],
	known: (hash: string, uri: string) => FileRecord | undefined,
	onParsed?: (hash: string, record: FileRecord) => void,
	onChanged?: (path: string) => void,
): void {
	const same = new Map<string, string>();
	for (const source of sources) {
		const text = source.text ?? new VouchedText(source, onChanged);
		// A Helm template's parse depends on the Chart.yaml beside it: the index parses it as it does in the editor.
		if (!reusable(source.path)) {
			index.setFile(source.uri, textOf(text), 0, false);
			continue;
		}
		let record = known(source.hash, source.uri);
		// A known parse was mostly read from a file, with JSON.parse (see shareText).
		const fromJson = record !== undefined;
		if (!record) {
			record = plainRecord(parseForRecord(source.uri, textOf(text)));
			if (onParsed && writable(record)) onParsed(source.hash, record);
		}
		shareText(record, text, same, fromJson);
		// Values from the parse; syntax trees are parsed again when a finding needs them (see manifestOf).
		const manifest = manifestOf(source.uri, text, record);
		// A text read on first use stays unread here: setFile asks a document for its text only to compare it with a file indexed before (none in a run).
		index.setFile(source.uri, typeof text === 'string' ? text : new LazyDocument(source.uri, text), 0, false, manifest);
	}
}

/**
 * The text of a file git vouched for, read when a rule needs it. It should be the text the index
 * read (the hash it was given); else `onChanged` hears of it, and the text is what could be read
 * (empty if nothing): a rule reads it deep in a check, where a failure would only silence the rule.
 */
class VouchedText extends LazyText {
	constructor(
		private readonly source: SourceFile,
		private readonly onChanged: ((path: string) => void) | undefined,
	) {
		super();
	}

	protected read(): string {
		const read = readTextFileSync(this.source.path);
		const text = 'text' in read ? read.text : '';
		if (hashText(text) !== this.source.hash) this.onChanged?.(this.source.path);
		return text;
	}
}

/** A file's text as the index holds it (see IndexedFile.text), read on first use. */
class LazyDocument implements TextDocument {
	readonly languageId = 'yaml';
	readonly version = 0;
	private snapshot: TextSnapshot | undefined;

	constructor(
		readonly uri: string,
		private readonly text: LazyText,
	) {}

	private get read(): TextSnapshot {
		return (this.snapshot ??= new TextSnapshot(this.uri, this.languageId, this.version, this.text.text));
	}

	get lineCount(): number {
		return this.read.lineCount;
	}

	getText(range?: Range): string {
		return this.read.getText(range);
	}

	positionAt(offset: number): Position {
		return this.read.positionAt(offset);
	}

	offsetAt(position: Position): number {
		return this.read.offsetAt(position);
	}

	getLineRange(line: number): Range {
		return this.read.getLineRange(line);
	}

	getEOLCharacters(line: number): string {
		return this.read.getEOLCharacters(line);
	}
}
