import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it, mock } from 'node:test';
import { StreamMessageReader as LibraryReader, type Message, type MessageReader, type PartialMessageInfo } from 'vscode-languageserver/node';
import { random } from '../../bench/generate';
import { StreamMessageReader } from '../../server/src/stdio';


const frame = (body: string, headers = (length: number) => `Content-Length: ${length}\r\n`) => {
	const bytes = Buffer.from(body, 'utf8');
	return Buffer.concat([Buffer.from(`${headers(bytes.length)}\r\n`, 'latin1'), bytes]);
};
const json = (message: object) => JSON.stringify(message);

const hover = json({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///w/a.yaml' }, position: { line: 3, character: 4 } } });
const wide = json({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { text: '服务：每个节点上的端口 · “quotes” 🚢🚢 é\\u00e9 \\\\ back\\slash'.repeat(40) } });
const big = json({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///w/big.yaml', text: Array.from({ length: 4000 }, (_, i) => `  key${i}: värde ${i} ✓`).join('\n') } } });

/** Well-framed messages, each in one of the ways a client may write its header. */
const GOOD: Buffer[] = [
	frame(hover),
	frame(wide),
	frame(big),
	frame(hover, (n) => `Content-Length: ${n}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n`),
	frame(wide, (n) => `content-type: application/vscode-jsonrpc; charset=utf8\r\ncontent-length: ${n}\r\n`),
	frame(hover, (n) => `CONTENT-LENGTH:   ${n}  \r\n`),
	frame(json({ jsonrpc: '2.0', id: 'x', result: null })),
];

/** Framing a reader must report as an error (through onError) and read past. */
const BAD: Buffer[] = [
	Buffer.from('Content-Length 12\r\n\r\n', 'latin1'),
	Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n', 'latin1'),
	Buffer.from('Content-Length: twelve\r\n\r\n', 'latin1'),
	frame('{"jsonrpc": "2.0", "id": 1, "res'),
	frame(''),
];

/** A fake readable that emits exactly the chunks it is given. */
class Chunks extends EventEmitter {
	feed(chunks: Buffer[]): void {
		for (const chunk of chunks) this.emit('data', chunk);
	}
}

interface Seen {
	messages: Message[];
	errors: string[];
	closed: number;
	partial: PartialMessageInfo[];
}

function watch(reader: MessageReader): Seen {
	const seen: Seen = { messages: [], errors: [], closed: 0, partial: [] };
	reader.listen((message) => seen.messages.push(message));
	reader.onError((error) => seen.errors.push(error.message));
	reader.onClose(() => seen.closed++);
	reader.onPartialMessage((info) => seen.partial.push(info));
	return seen;
}

/** Both readers over the same chunks; the library hands messages on after a few promise turns. */
async function both(chunks: Buffer[], end = true): Promise<{ ours: Seen; theirs: Seen }> {
	const a = new Chunks();
	const b = new Chunks();
	const ours = watch(new StreamMessageReader(a as unknown as NodeJS.ReadableStream));
	const theirs = watch(new LibraryReader(b as unknown as NodeJS.ReadableStream));
	a.feed(chunks);
	b.feed(chunks);
	await new Promise((resolve) => setImmediate(resolve));
	if (end) {
		a.emit('close');
		b.emit('close');
	}
	return { ours, theirs };
}

/** The stream cut at `cuts` random places (seeded), some chunks a single byte long. */
function cut(stream: Buffer, cuts: number, rnd: () => number): Buffer[] {
	const places = new Set<number>();
	while (places.size < Math.min(cuts, stream.length - 1)) {
		const near = rnd() < 0.3 && places.size > 0 ? [...places][Math.floor(rnd() * places.size)] + 1 : 1 + Math.floor(rnd() * (stream.length - 1));
		if (near > 0 && near < stream.length) places.add(near);
	}
	const sorted = [...places].sort((x, y) => x - y);
	return [0, ...sorted].map((from, i) => stream.subarray(from, sorted[i] ?? stream.length));
}

function same(ours: Seen, theirs: Seen, label: string): void {
	assert.deepEqual(ours.messages, theirs.messages, `${label}: messages`);
	// The library reports a body's JSON error a few promise turns after a header's error; compare as sets.
	assert.deepEqual([...ours.errors].sort(), [...theirs.errors].sort(), `${label}: errors`);
	assert.equal(ours.closed, theirs.closed, `${label}: close`);
}

describe('the stdio message reader', () => {
	it('reads well-framed messages whole, one chunk each', async () => {
		const { ours, theirs } = await both(GOOD);
		assert.equal(ours.messages.length, GOOD.length);
		assert.deepEqual(ours.errors, []);
		same(ours, theirs, 'one chunk per message');
	});

	it('reads several messages from one chunk, and a header or body split anywhere, as the library does', async () => {
		const rnd = random(20261203);
		for (let round = 0; round < 150; round++) {
			const picks = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => GOOD[Math.floor(rnd() * GOOD.length)]);
			const stream = Buffer.concat(picks);
			const chunks = round === 0 ? [stream] : cut(stream, 1 + Math.floor(rnd() * (round % 5 === 0 ? 400 : 12)), rnd);
			const { ours, theirs } = await both(chunks);
			assert.equal(ours.messages.length, picks.length, `round ${round}`);
			same(ours, theirs, `round ${round}`);
		}
	});

	it('splits multi-byte characters across chunks without harm', async () => {
		const stream = frame(wide);
		const chunks = Array.from({ length: stream.length }, (_, i) => stream.subarray(i, i + 1));
		const { ours, theirs } = await both(chunks);
		assert.deepEqual(ours.messages, [JSON.parse(wide)]);
		same(ours, theirs, 'one byte per chunk');
	});

	it('reports wrong framing through onError and reads on, as the library does', async () => {
		const rnd = random(17);
		for (const bad of BAD) {
			const { ours } = await both([bad, GOOD[0]]);
			assert.equal(ours.errors.length, 1, `an error for ${JSON.stringify(bad.toString('latin1'))}`);
		}
		for (let round = 0; round < 150; round++) {
			const picks = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => (rnd() < 0.35 ? BAD : GOOD)[Math.floor(rnd() * 5)]);
			const stream = Buffer.concat(picks);
			const chunks = round % 3 === 0 ? [stream] : cut(stream, 1 + Math.floor(rnd() * 30), rnd);
			const { ours, theirs } = await both(chunks);
			same(ours, theirs, `round ${round}`);
		}
	});

	it('passes on the stream errors and its end', async () => {
		const a = new Chunks();
		const seen = watch(new StreamMessageReader(a as unknown as NodeJS.ReadableStream));
		a.emit('error', new Error('broken pipe'));
		a.emit('close');
		assert.deepEqual(seen.errors, ['broken pipe']);
		assert.equal(seen.closed, 1);
	});

	it('tells of a message whose body stays incomplete, as the library does', async () => {
		mock.timers.enable({ apis: ['setTimeout'] });
		try {
			const stream = frame(big);
			const { ours, theirs } = await both([stream.subarray(0, 1000)], false);
			mock.timers.tick(10000);
			assert.deepEqual(ours.partial, [{ messageToken: 0, waitingTime: 10000 }]);
			assert.deepEqual(ours.partial, theirs.partial);
			mock.timers.tick(10000);
			assert.equal(ours.partial.length, 2);
			assert.deepEqual(ours.partial, theirs.partial);
		} finally {
			mock.timers.reset();
		}
	});

	it('stops reading when its listener is disposed', async () => {
		const a = new Chunks();
		const reader = new StreamMessageReader(a as unknown as NodeJS.ReadableStream);
		const messages: Message[] = [];
		const listening = reader.listen((message) => messages.push(message));
		a.feed([GOOD[0]]);
		listening.dispose();
		a.feed([GOOD[0]]);
		assert.equal(messages.length, 1);
	});
});
