/* The layout of cache and index files: a header line, the values of the parses, their heads, and where the heads start (see CacheFile). */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { FileRecord } from './records';
import { storedParts } from './storedRecords';

/** A parse copied from the file as it was stored: its head and its values. */
export interface StoredBytes {
	head: string;
	values: Buffer;
}

export const TAB = 9;
export const NEWLINE_BYTE = 10;
const NEWLINE = Buffer.from('\n');

/** Reads `bytes.length` bytes of the file from `position`; throws when the file ends before. */
export function readFully(fd: number, bytes: Buffer, position: number): void {
	for (let done = 0; done < bytes.length; ) {
		const read = readSync(fd, bytes, done, bytes.length - done, position + done);
		if (read === 0) throw new Error('the file ends early');
		done += read;
	}
}

/**
 * Writes the header line (JSON, without a newline), the line after it when given (see Header.reportsLength), the values, the
 * heads and where they start, a part at a time: the parses of a large repository come to tens of megabytes, which one string
 * would hold at once (twice while written). The heads are kept until the values are written (a tenth of the size).
 */
export function writeLines(path: string, header: string, parses: Map<string, FileRecord | StoredBytes>, second?: Buffer): void {
	const fd = openSync(path, 'w');
	const pieces: Buffer[] = [];
	let size = 0;
	const flush = () => {
		writeSync(fd, Buffer.concat(pieces));
		pieces.length = 0;
		size = 0;
	};
	const add = (piece: Buffer) => {
		pieces.push(piece);
		size += piece.length;
		if (size > 1 << 20) flush();
	};
	try {
		add(Buffer.from(`${header}\n`));
		if (second) {
			add(second);
			add(NEWLINE);
		}
		const heads: string[] = [];
		let offset = 0;
		for (const [hash, stored] of parses) {
			const parts = 'values' in stored && Buffer.isBuffer(stored.values) ? (stored as StoredBytes) : storedParts(stored as FileRecord);
			const values = Buffer.isBuffer(parts.values) ? parts.values : Buffer.from(parts.values);
			add(values);
			add(NEWLINE);
			heads.push(`${hash}\t${offset}\t${values.length}\t${parts.head}\n`);
			offset += values.length + 1;
		}
		for (const line of heads) add(Buffer.from(line));
		add(Buffer.from(`${offset}\n`));
		flush();
	} finally {
		closeSync(fd);
	}
}

/** The first line of a file, read in chunks: the rest (the parses) may be large and is read only when needed. */
export function firstLine(path: string): { line: string; next: number } {
	const fd = openSync(path, 'r');
	try {
		const chunks: Buffer[] = [];
		let length = 0;
		for (;;) {
			// Not filled with zeros first: read overwrites what is kept of it.
			const chunk = Buffer.allocUnsafe(1 << 20);
			const size = readSync(fd, chunk, 0, chunk.length, length);
			const newline = chunk.subarray(0, size).indexOf(10);
			if (newline >= 0 || size === 0) {
				const end = newline >= 0 ? newline : size;
				chunks.push(chunk.subarray(0, end));
				const line = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length + end);
				return { line: line.toString('utf8'), next: line.length + 1 };
			}
			chunks.push(chunk.subarray(0, size));
			length += size;
		}
	} finally {
		closeSync(fd);
	}
}

