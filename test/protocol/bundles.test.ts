import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../util/service';

/** Loads a bundle in a fresh Node with a stand-in `vscode` module; returns what it exports and the files Node loaded. */
function load(bundle: string): { exports: string[]; loaded: string[] } {
	const script = `const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
	if (request === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: () => () => ({}) }) });
	return load.call(this, request, ...rest);
};
const exported = require(${JSON.stringify(bundle)});
console.log(JSON.stringify({ exports: Object.keys(exported), loaded: Object.keys(require.cache) }));`;
	return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { exports: string[]; loaded: string[] };
}

describe('the extension bundles', () => {
	it('activation loads the client alone: the views and what only they need come later, from dist/views.js', () => {
		const client = load(join(ROOT, 'dist', 'client.js'));
		assert.deepEqual(client.exports.sort(), ['activate', 'deactivate']);
		assert.deepEqual(client.loaded, [join(ROOT, 'dist', 'client.js')], 'nothing but the client bundle is read when the extension activates');
		const views = load(join(ROOT, 'dist', 'views.js'));
		assert.ok(views.exports.includes('Views'), `dist/views.js exports the views: ${views.exports.join(', ')}`);
		// Text that survives minifying: the search palette's placeholder and markdown-it's own message.
		const source = (name: string) => readFileSync(join(ROOT, 'dist', name), 'utf8');
		for (const text of ['Search the Kubernetes knowledge, in English or Chinese', 'Wrong `markdown-it` preset']) {
			assert.ok(source('views.js').includes(text) && !source('client.js').includes(text), `"${text}" is in dist/views.js, not in dist/client.js`);
		}
	});

	it('the server bundle is ASCII, so that V8 keeps its source one byte a character', () => {
		const source = readFileSync(join(ROOT, 'dist', 'serverMain.js'), 'utf8');
		const at = Array.prototype.findIndex.call(source, (c: string) => c.charCodeAt(0) > 0x7f);
		assert.equal(at, -1, `a character past ASCII at offset ${at}: ${source.slice(at - 40, at + 10)}`);
	});
});
