/* The --cache file and the `kubelore index` file: parses by content hash, and findings of the last run. */
import { accessSync, closeSync, constants, fstatSync, mkdirSync, openSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileStamp } from '../node/files';
import type { LocalFindings } from './check';
import type { ProfileReport } from './formats/profile';
import { firstLine, NEWLINE_BYTE, readFully, TAB, writeLines, type StoredBytes } from './cacheLayout';
import { recordFromParts, type StoredValues } from './storedRecords';
import { sha1, type FileRecord } from './records';

const FORMAT = 8;
/** A stamp is trusted only when the file was last written this long before the run that read it (timestamps may count whole seconds). */
const SETTLED_MS = 2000;
export const DEFAULT_CACHE_FILE = '.kubelorecache';

/** What the last run found in one file, for the text (hash) it had. */
export interface CachedFile {
	hash: string;
	diagnostics: Diagnostic[];
	local: LocalFindings;
}

/** The first line of a cache file: small, read on every run. */
interface Header {
	format: number;
	tool: string;
	/** Everything the findings of a file may depend on beyond its own text (see runKey). */
	run: string;
	files: Record<string, CachedFile>;
	/** The stamp and hash of every file read, so that an unchanged file is not read again. */
	stamps?: Record<string, [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string]>;
	/** The cluster profile the run reported (it depends on the same things as the run key). */
	profile?: ProfileReport;
	/** The settings local findings were found with, once each: files name them by their place here. */
	settings?: string[];
	/**
	 * The length in bytes of the line after the header, which holds an index's cluster profile
	 * reports by reportKey (JSON): a shard of the same tree and settings prints one instead of working
	 * it out. A line of its own, read only when a run asks for a report: over a large tree the reports
	 * run to megabytes, which every run would otherwise read and parse with the header (and keep as
	 * objects through the whole reading of the index, copied by every young-generation collection).
	 */
	reportsLength?: number;
	/** An index's content hashes of the files git vouched for, by `<blob ID> <path from the top of the checkout>` (see gitTree.ts). */
	blobs?: Record<string, string>;
}

/** A file's findings as the header stores them: the settings by their place in the header's list. */
type StoredFile = Omit<CachedFile, 'local'> & { local: { settings: string | number; diagnostics: Diagnostic[] } };

/** What a run writes into the cache besides the findings. */
export interface CacheExtras {
	/** When the run started reading (ms since the epoch). */
	started?: number;
	sources?: { uri: string; hash: string; stamp?: FileStamp }[];
	profile?: ProfileReport;
	/** The cluster profile reports of an index, by reportKey. */
	reports?: Record<string, ProfileReport>;
	/** The content hashes of an index's files that git vouched for, by blob ID and path (see Header.blobs). */
	blobs?: Record<string, string>;
}

/**
 * A cache or index file: a header line (findings of the last run), an index's cluster profile
 * reports on a line of their own (see Header.reportsLength), then the stored parses (see
 * storedParts): the values of every parse, a line each, then the heads of the parses, a line each
 * (content hash, where its values are and how long, the head), and last a line with where the
 * heads start. Offsets count from where the values start. The parses are read only when some
 * file has to be checked again, so that a run over an unchanged tree reads the header alone; then
 * the heads are read in one piece, and the values of a parse only when its file is checked or a
 * rule reads one: a shard of a large repository reads the heads of every file and the values of
 * its own files, not the tens of megabytes of the others' values.
 */
export class CacheFile implements StoredValues {
	/** Where each head line lies in `heads`, by hash (worked out when parses are asked for out of order). */
	private stored: Map<string, [start: number, end: number]> | undefined;
	private heads: Buffer = Buffer.alloc(0);
	/** The file, open while parses may read values from it; -1 once it was closed or could not be read. */
	private fd: number | undefined;
	private readonly fresh = new Map<string, FileRecord>();

	private constructor(
		readonly tool: string,
		readonly header: Header | undefined,
		/** Where the parses are: the file and the offset they start at (past the header line and the reports line). */
		private readonly parseLine?: { path: string; offset: number },
		/** Where the reports line is (see Header.reportsLength). */
		private readonly reportsLine?: { offset: number; length: number },
	) {}

	/** Reads a file written by an earlier run of the same tool; anything else (missing, other version, damaged) is an empty cache. */
	static read(path: string, tool: string): CacheFile {
		try {
			const { line, next } = firstLine(path);
			return CacheFile.withHeader(tool, JSON.parse(line) as Header, { path, offset: next });
		} catch {
			return new CacheFile(tool, undefined);
		}
	}

	/** The file of a header already read (`next`: where its line ends): empty when another tool wrote it; throws when the header is not whole. */
	static withHeader(tool: string, header: Header, { path, offset: next }: { path: string; offset: number }): CacheFile {
		if (header.format !== FORMAT || header.tool !== tool) return new CacheFile(tool, undefined);
		const settings = header.settings ?? [];
		for (const file of Object.values(header.files as Record<string, StoredFile>)) {
			if (typeof file.local.settings === 'number') file.local.settings = settings[file.local.settings];
		}
		const length = header.reportsLength;
		if (length === undefined) return new CacheFile(tool, header, { path, offset: next });
		if (!Number.isSafeInteger(length) || length < 0) throw new Error('not a length');
		return new CacheFile(tool, header, { path, offset: next + length + 1 }, { offset: next, length });
	}

	static empty(tool: string): CacheFile {
		return new CacheFile(tool, undefined);
	}

	/** The findings of a file from the last run, if that run had the same key and the file the same text. */
	findings(run: string, uri: string, hash: string): CachedFile | undefined {
		const file = this.header?.run === run ? this.header.files[uri] : undefined;
		return file?.hash === hash ? file : undefined;
	}

	/**
	 * The hash of a file's text from its stamp alone, when the stamp is the one it had when last
	 * read (size, times and inode all the same); undefined means the file has to be read.
	 */
	hashByStamp(uri: string, stamp: FileStamp): string | undefined {
		const known = this.header?.stamps?.[uri];
		if (!known || known[0] !== stamp.size || known[1] !== stamp.mtimeMs || known[2] !== stamp.ctimeMs || known[3] !== stamp.ino) return undefined;
		return known[4];
	}

	/** Local-rule findings of a file with the same text in the last run, whatever else changed. */
	localFindings(uri: string, hash: string): LocalFindings | undefined {
		const file = this.header?.files[uri];
		return file?.hash === hash ? file.local : undefined;
	}

	/** The cluster profile report an index holds for a run of this key (see reportKey), read from its line at each call. */
	indexedReport(key: string): ProfileReport | undefined {
		const at = this.reportsLine;
		if (!at || !this.parseLine) return undefined;
		let fd: number | undefined;
		try {
			fd = openSync(this.parseLine.path, 'r');
			const bytes = Buffer.allocUnsafe(at.length);
			readFully(fd, bytes, at.offset);
			const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
			return parsed && typeof parsed === 'object' && Object.hasOwn(parsed, key) ? (parsed as Record<string, ProfileReport>)[key] : undefined;
		} catch {
			// Gone, cut short or damaged since the header was read: the run works the report out.
			return undefined;
		} finally {
			if (fd !== undefined) closeSync(fd);
		}
	}

	/** The content hash an index recorded for this blob at this path (from the top of the checkout), when git vouched for the file it read. */
	hashOfBlob(blob: string, path: string): string | undefined {
		const blobs = this.header?.blobs;
		const key = `${blob} ${path}`;
		return blobs && Object.hasOwn(blobs, key) ? blobs[key] : undefined;
	}

	/** Lets go of the index's blob IDs (see hashOfBlob) once the files are read: tens of thousands of them otherwise live to the end of the run. */
	forgetBlobs(): void {
		if (this.header) this.header.blobs = undefined;
	}

	/** A parse by content hash (read from the file at each use), or one made in this run; `later`: values read on first use (see recordFromParts). */
	parse(hash: string, later = false): FileRecord | undefined {
		const known = this.fresh.get(hash);
		if (known) return known;
		const line = this.headLine(hash);
		if (!line) return undefined;
		// Not kept: the index holds what it needs of it from here on, and a rewrite copies the stored bytes.
		// Its resources hold where their values are in this file, not the line: a resource whose value is never read would keep its head's text alive to the end of the run.
		try {
			return recordFromParts(line.head, line.offset, line.length, this, later);
		} catch {
			// Values that cannot be read (a file cut short): that file is parsed again.
			return undefined;
		}
	}

	/** Lets go of the file: values of parses not read by now can no longer be (the file may be replaced next). */
	close(): void {
		if (this.fd !== undefined && this.fd >= 0) closeSync(this.fd);
		this.fd = -1;
	}

	/** The head line of a parse: where its values are, how long they are, and its head (JSON). */
	private headLine(hash: string): { offset: number; length: number; head: string } | undefined {
		const at = this.nextInOrder(hash) ?? this.storedHeads().get(hash);
		if (!at) return undefined;
		// The line decoded once, its fields sliced from it: a shard reads the head of every file of the tree.
		const line = this.heads.toString('utf8', at[0], at[1]);
		const first = line.indexOf('\t');
		const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
		const third = second < 0 ? -1 : line.indexOf('\t', second + 1);
		if (third < 0) return undefined;
		const offset = Number(line.slice(first + 1, second));
		const length = Number(line.slice(second + 1, third));
		if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return undefined;
		return { offset, length, head: line.slice(third + 1) };
	}

	/** Where the next head line starts while parses are asked for in the order they were written; -1 once they are not. */
	private cursor: number | undefined;

	/**
	 * Where the head of `hash` lies when it is on the next line: a run over the tree an index was
	 * written of asks for the parses in the order they were written, and needs no table of them all.
	 * Undefined once a parse was asked for out of order (then the table answers).
	 */
	private nextInOrder(hash: string): [start: number, end: number] | undefined {
		if (this.stored) return undefined;
		this.cursor ??= this.readHeads();
		const line = this.cursor;
		const tab = line + hash.length;
		if (line < 0 || tab >= this.heads.length || this.heads[tab] !== TAB || !this.startsWith(line, hash)) {
			this.cursor = -1;
			return undefined;
		}
		const newline = this.heads.indexOf(NEWLINE_BYTE, tab);
		if (newline < 0) {
			this.cursor = -1;
			return undefined;
		}
		this.cursor = newline + 1;
		return [line, newline];
	}

	/** True when the heads hold `hash` (ASCII, as every hash is) at `at`: compared byte by byte, without a string made of them. */
	private startsWith(at: number, hash: string): boolean {
		for (let i = 0; i < hash.length; i++) if (this.heads[at + i] !== hash.charCodeAt(i)) return false;
		return true;
	}

	/**
	 * Reads the heads (once), and keeps the file open for the values; returns where the head lines
	 * start. A file that cannot be read, or was not written to its end, counts as one without
	 * parses (every file is parsed again).
	 */
	private readHeads(): number {
		if (this.fd !== undefined || !this.parseLine) return 0;
		this.fd = -1;
		let fd: number | undefined;
		try {
			fd = openSync(this.parseLine.path, 'r');
			const size = fstatSync(fd).size;
			const base = this.parseLine.offset;
			// The last line says where the heads start; a file cut short has none.
			const tail = Buffer.alloc(Math.min(24, size - base));
			readFully(fd, tail, size - tail.length);
			const text = tail.toString('latin1');
			const match = /(?:^|\n)(\d+)\n$/.exec(text);
			if (!match) throw new Error('not written to its end');
			const start = Number(match[1]);
			const end = size - base - match[1].length - 1;
			if (!(start <= end)) throw new Error('not written to its end');
			this.heads = Buffer.allocUnsafe(end - start);
			readFully(fd, this.heads, base + start);
			this.fd = fd;
		} catch {
			// Gone since the header was read, or damaged: every file is parsed again.
			if (fd !== undefined) closeSync(fd);
			this.heads = Buffer.alloc(0);
		}
		return 0;
	}

	/** Bytes of the values part, from `offset` (counted from where it starts). */
	readValues(offset: number, length: number): Buffer {
		if (this.fd === undefined || this.fd < 0 || !this.parseLine) throw new Error('the file is closed');
		const bytes = Buffer.allocUnsafe(length);
		readFully(this.fd, bytes, this.parseLine.offset + offset);
		return bytes;
	}

	/** The head lines: where each lies, by hash (worked out once). */
	private storedHeads(): Map<string, [start: number, end: number]> {
		if (!this.stored) {
			this.stored = new Map();
			if (this.cursor === undefined) this.readHeads();
			this.cursor = -1;
			const heads = this.heads;
			for (let line = 0; line < heads.length; ) {
				const newline = heads.indexOf(NEWLINE_BYTE, line);
				if (newline < 0) break;
				const tab = heads.indexOf(TAB, line);
				if (tab > line && tab < newline) this.stored.set(heads.toString('latin1', line, tab), [line, newline]);
				line = newline + 1;
			}
		}
		return this.stored;
	}

	remember(hash: string, record: FileRecord): void {
		this.fresh.set(hash, record);
	}

	/** Writes the cache: this run's findings, and the parses of the texts it read (old ones dropped). */
	write(path: string, run: string, files: Record<string, CachedFile>, hashes: Iterable<string>, extras?: CacheExtras): void {
		const parses = new Map<string, FileRecord | StoredBytes>();
		for (const hash of hashes) {
			// Records read from the file go back as the bytes they were stored as, without being made into records.
			const record = this.fresh.get(hash);
			if (record) {
				parses.set(hash, record);
				continue;
			}
			const line = this.headLine(hash);
			if (!line) continue;
			try {
				parses.set(hash, { head: line.head, values: this.readValues(line.offset, line.length) });
			} catch {
				// Cannot be read: that file is parsed again next time.
			}
		}
		// Each file's settings once in a list (most files share them), and no other copy of its URI.
		const settings = new Map<string, number>();
		const stored: Record<string, StoredFile> = {};
		for (const [uri, file] of Object.entries(files)) {
			let at = settings.get(file.local.settings);
			if (at === undefined) settings.set(file.local.settings, (at = settings.size));
			stored[uri] = { hash: file.hash, diagnostics: file.diagnostics, local: { settings: at, diagnostics: file.local.diagnostics } };
		}
		const reports = extras?.reports && Buffer.from(JSON.stringify(extras.reports));
		const header: Header = { format: FORMAT, tool: this.tool, run, files: stored as unknown as Record<string, CachedFile>, profile: extras?.profile, settings: [...settings.keys()], reportsLength: reports?.length, blobs: extras?.blobs };
		if (extras?.sources && extras.started !== undefined) {
			header.stamps = {};
			for (const { uri, hash, stamp } of extras.sources) {
				// A file written just before or while it was read may change again within the same timestamp: read it next time.
				if (stamp && Math.max(stamp.mtimeMs, stamp.ctimeMs) < extras.started - SETTLED_MS) header.stamps[uri] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, hash];
			}
		}
		mkdirSync(dirname(path), { recursive: true });
		const temporary = `${path}.${process.pid}.tmp`;
		writeLines(temporary, JSON.stringify(header), parses, reports);
		// The file read from may be the one replaced: it is let go first (on Windows an open file cannot be replaced).
		this.close();
		renameSync(temporary, path);
	}
}

/** The cache file for --cache-location: a file, or `.kubelorecache` in a folder (ending with a slash or existing). */
export function cachePath(location: string | undefined, cwd: string): string {
	if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
	const path = resolve(cwd, location);
	if (/[\\/]$/.test(location)) return join(path, DEFAULT_CACHE_FILE);
	try {
		if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE);
	} catch {
		// Not there yet: a file to create.
	}
	return path;
}

/** What a cluster profile report depends on: the tree, the knowledge, the profile's settings, and how the output shows paths. */
export interface ReportInputs {
	graphKey: string;
	/** The folders the run was given (they bound the scopes of cross-file checks). */
	roots: string[];
	cwd: string;
	language: string;
	/** Every file read (see treeKey). */
	tree: string;
	settings: { cni: string; runtimeClasses: string[]; storageClasses: string[] };
}

/** The files read, by URI and content hash, in the order read, as one key. */
export function treeKey(files: readonly { uri: string; hash: string }[]): string {
	return hashOf(files.map((f) => [f.uri, f.hash]));
}

/** The key of a cluster profile report: the same only for the same tree, knowledge, settings and way of showing paths. */
export function reportKey(inputs: ReportInputs): string {
	const { cni, runtimeClasses, storageClasses } = inputs.settings;
	return hashOf(['report', inputs.graphKey, [...inputs.roots].sort(), inputs.cwd, inputs.language, inputs.tree, [cni, runtimeClasses, storageClasses]]);
}

/** A short stable hash of any JSON-able value. */
export function hashOf(value: unknown): string {
	return sha1(JSON.stringify(value), 'base64url');
}

/** Why an index file cannot be used: it cannot be read (the error code), another build wrote it, or it is not an index. */
export type IndexProblem = { code: string } | { otherTool: string } | { damaged: true };

/**
 * Reads a file written by `kubelore index --out`. One that cannot be used stops the run: an index
 * of another build may hold parses that this one reads otherwise, and ignoring it would turn the
 * shards of a CI matrix into full parses without a word.
 */
export function readIndexFile(path: string, tool: string, onError: (problem: IndexProblem) => never): CacheFile {
	let header: unknown;
	let next: number;
	try {
		accessSync(path, constants.R_OK);
		const first = firstLine(path);
		next = first.next;
		header = JSON.parse(first.line) as unknown;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return onError(code ? { code } : { damaged: true });
	}
	if (!header || typeof header !== 'object' || !('format' in header) || !('tool' in header)) return onError({ damaged: true });
	if (header.format !== FORMAT || header.tool !== tool) return onError({ otherTool: `format ${String(header.format)}, ${String(header.tool)}` });
	let file: CacheFile | undefined;
	try {
		// The header is read once (an index's holds the cluster profile's reports).
		file = CacheFile.withHeader(tool, header as Header, { path, offset: next });
	} catch {
		// Not a whole header (no files): below.
	}
	return file?.header ? file : onError({ damaged: true });
}

/** How the header of an index names its build, for the message that rejects it. */
export function indexTool(tool: string): string {
	return `format ${FORMAT}, ${tool}`;
}
