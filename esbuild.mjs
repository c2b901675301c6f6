// Bundles the client, the server and the command line into files under dist/, the views of
// the client into dist/views.js (loaded on first use, so that activation does not pay for them),
// and the script of the webviews (with Cytoscape) into dist/webview.js for the browser.
// `--production` minifies and leaves out source maps (what goes into the .vsix).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs' };

/** `import('./views')` and `import('./languageClient')` in the client stay requires of the sibling dist/views.js and dist/languageClient.js, made when first called. */
/**
 * esbuild escapes the non-ASCII characters of strings, yet leaves some in comments and regular
 * expressions. One such character makes V8 keep the whole source of the bundle two bytes a character
 * (4 MB for the server instead of 2): they are written as `\\uXXXX` escapes, which mean the same there.
 */
function asciiOnly(file) {
	const text = readFileSync(file, 'utf8');
	const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * Node modules the server would load at start for code it does not run there: vscode-jsonrpc requires
 * `crypto` to name pipes (the server talks over stdio, or asks for a pipe name only when told to) and
 * vscode-languageserver requires `child_process` to find the global node_modules folders. `crypto`
 * alone takes some 12 ms of a start. Each is required where it is first used instead; a dependency
 * whose text no longer matches stops the build, so that a rewrite is never silently lost.
 */
const LAZY_BUILTINS = [
	{
		file: /[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/,
		from: 'const crypto_1 = require("crypto");',
		to: 'const crypto_1 = { randomBytes: (size) => require("crypto").randomBytes(size) };',
	},
	{
		file: /[\\/]vscode-languageserver[\\/]lib[\\/]node[\\/]files\.js$/,
		from: 'const child_process_1 = require("child_process");',
		to: 'const child_process_1 = { fork: (...args) => require("child_process").fork(...args), spawnSync: (...args) => require("child_process").spawnSync(...args) };',
	},
];

const lazyBuiltins = {
	name: 'lazy-builtins',
	setup(build) {
		const used = new Set();
		build.onLoad({ filter: /[\\/]lib[\\/]node[\\/](main|files)\.js$/ }, async (args) => {
			const rewrite = LAZY_BUILTINS.find((r) => r.file.test(args.path));
			if (!rewrite) return undefined;
			const text = await readFile(args.path, 'utf8');
			if (!text.includes(rewrite.from)) throw new Error(`esbuild.mjs: ${args.path} no longer has ${rewrite.from}`);
			used.add(rewrite);
			return { contents: text.replace(rewrite.from, rewrite.to), loader: 'js' };
		});
		build.onEnd((result) => {
			if (result.errors.length === 0 && used.size !== LAZY_BUILTINS.length) throw new Error('esbuild.mjs: a module of LAZY_BUILTINS is no longer in the server bundle');
		});
	},
};

const viewsApart = {
	name: 'views-apart',
	setup(build) {
		build.onResolve({ filter: /^\.\/(views|languageClient)$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
	},
};

await Promise.all([
	// Without dynamic import() the external import becomes a deferred require(), which the extension host hooks like any other.
	esbuild.build({ ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], plugins: [viewsApart], supported: { 'dynamic-import': false } }),
	esbuild.build({ ...node, entryPoints: ['client/src/views.ts'], outfile: 'dist/views.js', external: ['vscode'] }),
	// vscode-languageclient, most of the client's code: loaded right after activation returns.
	esbuild.build({ ...node, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] }),
	// The server in dist/serverMain.js, started by the small dist/server.js, which keeps its code cache (server/src/start.ts).
	esbuild.build({ ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js', plugins: [lazyBuiltins] }).then(() => {
		asciiOnly('dist/serverMain.js');
		const id = createHash('sha256').update(readFileSync('dist/serverMain.js')).digest('hex').slice(0, 16);
		return esbuild.build({ ...node, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js', define: { BUNDLE_ID: JSON.stringify(id) } });
	}),
	esbuild.build({ ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
	esbuild.build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview.js' }),
]);
