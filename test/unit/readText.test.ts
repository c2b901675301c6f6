/*
 * Files read in one call (readTextFileSync) give the same text, or the same refusal, as their bytes
 * decoded by Buffer (the reading of readTextFile, and of readTextFileSync as it was): random bytes,
 * malformed UTF-8, zero bytes, byte order marks.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { random } from '../../bench/generate';
import { readTextFile, readTextFileSync } from '../../server/src/node/files';

const folder = mkdtempSync(join(tmpdir(), 'kubelore-read-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** What the bytes of a file decode to, as Buffer decodes them. */
function reference(bytes: Buffer): { text: string } | { reason: string } {
	if (bytes.includes(0)) return { reason: 'binary' };
	const text = bytes.toString('utf8');
	return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function outcome(read: { text: string } | { reason: string } | { skipped: true }): { text: string } | { reason: string } {
	if ('text' in read) return { text: read.text };
	assert.ok('reason' in read);
	return { reason: read.reason };
}

/** Bytes of every kind: ASCII, valid multi-byte sequences, malformed and cut ones, a zero now and then, a byte order mark. */
function randomBytes(rnd: () => number, length: number): Buffer {
	const pieces = [
		Buffer.from('kind: ConfigMap\n'),
		Buffer.from('name: "å∑ 日本 😀"\n'),
		Buffer.from([0xef, 0xbb, 0xbf]),
		Buffer.from([0xc0, 0x80]),
		Buffer.from([0xe2, 0x82]),
		Buffer.from([0xf0, 0x9f, 0x98]),
		Buffer.from([0xed, 0xa0, 0x80]),
		Buffer.from([0xff, 0xfe]),
		Buffer.from([0x80]),
	];
	const out: Buffer[] = [];
	let size = 0;
	while (size < length) {
		const roll = rnd();
		const piece = roll < 0.6 ? pieces[Math.floor(rnd() * pieces.length)] : Buffer.from([Math.floor(rnd() * 255) + 1]);
		out.push(piece);
		size += piece.length;
	}
	if (rnd() < 0.1) out.splice(Math.floor(rnd() * out.length), 0, Buffer.from([0]));
	return Buffer.concat(out);
}

describe('reading a text file', () => {
	it('gives the text (or the refusal) that its bytes decode to, for random bytes', async () => {
		const rnd = random(20261203);
		let binary = 0;
		let malformed = 0;
		for (let i = 0; i < 300; i++) {
			const bytes = i === 0 ? Buffer.alloc(0) : randomBytes(rnd, Math.floor(rnd() * (i % 10 === 0 ? 100_000 : 400)));
			const path = join(folder, `f${i}.yaml`);
			writeFileSync(path, bytes);
			const expected = reference(bytes);
			if ('reason' in expected) binary++;
			else if (expected.text.includes('\ufffd')) malformed++;
			assert.deepEqual(outcome(readTextFileSync(path)), expected, `file ${i}`);
			assert.deepEqual(outcome(await readTextFile(path)), expected, `file ${i}, read in the background`);
		}
		// Both kinds occurred: the comparison covered them.
		assert.ok(binary > 5 && malformed > 100, `${binary} binary, ${malformed} malformed`);
	});

	it('drops a byte order mark at the start only', () => {
		const path = join(folder, 'bom.yaml');
		writeFileSync(path, '\ufeffa: 1\n\ufeffb: 2\n');
		assert.deepEqual(outcome(readTextFileSync(path)), { text: 'a: 1\n\ufeffb: 2\n' });
	});
});
