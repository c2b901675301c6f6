// `promises` is read where used: loading node:fs/promises takes some milliseconds of the server's start, which reads no file with it.
import { accessSync, closeSync, constants, fstatSync, openSync, promises, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** Files larger than this are not indexed: nobody hand-edits them and parsing them costs memory. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.venv/**', '**/vendor/**'];

/** Include and exclude globs, relative to a root folder. */
export class FileFilter {
	private readonly included: (path: string) => boolean;
	private readonly excluded: (path: string) => boolean;

	constructor(include: string[] = DEFAULT_INCLUDE, exclude: string[] = DEFAULT_EXCLUDE) {
		this.included = globTest(include.length ? include : DEFAULT_INCLUDE);
		this.excluded = globTest(exclude);
	}

	/** True for a file path (relative, forward slashes) that the workspace should index. */
	accepts(relativePath: string): boolean {
		return this.included(relativePath) && !this.excluded(relativePath);
	}

	/** True when nothing under this folder can be included (so the walk skips it). */
	prunes(relativeDir: string): boolean {
		return this.excluded(`${relativeDir}/x`) || this.excluded(`${relativeDir}/x/x.yaml`);
	}
}

/**
 * True for a path that one of the globs matches, as picomatch(globs, { dot: true }) tells: a path
 * equal to a glob, or one its regular expression (picomatch's own) matches. picomatch's matcher
 * makes two objects per glob and path; a walk asks of every file and folder of a tree.
 */
function globTest(globs: string[]): (path: string) => boolean {
	const tests = globs.map((glob) => ({ glob, regex: picomatch.makeRe(glob, { dot: true }) }));
	return (path) => {
		if (path === '') return false;
		for (const { glob, regex } of tests) if (path === glob || regex.test(path)) return true;
		return false;
	};
}

/**
 * Walks a folder and yields the files the filter accepts, in a stable order. `blocking` reads each
 * folder synchronously: the command line has nothing else to do meanwhile, and a round trip to the
 * thread pool per folder costs several times the reading (5,000 files in 1,000 folders: 120 ms of CPU against 30).
 */
export async function* walkFiles(root: string, filter: FileFilter, onError?: (path: string, error: unknown) => void, blocking = false): AsyncGenerator<string> {
	// Each folder with its path relative to the root (forward slashes, '' for the root itself).
	const stack: [dir: string, relativeDir: string][] = [[root, '']];
	while (stack.length) {
		const [dir, relativeDir] = stack.pop()!;
		let entries;
		try {
			// One call per folder: a walk of thousands of folders pays per round trip to the thread pool.
			entries = blocking ? readdirSync(dir, { withFileTypes: true }) : await promises.readdir(dir, { withFileTypes: true });
		} catch (error) {
			onError?.(dir, error);
			continue;
		}
		// The paths of the entries are the folder's (as join makes it) and the name: an entry's name has no separator and is never
		// "." or "..", so this is join(dir, name) and relative(root, ...) without normalising each path again (a tenth of a run over an unchanged tree).
		const prefix = join(dir, 'x').slice(0, -1);
		const relativePrefix = relativeDir ? `${relativeDir}/` : '';
		const dirs: [string, string][] = [];
		const files: string[] = [];
		for (const entry of entries) {
			const rel = relativePrefix + entry.name;
			if (entry.isDirectory()) {
				if (!filter.prunes(rel)) dirs.push([prefix + entry.name, rel]);
			} else if (entry.isFile() && filter.accepts(rel)) files.push(prefix + entry.name);
		}
		files.sort();
		for (const f of files) yield f;
		stack.push(...dirs.sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0)));
	}
}

/** Why a file was not read: it is skipped on purpose (too large, binary) or could not be read. */
export type ReadFailure = { error: string; reason: 'too-large' | 'binary' | 'unreadable'; code?: string };

/** Reads a text file, or returns an error message (too large, unreadable, binary). */
export async function readTextFile(path: string): Promise<{ text: string } | ReadFailure> {
	try {
		return checkSize(await promises.stat(path)) ?? decodeBytes(await promises.readFile(path));
	} catch (error) {
		return failed(error);
	}
}

/**
 * What says whether a file may have changed since it was last read, without reading it: its size,
 * times (the change time moves on every write, whatever the modification time is set back to) and inode.
 */
export interface FileStamp {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	ino: number;
}

/**
 * The same, without leaving the thread: the command line reads thousands of small files in a
 * row, and a round trip to the thread pool per call costs more than the reading. `skip` is asked
 * with the file's stamp first: when it says so, the file is not read (its text is known elsewhere).
 */
export function readTextFileSync(path: string, skip?: (stamp: FileStamp) => boolean): { text: string; stamp: FileStamp } | { skipped: true; stamp: FileStamp } | ReadFailure {
	// Read to its end and decoded in one call, without a buffer of our own: a Buffer per file and its
	// decoding cost three times the rest of the read (5,000 files: 350 ms of CPU against 90 ms).
	return readOpenedSync(path, skip, (fd) => decodeText(readFileSync(fd, 'utf8')));
}

/**
 * As readTextFileSync, the bytes not yet decoded (see decodeBytes): the command line decodes thousands of small files at once.
 * `into` gives, for the file's size, a buffer and the offset in it where at least size + 1 bytes are free: the bytes are read
 * there and returned as a view of it (unless the file grew while it was read: then in a buffer of their own).
 */
export function readFileBytesSync(
	path: string,
	skip?: (stamp: FileStamp) => boolean,
	into?: (size: number) => { buffer: Buffer; offset: number },
): { bytes: Buffer; stamp: FileStamp } | { skipped: true; stamp: FileStamp } | ReadFailure {
	return readOpenedSync(path, skip, (fd, size) => ({ bytes: readOpen(fd, size, into?.(size)) }));
}

/** A file opened, checked and stamped; `read` takes its content from the open file. */
function readOpenedSync<T extends object>(
	path: string,
	skip: ((stamp: FileStamp) => boolean) | undefined,
	read: (fd: number, size: number) => T | ReadFailure,
): (T & { stamp: FileStamp }) | { skipped: true; stamp: FileStamp } | ReadFailure {
	if (skip) {
		// A stat of the path and a check that it may be read, two calls where opening the file takes three (open, stat,
		// close): a run over an unchanged tree reads few files. Neither opens the file, so a named pipe is refused here
		// without waiting for a writer; a file that may not be read fails as opening it would.
		try {
			const info = statSync(path);
			accessSync(path, constants.R_OK);
			const problem = checkSize(info);
			if (problem) return problem;
			const stamp = stampOf(info);
			if (skip(stamp)) return { skipped: true, stamp };
		} catch (error) {
			return failed(error);
		}
	}
	let fd: number | undefined;
	try {
		// One open and one stat of the open file (reading the file by its name would stat it again).
		// Without blocking: opening a named pipe would otherwise wait for a writer.
		fd = openSync(path, OPEN_FLAGS);
		const info = fstatSync(fd);
		const problem = checkSize(info);
		if (problem) return problem;
		// The stamp of what is read: the file may have changed since a stat of its path.
		const stamp = stampOf(info);
		const content = read(fd, info.size);
		return 'error' in content ? content : { ...content, stamp };
	} catch (error) {
		return failed(error);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

function stampOf(info: Stats): FileStamp {
	return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The whole of an open file, read from its start: `size` bytes, or what is there when it changed meanwhile. Read into
 * `into` (size + 1 bytes free from its offset) when given, else into a buffer of its own.
 */
function readOpen(fd: number, size: number, into?: { buffer: Buffer; offset: number }): Buffer {
	let buffer = into ? into.buffer : Buffer.allocUnsafe(size + 1);
	let base = into ? into.offset : 0;
	let capacity = size + 1;
	let length = 0;
	for (;;) {
		if (length === capacity) {
			const larger = Buffer.allocUnsafe(capacity * 2);
			buffer.copy(larger, 0, base, base + length);
			buffer = larger;
			base = 0;
			capacity = larger.length;
		}
		const read = readSync(fd, buffer, base + length, capacity - length, length);
		length += read;
		// A read that stops short at the size the file had stopped at its end: no second read to hear so (a call per file saved).
		if (read === 0 || (length === size && length < capacity)) return buffer.subarray(base, base + length);
	}
}

function checkSize(info: Stats): ReadFailure | undefined {
	if (info.isDirectory()) return { error: 'is a folder', reason: 'unreadable', code: 'EISDIR' };
	// A named pipe or a device would block the read or never end.
	if (!info.isFile()) return { error: 'not a regular file', reason: 'unreadable', code: 'ENOTREG' };
	if (info.size > MAX_FILE_BYTES) return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not indexed`, reason: 'too-large' };
	return undefined;
}

/** The text of a file's bytes (UTF-8, without a byte order mark), or why it is not text. */
export function decodeBytes(buffer: Buffer): { text: string } | ReadFailure {
	return decodeText(buffer.toString('utf8'));
}

/**
 * A file's text as decoded from UTF-8, or why it is not read. A zero byte, and nothing else, decodes
 * to U+0000 (a longer form of it is malformed and decodes to U+FFFD), so the text tells a binary file as its bytes do.
 */
export function decodeText(text: string): { text: string } | ReadFailure {
	if (text.includes('\0')) return { error: 'binary file, not indexed', reason: 'binary' };
	// Editors drop a byte order mark; so do we, so that columns on the first line agree.
	return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function failed(error: unknown): ReadFailure {
	return { error: (error as Error).message, reason: 'unreadable', code: (error as NodeJS.ErrnoException).code };
}

/** A path with forward slashes, as globs and URIs want it. */
export function toPosix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * relative(cwd, path). A path under the folder, with no `.` or `..` part nor empty one (as a walk of
 * the folder finds them), is what follows the folder's name: path.relative normalises both paths
 * first, which costs more than the hash over a tree of 50,000 files.
 */
export function relativeName(cwd: string, path: string): string {
	if (sep === '/' && path.length > cwd.length + 1 && path.charCodeAt(cwd.length) === 47 && path.startsWith(cwd)) {
		const rest = path.slice(cwd.length + 1);
		if (!rest.startsWith('.') && !rest.includes('/.') && !rest.includes('//') && !rest.endsWith('/')) return rest;
	}
	return relative(cwd, path);
}
