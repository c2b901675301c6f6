import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import { OneWriteMessageWriter } from '../../server/src/stdio';

const MESSAGES: Message[] = [
	{ jsonrpc: '2.0', id: 1, result: null } as Message,
	{ jsonrpc: '2.0', id: 2, result: { contents: { kind: 'markdown', value: '**Service** `type: NodePort`\n\n---\n\n服务：每个节点上的端口 · “quotes” \\ back\\slash' }, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } } } } as Message,
	{ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a%20b.yaml', diagnostics: Array.from({ length: 300 }, (_, i) => ({ message: `finding ${i} ✓`, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } })) } } as Message,
];

/** Every chunk written to the stream, as bytes. */
function recorder(): { stream: Writable; chunks: Buffer[] } {
	const chunks: Buffer[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, done) {
			chunks.push(Buffer.from(chunk));
			done();
		},
	});
	return { stream, chunks };
}

describe('the stdio message writer', () => {
	it('writes the same bytes as vscode-jsonrpc stream writer, one write per message', async () => {
		const ours = recorder();
		const theirs = recorder();
		const one = new OneWriteMessageWriter(ours.stream);
		const two = new StreamMessageWriter(theirs.stream);
		for (const message of MESSAGES) {
			await one.write(message);
			await two.write(message);
		}
		assert.equal(ours.chunks.length, MESSAGES.length);
		assert.ok(theirs.chunks.length > MESSAGES.length, 'the library writes header and body apart');
		assert.deepEqual(Buffer.concat(ours.chunks), Buffer.concat(theirs.chunks));
	});

	it('frames messages that a reader reads back whole, non-ASCII text included', async () => {
		const pipe = new PassThrough();
		const writer = new OneWriteMessageWriter(pipe);
		const reader = new StreamMessageReader(pipe);
		const read: Message[] = [];
		const all = new Promise<void>((resolve) => {
			reader.listen((message) => {
				read.push(message);
				if (read.length === MESSAGES.length) resolve();
			});
		});
		for (const message of MESSAGES) await writer.write(message);
		await all;
		assert.deepEqual(read, MESSAGES);
		reader.dispose();
	});

	it('rejects a write the stream fails and reports the error', async () => {
		const failing = new Writable({ write: (_chunk, _encoding, done) => done(new Error('pipe closed')) });
		failing.on('error', () => undefined);
		const writer = new OneWriteMessageWriter(failing);
		const errors: Error[] = [];
		writer.onError(([error]) => errors.push(error));
		await assert.rejects(writer.write(MESSAGES[0]), /pipe closed/);
		assert.ok(errors.some((e) => /pipe closed/.test(e.message)));
	});
});
