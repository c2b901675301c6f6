import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { QUIET_COLLECT_GROWTH, START_ROOM, YOUNG_LIMIT } from '../../server/src/heapGrowth';
import { ROOT } from '../util/service';

/**
 * A Node that keeps much of what it allocates alive (what makes V8 grow its young generation), in
 * rounds with a turn of the event loop between them, as the server works; prints the largest young
 * generation seen. `MODE`: `none` (V8's sizes), `limit`, or `given` (a command line with a size of its own).
 */
const ALLOCATE = `
const mode = process.env.MODE;
if (mode !== 'none') require(process.env.HEAP_GROWTH).limitHeapGrowth(mode === 'given' ? ['--max-semi-space-size=32'] : []);
const v8 = require('node:v8');
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
const kept = [];
let largest = 0;
(async () => {
	for (let round = 0; round < 60; round++) {
		for (let i = 0; i < 20000; i++) kept.push({ round, i, text: 'item ' + i });
		if (kept.length > 400000) kept.splice(0, 200000);
		largest = Math.max(largest, young());
		await new Promise((resolve) => setImmediate(resolve));
	}
	console.log(largest);
})();
`;

function largestYoungGeneration(mode: 'none' | 'limit' | 'given'): number {
	const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', ALLOCATE], {
		cwd: ROOT,
		env: { ...process.env, MODE: mode, HEAP_GROWTH: join(ROOT, 'server', 'src', 'heapGrowth.ts') },
		encoding: 'utf8',
	});
	assert.equal(run.status, 0, run.stderr);
	return Number(run.stdout.trim());
}

describe('the server heap limits', () => {
	it('keep the young generation near its limit where V8 alone lets it grow past', () => {
		const alone = largestYoungGeneration('none');
		assert.ok(alone > 2 * YOUNG_LIMIT, `without the limit the young generation grows (${alone} bytes)`);
		const limited = largestYoungGeneration('limit');
		// It may pass the limit by one step of growth, taken before the check after a collection.
		assert.ok(limited <= 2 * YOUNG_LIMIT, `with the limit: ${limited} bytes`);
	});

	it('leave the young generation to a size given on the command line', () => {
		assert.ok(largestYoungGeneration('given') > 2 * YOUNG_LIMIT);
	});

	it('collect the old generation when it has grown past QUIET_COLLECT_GROWTH, and only then', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', COLLECT], {
			cwd: ROOT,
			env: { ...process.env, HEAP_GROWTH: join(ROOT, 'server', 'src', 'heapGrowth.ts'), GROWTH: String(QUIET_COLLECT_GROWTH) },
			encoding: 'utf8',
		});
		assert.equal(run.status, 0, run.stderr);
		const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
		assert.equal(result.first, true, 'the first call collects, to learn what the heap holds');
		assert.equal(result.exposed, 'undefined', 'no gc is left in the global scope of later contexts (the flags are as at start)');
		assert.equal(result.again, false, 'nothing grew since');
		assert.equal(result.grown, true, 'garbage past the limit is collected');
		assert.ok((result.freed as number) > (result.garbage as number) / 2, `garbage freed: ${JSON.stringify(result)}`);
		assert.equal(result.after, false);
	});

	it('leave the room START_ROOM gives at the start to what is kept then, with no full collection by V8 meanwhile', () => {
		const withRoom = keptAfterStart(true);
		assert.equal(withRoom.roomy, true);
		assert.equal(withRoom.exposed, 'undefined');
		assert.equal(withRoom.majors, 0, `no full collection while ${withRoom.kept} MB were kept: ${JSON.stringify(withRoom)}`);
		// Without it, V8 collects the whole heap (at least once) while the same is kept: what the room is for.
		const without = keptAfterStart(false);
		assert.ok(without.majors > 0, JSON.stringify(without));
		assert.ok(withRoom.kept < START_ROOM / 1024 / 1024);
	});

	it('collect the young generation alone when asked, with no gc left in the global scope', () => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', YOUNG], {
			cwd: ROOT,
			env: { ...process.env, HEAP_GROWTH: join(ROOT, 'server', 'src', 'heapGrowth.ts') },
			encoding: 'utf8',
		});
		assert.equal(run.status, 0, run.stderr);
		const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
		assert.equal(result.collected, true);
		assert.equal(result.exposed, 'undefined');
		assert.deepEqual(result.kinds, ['minor'], 'one collection, of the young generation');
		assert.ok((result.youngAfter as number) < (result.youngBefore as number) / 2, `the garbage in the young generation collected: ${JSON.stringify(result)}`);
	});
});

/**
 * At start (after limitHeapGrowth, with collectWithRoom when ROOM is 1), keeps some 20 MB made over
 * turns of the event loop with garbage beside it, as a first open does; prints the full collections
 * seen meanwhile and the megabytes kept in the old generation.
 */
const KEEP_AFTER_START = `
const heap = require(process.env.HEAP_GROWTH);
const v8 = require('node:v8');
const vm = require('node:vm');
const { PerformanceObserver, constants } = require('node:perf_hooks');
heap.limitHeapGrowth([]);
const old = () => v8.getHeapSpaceStatistics().filter((s) => /old_space|large_object/.test(s.space_name)).reduce((sum, s) => sum + s.space_used_size, 0);
const majors = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(e.startTime); }).observe({ entryTypes: ['gc'] });
const roomy = process.env.ROOM === '1' ? heap.collectWithRoom() : false;
const before = old();
// the entry of the collection made right above arrives a moment after it: collections are counted from here
const start = performance.now();
setImmediate(async () => {
	const kept = [];
	for (let round = 0; round < 40; round++) {
		for (let i = 0; i < 5000; i++) {
			kept.push({ round, i, text: 'item ' + round + ' ' + i });
			void { garbage: [i, i + 1] };
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	await new Promise((resolve) => setTimeout(resolve, 50));
	console.log(JSON.stringify({ roomy, majors: majors.filter((t) => t >= start).length, kept: Math.round((old() - before) / 1048576), exposed: vm.runInNewContext('typeof gc'), items: kept.length }));
});
`;

function keptAfterStart(room: boolean): { roomy: boolean; majors: number; kept: number; exposed: string } {
	const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', KEEP_AFTER_START], {
		cwd: ROOT,
		env: { ...process.env, ROOM: room ? '1' : '0', HEAP_GROWTH: join(ROOT, 'server', 'src', 'heapGrowth.ts') },
		encoding: 'utf8',
	});
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout.trim()) as { roomy: boolean; majors: number; kept: number; exposed: string };
}

/** Fills the young generation with garbage, then calls collectYoung; prints the collections it made and what the young generation held. */
const YOUNG = `
const { collectYoung } = require(process.env.HEAP_GROWTH);
const v8 = require('node:v8');
const vm = require('node:vm');
const { PerformanceObserver, constants } = require('node:perf_hooks');
const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;
let sink;
for (let i = 0; i < 2000; i++) sink = { i, text: 'item ' + i };
const kinds = [];
const observer = new PerformanceObserver((list) => {
	for (const e of list.getEntries()) kinds.push(e.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR ? 'minor' : 'other ' + e.detail.kind);
});
observer.observe({ entryTypes: ['gc'] });
const youngBefore = young();
const collected = collectYoung();
const youngAfter = young();
setTimeout(() => {
	observer.disconnect();
	console.log(JSON.stringify({ collected, exposed: vm.runInNewContext('typeof gc'), kinds, youngBefore, youngAfter, sink: sink.i }));
}, 100);
`;

/** Calls collectIfGrown after nothing, then after garbage past QUIET_COLLECT_GROWTH; prints what it did. */
const COLLECT = `
const { collectIfGrown } = require(process.env.HEAP_GROWTH);
const v8 = require('node:v8');
const vm = require('node:vm');
const used = () => v8.getHeapSpaceStatistics().filter((s) => ['old_space', 'large_object_space', 'new_large_object_space'].includes(s.space_name)).reduce((n, s) => n + s.space_used_size, 0);
const result = { first: collectIfGrown(), exposed: vm.runInNewContext('typeof gc') };
result.again = collectIfGrown();
let kept = [];
// strings in the heap, of a server's texts' size (JSON.parse makes them whole, as it makes a message's text)
for (let i = 0; kept.length * 2 ** 20 < 1.5 * Number(process.env.GROWTH); i++) kept.push(JSON.parse(JSON.stringify(String.fromCharCode(97 + (i % 26)).repeat(2 ** 20))));
result.garbage = kept.length * 2 ** 20;
kept = undefined;
const before = used();
result.grown = collectIfGrown();
result.freed = before - used();
result.after = collectIfGrown();
console.log(JSON.stringify(result));
`;
