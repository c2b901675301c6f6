import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import { readRest, readSources, type FileToIndex } from '../../server/src/node/lint';
import { writeRepository } from './repo';
import { runCli } from './run';

interface JsonLog {
	findings: JsonFinding[];
	profile: unknown;
	summary: { files: number };
}

const dir = mkdtempSync(join(tmpdir(), 'kubelore-stamps-'));
const repo = join(dir, 'repo');
const cacheFile = join(dir, 'lint.cache');
const lint = async (args: string[]) => {
	const run = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: repo });
	assert.equal(run.code, 0, run.stderr);
	return JSON.parse(run.stdout) as JsonLog;
};
const full = () => lint([]);
const cached = () => lint(['--cache-location', cacheFile]);
const stamps = () => Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[0]) as { stamps?: object }).stamps ?? {});
/** Rewrites a file with other text of the same length, then puts its modification time back. */
const sameSizeEdit = (path: string, from: RegExp, to: string) => {
	const { atime, mtime, size } = statSync(path);
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
	assert.equal(statSync(path).size, size, 'the edit keeps the size');
	utimesSync(path, atime, mtime);
};

describe('kubelore lint --cache: files known by size and times', () => {
	before(async () => {
		writeRepository(repo, 12);
		// Stamps of files written in the last seconds are not trusted (the next write may keep the same time): let them settle.
		await sleep(2200);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps the stamps of settled files, and answers an unchanged tree the same as a full run', async () => {
		const expected = await full();
		assert.deepEqual(await cached(), expected);
		assert.ok(stamps().length >= 12, 'the settled files are known by their stamps');
		assert.deepEqual(await cached(), expected);
	});

	it('sees an edit of the same size whose modification time was set back', async () => {
		const selectsNothing = (log: JsonLog) => log.findings.some((f) => f.file === 'services/app-2.yaml' && f.rule === 'service-selector-no-match');
		assert.ok(!selectsNothing(await cached()));
		sameSizeEdit(join(repo, 'workloads/team-2/app-2.yaml'), /app: app-2\b/g, 'app: app-X');
		const after = await cached();
		assert.deepEqual(after, await full());
		assert.ok(selectsNothing(after), 'the Service in another file was checked again');
	});

	it('reads a file touched without a change again, and gives the same findings', async () => {
		const before = await cached();
		const path = join(repo, 'services/app-5.yaml');
		const later = new Date(statSync(path).mtimeMs + 60_000);
		utimesSync(path, later, later);
		assert.deepEqual(await cached(), before);
		assert.deepEqual(before, await full());
	});

	it('does not trust a file written just before the run: an edit of the same size in the same second is seen', async () => {
		const path = join(repo, 'workloads/team-0/app-4.yaml');
		writeFileSync(path, readFileSync(path, 'utf8'));
		// Written within the moment before the run, whenever the run starts: a loaded machine may take seconds to start one.
		const ahead = new Date(Date.now() + 60_000);
		utimesSync(path, ahead, ahead);
		await cached();
		assert.ok(!stamps().some((uri) => uri.endsWith('/workloads/team-0/app-4.yaml')), 'a fresh file is read again next time');
		sameSizeEdit(path, /app: app-4\b/g, 'app: app-Y');
		assert.deepEqual(await cached(), await full());
	});

	it('follows deletions and renames', async () => {
		await cached();
		unlinkSync(join(repo, 'storage/data-6.yaml'));
		const deleted = await cached();
		assert.deepEqual(deleted, await full());
		assert.ok(deleted.findings.some((f) => f.file === 'workloads/team-2/app-6.yaml' && f.rule === 'pvc-claim-missing'));
		writeFileSync(join(repo, 'storage/renamed-7.yaml'), readFileSync(join(repo, 'storage/data-7.yaml')));
		unlinkSync(join(repo, 'storage/data-7.yaml'));
		assert.deepEqual(await cached(), await full());
	});

	it('reads a file later when its stamp gave its hash', async () => {
		const path = join(repo, 'services/app-1.yaml');
		async function* one(): AsyncGenerator<FileToIndex> {
			yield { path, report: true };
		}
		const skipped = await readSources(one(), assert.fail, undefined, () => 'known-hash');
		assert.equal(skipped[0].text, undefined);
		assert.equal(skipped[0].hash, 'known-hash');
		const [read] = readRest(skipped, assert.fail);
		assert.equal(read.text, readFileSync(path, 'utf8'));
		assert.notEqual(read.hash, 'known-hash');
	});
});
