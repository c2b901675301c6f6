/*
 * dist/server.js: starts the language server bundle (dist/serverMain.js) through V8's code cache.
 * The compiled code of the bundle is kept in a folder (`--cache-dir <folder>`: the client passes its
 * storage folder; without it the user's cache folder, see codeCache.ts) and used by the next start,
 * which then skips most of the compiling. A cache made before the server opened any document is made
 * again, once, by the first server that loads it and opens one, so that the code of an open is in it
 * compiled too. With `--cache-dir=` (empty), with no such folder, or with a
 * cache file that is missing, damaged or made by another Node, the bundle is loaded as usual.
 * Before the bundle, the heap's growth is limited (heapGrowth.ts).
 */
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { cacheFolder, readCache, writeCache } from './codeCache';
import { limitHeapGrowth, withStartFlags } from './heapGrowth';

/** Set by esbuild.mjs: a hash of dist/serverMain.js, so that a cache never outlives its bundle. */
declare const BUNDLE_ID: string;

/** Written once the server has answered its first requests, so that the functions they compiled are in it (or at exit, if sooner). */
const WRITE_AFTER_MS = 10_000;

/** What the bundle (server.ts) offers the writing of its code cache. */
interface CacheHooks {
	/** The bundle's own warm-up, run right before the cache is made, so that its code is in the cache compiled. */
	beforeCodeCache?: () => void;
	/** Whether the server has sent the diagnostics of a document. */
	hasOpened?: () => boolean;
	/** Calls back once, in idle time after the diagnostics of the first document opened. */
	afterFirstOpen?: (callback: () => void) => void;
}

limitHeapGrowth();
const main = join(__dirname, 'serverMain.js');
const folder = cacheFolder(process.argv);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is a sibling file, loaded at run time
if (folder === undefined) require(main);
else runCached(folder);

function runCached(dir: string): void {
	let source: string;
	try {
		source = readFileSync(main, 'utf8');
	} catch {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
		require(main);
		return;
	}
	const file = join(dir, `server-${BUNDLE_ID}-${process.arch}-${process.versions.v8}.cache`);
	const cached = readCache(file);
	let script: Script;
	try {
		script = new Script(Module.wrap(source), { filename: main, cachedData: cached?.body });
	} catch {
		// a cache V8 cannot take at all: start without it
		script = new Script(Module.wrap(source), { filename: main });
	}
	const module = new Module(main, require.main);
	module.filename = main;
	module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(main));
	const load = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
	load.call(module.exports, module.exports, createRequire(main), module, main, dirname(main));
	// The first document a server opens compiles most of the code of every later open (reading YAML,
	// the rules, the diagnostics): a cache made before any open is made again once, after one.
	const accepted = cached !== undefined && script.cachedDataRejected !== true;
	if (!accepted || !cached.afterOpen) writeWhenUseful(dir, file, script, accepted, module.exports as CacheHooks);
}

/**
 * Writes the cache of a server that found none it could use (`accepted` false) once it has answered
 * its first requests (WRITE_AFTER_MS) or at exit, and the cache of a server that found none made
 * after an open once it has opened a document: in idle time after that document's diagnostics, or
 * at exit if sooner. Then no more: a cache made after an open is not written again.
 */
function writeWhenUseful(dir: string, file: string, script: Script, accepted: boolean, hooks: CacheHooks): void {
	let written: 'none' | 'start' | 'open' = accepted ? 'start' : 'none';
	const opened = () => hooks.hasOpened?.() === true;
	const write = () => {
		if (written === 'open' || (written === 'start' && !opened())) return;
		const afterOpen = opened();
		try {
			hooks.beforeCodeCache?.();
		} catch {
			// the cache is written all the same
		}
		writeCache(dir, file, withStartFlags(() => script.createCachedData()), afterOpen);
		written = afterOpen ? 'open' : 'start';
	};
	if (!accepted) setTimeout(write, WRITE_AFTER_MS).unref();
	process.once('exit', write);
	hooks.afterFirstOpen?.(write);
}
