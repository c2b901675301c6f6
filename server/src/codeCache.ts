/* The code cache of the server bundle: where it is kept, and a file format that a damaged or foreign file cannot pass. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import * as zlib from 'node:zlib';

const MAGIC = 'KLCC1';

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
export function readCache(file: string): Buffer | undefined {
	let data: Buffer;
	try {
		data = readFileSync(file);
	} catch {
		return undefined;
	}
	const head = MAGIC.length + 8;
	if (data.length <= head || data.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
	const length = data.readUInt32LE(MAGIC.length);
	const sum = data.readUInt32LE(MAGIC.length + 4);
	const body = data.subarray(head);
	if (body.length !== length || checksum(body) !== sum) return undefined;
	return body;
}

/** Written to a temporary file and renamed, so that a reader never sees half of it; failures are ignored. */
export function writeCache(dir: string, file: string, body: Buffer): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dir, { recursive: true });
		const head = Buffer.alloc(MAGIC.length + 8);
		head.write(MAGIC, 0, 'latin1');
		head.writeUInt32LE(body.length, MAGIC.length);
		head.writeUInt32LE(checksum(body), MAGIC.length + 4);
		writeFileSync(temporary, Buffer.concat([head, body]));
		renameSync(temporary, file);
	} catch {
		rmSync(temporary, { force: true });
		return;
	}
	// The caches of earlier bundles (an update of the extension) or other Node versions are of no further use.
	try {
		for (const name of readdirSync(dir)) if (/^server-.*\.cache$/.test(name) && name !== basename(file)) rmSync(join(dir, name), { force: true });
	} catch {
		// another start may be cleaning up at the same time
	}
}

/** CRC-32 where Node has it, else the first bytes of a SHA-1. */
export function checksum(data: Buffer): number {
	const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
	return crc32 ? crc32(data) >>> 0 : createHash('sha1').update(data).digest().readUInt32LE(0);
}
