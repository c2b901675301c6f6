/*
 * While folders are read into the index the old generation grows by FILLING_GROWTH_PERCENT, and by what
 * limitHeapGrowth set once they are read (also after a failure, and only once for reads that overlap);
 * where limitHeapGrowth set nothing (the command line gave a growth), the growth is left alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FILLING_GROWTH_PERCENT, limitHeapGrowth, OLD_GROWTH_PERCENT, whileFilling } from '../../server/src/heapGrowth';

const GROWTH_SET = Symbol.for('kubelore.heapGrowingPercent');

describe('the heap while the workspace is read', () => {
	it('leaves the growth alone where limitHeapGrowth set none', async () => {
		delete (globalThis as Record<symbol, unknown>)[GROWTH_SET];
		limitHeapGrowth(['--heap-growing-percent=20', '--max-semi-space-size=16']);
		const flags: string[] = [];
		assert.equal(await whileFilling(async () => 7, (f) => flags.push(f)), 7);
		assert.deepEqual(flags, []);
	});

	it('grows faster while reading and as limitHeapGrowth set it afterwards, once for overlapping reads, after a failure too', async () => {
		limitHeapGrowth(['--max-semi-space-size=16'], 30);
		const flags: string[] = [];
		const setFlags = (f: string) => flags.push(f);
		let release!: () => void;
		const first = whileFilling(() => new Promise<void>((resolve) => (release = resolve)), setFlags);
		const second = whileFilling(async () => assert.deepEqual(flags, [`--heap-growing-percent=${FILLING_GROWTH_PERCENT}`]), setFlags);
		await second;
		assert.deepEqual(flags, [`--heap-growing-percent=${FILLING_GROWTH_PERCENT}`]);
		release();
		await first;
		assert.deepEqual(flags, [`--heap-growing-percent=${FILLING_GROWTH_PERCENT}`, '--heap-growing-percent=30']);
		await assert.rejects(
			whileFilling(async () => {
				throw new Error('unreadable');
			}, setFlags),
		);
		assert.deepEqual(flags.slice(2), [`--heap-growing-percent=${FILLING_GROWTH_PERCENT}`, '--heap-growing-percent=30']);
		limitHeapGrowth(['--max-semi-space-size=16']);
		assert.equal((globalThis as Record<symbol, unknown>)[GROWTH_SET], OLD_GROWTH_PERCENT);
	});
});
