/*
 * The code cache of the server bundle: where it is kept, and a file format that a damaged or foreign
 * file cannot pass. A cache also says whether it was made after the server had opened a document:
 * one made before holds the code of the start alone, and the first server that loads it writes it
 * again once it has opened one (start.ts).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import * as zlib from 'node:zlib';

const MAGIC = 'KLCC2';
/** The header: MAGIC, the body's length, its checksum, and whether the cache was made after an open. */
const HEAD = MAGIC.length + 9;

/** A cache as read: the code V8 made, and whether it holds the code of a document's open. */
export interface CodeCache {
	body: Buffer;
	afterOpen: boolean;
}

/**
 * `--cache-dir <folder>` or `--cache-dir=<folder>` (an empty folder turns the cache off); without it,
 * the user's own cache folder (userCacheFolder), so that a server started by any editor, not only by
 * the extension (which passes its storage folder), starts from compiled code after its first run.
 */
export function cacheFolder(argv: string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = safeHomedir()): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--cache-dir') return argv[i + 1] || undefined;
		if (argv[i].startsWith('--cache-dir=')) return argv[i].slice('--cache-dir='.length) || undefined;
	}
	return userCacheFolder(env, platform, home);
}

/** Where each platform keeps a user's caches, with a folder of KubeLore's own; undefined when there is no such place. */
export function userCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string | undefined): string | undefined {
	const under = (base: string | undefined) => (base && isAbsolute(base) ? join(base, 'kubelore', 'code-cache') : undefined);
	if (platform === 'win32') return under(env.LOCALAPPDATA);
	if (platform === 'darwin') return under(home && join(home, 'Library', 'Caches'));
	return under(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && join(home, '.cache'));
}

function safeHomedir(): string | undefined {
	try {
		return homedir() || undefined;
	} catch {
		return undefined;
	}
}

/** The cached code, or undefined when there is none or it is not whole (its length and checksum are checked first). */
export function readCache(file: string): CodeCache | undefined {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return undefined;
	}
	if (data.length <= HEAD || data.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
	const length = data.readUInt32LE(MAGIC.length);
	const sum = data.readUInt32LE(MAGIC.length + 4);
	const stage = data[MAGIC.length + 8];
	const body = data.subarray(HEAD);
	if (body.length !== length || stage > 1 || checksum(body) !== (sum ^ stage) >>> 0) return undefined;
	return { body, afterOpen: stage === 1 };
}

/**
 * Written to a temporary file of this process and renamed, so that a reader never sees half of it
 * and servers writing at the same time each leave a whole file; failures are ignored.
 */
export function writeCache(dir: string, file: string, body: Buffer, afterOpen = false): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dir, { recursive: true });
		const stage = afterOpen ? 1 : 0;
		const head = Buffer.alloc(HEAD);
		head.write(MAGIC, 0, 'latin1');
		head.writeUInt32LE(body.length, MAGIC.length);
		// the stage is in the checksum too, so that a damaged byte cannot pass for another stage
		head.writeUInt32LE((checksum(body) ^ stage) >>> 0, MAGIC.length + 4);
		head[MAGIC.length + 8] = stage;
		writeFileSync(temporary, Buffer.concat([head, body]));
		renameSync(temporary, file);
	} catch {
		try {
			rmSync(temporary, { force: true });
		} catch {
			// not a file of ours
		}
		return;
	}
	// The caches of earlier bundles (an update of the extension) or other Node versions are of no further
	// use, nor the temporary file of a write that did not end (a server killed while it wrote).
	try {
		for (const name of readdirSync(dir)) if (/^server-.*\.(cache|tmp)$/.test(name) && name !== basename(file)) rmSync(join(dir, name), { force: true });
	} catch {
		// another start may be cleaning up at the same time
	}
}

/** CRC-32 where Node has it, else the first bytes of a SHA-1 (`crypto` is loaded then only: it takes some 12 ms of a start). */
export function checksum(data: Buffer): number {
	const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
	if (crc32) return crc32(data) >>> 0;
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only where zlib has no CRC-32
	const { createHash } = require('node:crypto') as typeof import('node:crypto');
	return createHash('sha1').update(data).digest().readUInt32LE(0);
}
