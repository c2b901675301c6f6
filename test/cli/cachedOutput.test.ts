import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { writeRepository } from './repo';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'kubelore-cached-output-'));
const repo = join(dir, 'repo');

async function lint(args: string[]): Promise<string> {
	const run = await runCli(['lint', '.', '--fail-on', 'none', ...args], { cwd: repo });
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stderr, '');
	return run.stdout;
}

/** The files the cache knows by their stamps (and so does not read again). */
const stamped = (cacheFile: string) => Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[0]) as { stamps?: object }).stamps ?? {}).length;

describe('kubelore lint --cache: the output of a run the cache answers', () => {
	before(async () => {
		writeRepository(repo, 30);
		// Files written in the last seconds are not known by their stamps: let them settle, so that the last run reads no file.
		await sleep(2200);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	for (const format of ['text', 'json', 'sarif']) {
		it(`is the output of a full run, byte for byte, in ${format}, also with --jobs 2`, async () => {
			const full = await lint(['--format', format]);
			assert.ok(full.length > 1000, 'the repository has findings to show');
			const cacheFile = join(dir, `${format}.cache`);
			const cached = ['--format', format, '--cache', '--cache-location', cacheFile];
			assert.equal(await lint(cached), full, 'the run that writes the cache');
			assert.ok(stamped(cacheFile) >= 30, 'the files are known by their stamps');
			assert.equal(await lint(cached), full, 'the run over the unchanged tree');
			assert.equal(await lint([...cached, '--jobs', '2']), full, 'the same with --jobs 2');
			assert.equal(await lint(['--format', format, '--jobs', '2']), full, 'a full run with --jobs 2');
		});
	}
});
