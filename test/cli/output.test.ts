import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Output } from '../../server/src/cli/terminal';

/** A stream that records each write, a terminal or not. */
function recorder(isTTY: boolean): { stream: NodeJS.WriteStream; writes: string[] } {
	const writes: string[] = [];
	const stream = new PassThrough() as unknown as NodeJS.WriteStream;
	stream.isTTY = isTTY;
	const write = stream.write.bind(stream);
	stream.write = ((chunk: string, ...rest: never[]) => {
		writes.push(chunk);
		return write(chunk, ...rest);
	}) as typeof stream.write;
	(stream as unknown as PassThrough).resume();
	return { stream, writes };
}

describe('writing the report', () => {
	it('to a file or a pipe: gathers the texts into few writes, the same text in the same order, all of it once flushed', async () => {
		const { stream, writes } = recorder(false);
		let cleared = 0;
		const out = new Output(stream, () => cleared++);
		const texts = Array.from({ length: 2000 }, (_, i) => `file-${i}.yaml:1:1 warning message ${i}\n`);
		for (const text of texts) await out.write(text);
		await out.write('');
		await out.flush();
		assert.equal(writes.join(''), texts.join(''));
		assert.ok(writes.length > 1 && writes.length < texts.length / 20, `${writes.length} writes`);
		assert.equal(cleared, writes.length, 'the progress line is cleared before each write');
		await out.flush();
		assert.equal(writes.join(''), texts.join(''), 'nothing is written twice');
	});

	it('to a file or a pipe: writes what it holds once a moment has passed, so a slow run shows its findings', async () => {
		const { stream, writes } = recorder(false);
		const out = new Output(stream);
		await out.write('first\n');
		await sleep(150);
		await out.write('second\n');
		assert.equal(writes.join(''), 'first\nsecond\n');
	});

	it('to a terminal: writes each text at once', async () => {
		const { stream, writes } = recorder(true);
		const out = new Output(stream);
		await out.write('a\n');
		await out.write('b\n');
		assert.deepEqual(writes, ['a\n', 'b\n']);
	});
});
