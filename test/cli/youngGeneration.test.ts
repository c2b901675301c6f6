import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { YOUNG_LIMIT } from '../../server/src/heapGrowth';
import { generateTree } from './largeInput';
import { CLI } from './run';

/** Preloaded into the run: writes the young generation's size (bytes) at exit, which a busy run does not shrink. */
const RECORD_YOUNG = `data:text/javascript,${encodeURIComponent(`
import { getHeapSpaceStatistics } from 'node:v8';
import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.YOUNG_FILE, String(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)));
`)}`;

/** Runs `kubelore lint` over `root` with the recorder preloaded (as --import, which also makes Node load the bundle later); returns the young generation's size at exit. */
function youngAtExit(root: string, extra: string[] = []): number {
	const file = join(root, `.young-${process.pid}`);
	const run = spawnSync(process.execPath, [...extra, '--import', RECORD_YOUNG, CLI, 'lint', '.', '--format', 'json'], { cwd: root, env: { ...process.env, YOUNG_FILE: file }, maxBuffer: 1 << 28 });
	assert.equal(run.status, 1, run.stderr.toString());
	const size = Number(readFileSync(file, 'utf8'));
	rmSync(file);
	return size;
}

describe('kubelore lint: the young generation', () => {
	let root: string;
	before(() => {
		root = generateTree(1500);
	});
	after(() => rmSync(root, { recursive: true, force: true }));

	it('stays near its cap in a run that reads and checks without turning the event loop', () => {
		// The gc observer hears of collections only when the event loop turns, which a run over a tree of files hardly does: the run checks the size itself as it goes.
		const young = youngAtExit(root);
		assert.ok(young <= 2 * YOUNG_LIMIT, `young generation ${young} bytes at exit`);
	});

	it('is left to a size given on the command line', () => {
		// The same run grows past the cap when the command line sizes the young generation: the check above is what holds it.
		const young = youngAtExit(root, ['--max-semi-space-size=16']);
		assert.ok(young > 2 * YOUNG_LIMIT, `young generation ${young} bytes at exit`);
	});
});
