import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readCache, writeCache } from '../../server/src/codeCache';

describe('the file of the server code cache', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kubelore-cache-file-'));
	after(() => rmSync(dir, { recursive: true, force: true }));
	const body = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 251));

	it('reads back what was written, with whether it was made after an open', () => {
		const file = join(dir, 'server-a.cache');
		writeCache(dir, file, body);
		assert.deepEqual(readCache(file), { body, afterOpen: false });
		writeCache(dir, file, body, true);
		assert.deepEqual(readCache(file), { body, afterOpen: true });
		assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
	});

	it('refuses a file whose stage, length or body was changed, or of the earlier format', () => {
		const file = join(dir, 'server-b.cache');
		writeCache(dir, file, body, false);
		const good = readFileSync(file);
		const stage = Buffer.from(good);
		stage[13] = 1;
		const unknownStage = Buffer.from(good);
		unknownStage[13] = 7;
		const flipped = Buffer.from(good);
		flipped[100] ^= 1;
		const earlier = Buffer.concat([Buffer.from('KLCC1', 'latin1'), good.subarray(5, 13), good.subarray(14)]);
		for (const bad of [stage, unknownStage, flipped, good.subarray(0, good.length - 1), earlier, Buffer.alloc(0)]) {
			writeFileSync(file, bad);
			assert.equal(readCache(file), undefined);
		}
		assert.equal(readCache(join(dir, 'missing.cache')), undefined);
	});

	it('leaves the older file whole when the new one cannot be written', () => {
		const file = join(dir, 'server-c.cache');
		writeCache(dir, file, body, false);
		// a folder where the temporary file should go: the write fails, and says nothing
		const blocked = `${file}.${process.pid}.tmp`;
		mkdirSync(blocked);
		writeCache(dir, file, Buffer.from('other code'), true);
		rmSync(blocked, { recursive: true });
		assert.deepEqual(readCache(file), { body, afterOpen: false });
	});

	it('removes the caches of other bundles and the files of unfinished writes, and leaves other files alone', () => {
		const own = mkdtempSync(join(tmpdir(), 'kubelore-cache-others-'));
		writeFileSync(join(own, 'server-old-x64-1.cache'), 'stale');
		writeFileSync(join(own, 'server-new-x64-1.cache.4242.tmp'), 'half a cache');
		writeFileSync(join(own, 'notes.txt'), 'kept');
		writeCache(own, join(own, 'server-new-x64-1.cache'), body, true);
		assert.deepEqual(readdirSync(own).sort(), ['notes.txt', 'server-new-x64-1.cache']);
		rmSync(own, { recursive: true, force: true });
	});
});
