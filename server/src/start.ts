/*
 * dist/server.js: starts the language server bundle (dist/serverMain.js) through V8's code cache.
 * The compiled code of the bundle is kept in a folder (`--cache-dir <folder>`: the client passes its
 * storage folder; without it the user's cache folder, see codeCache.ts) and used by the next start,
 * which then skips most of the compiling. With `--cache-dir=` (empty), with no such folder, or with a
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
		script = new Script(Module.wrap(source), { filename: main, cachedData: cached });
	} catch {
		// a cache V8 cannot take at all: start without it
		script = new Script(Module.wrap(source), { filename: main });
	}
	if (cached === undefined || script.cachedDataRejected === true) {
		let written = false;
		const write = () => {
			if (!written) {
				// The bundle's own warm-up first (server.ts beforeCodeCache), so that its code is in the cache compiled.
				try {
					(module.exports as { beforeCodeCache?: () => void }).beforeCodeCache?.();
				} catch {
					// the cache is written all the same
				}
				writeCache(dir, file, withStartFlags(() => script.createCachedData()));
			}
			written = true;
		};
		setTimeout(write, WRITE_AFTER_MS).unref();
		process.once('exit', write);
	}
	const module = new Module(main, require.main);
	module.filename = main;
	module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(main));
	const load = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
	load.call(module.exports, module.exports, createRequire(main), module, main, dirname(main));
}
