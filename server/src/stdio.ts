/*
 * The server's connection over stdin and stdout. vscode-jsonrpc's stream writer sends a message's
 * header and its body as two writes, each a system call that wakes the client; on a busy machine the
 * pair costs as much as the hover it carries. This writer sends both in one write, framed the same way.
 * Its stream reader, for its part, buffers every chunk, scans headers byte by byte and decodes each
 * message a few promise turns later; the reader here does the same job with less work per message.
 */
import { inspect } from 'node:util';
import { AbstractMessageReader, AbstractMessageWriter, createConnection, Disposable, ProposedFeatures, type Connection, type DataCallback, type Message, type MessageReader, type MessageWriter, type RemoteConsole } from 'vscode-languageserver/node';

/** Writes each message as `Content-Length: <bytes>\r\n\r\n<JSON>` in a single write to the stream. */
export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
	private errors = 0;

	constructor(private readonly out: NodeJS.WritableStream) {
		super();
		out.on('error', (error: Error) => this.fireError(error));
		out.on('close', () => this.fireClose());
	}

	write(message: Message): Promise<void> {
		const json = JSON.stringify(message);
		const framed = `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
		return new Promise((resolve, reject) => {
			try {
				this.out.write(framed, 'utf8', (error) => {
					if (error) {
						this.fireError(error, message, ++this.errors);
						reject(error);
					} else resolve();
				});
			} catch (error) {
				this.fireError(error, message, ++this.errors);
				reject(error);
			}
		});
	}

	end(): void {
		this.out.end();
	}
}

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');

/**
 * Reads `Content-Length`-framed JSON messages from a stream, as vscode-jsonrpc's StreamMessageReader
 * does (the same messages, the same errors, the same partial-message notice), with less work per
 * message: the header end is found with one native search, a body that lies in one chunk is decoded
 * from it in place, and a message is handed on as soon as it is parsed. Header names are matched
 * case-insensitively; the body is decoded as UTF-8 from its bytes, whatever a Content-Type says, as
 * the library does.
 */
export class StreamMessageReader extends AbstractMessageReader implements MessageReader {
	/** Received bytes not yet read; the first is read from `start`. */
	private chunks: Buffer[] = [];
	private start = 0;
	/** Bytes in `chunks` from `start` on. */
	private size = 0;
	/** The body length of the message whose header has been read, else -1. */
	private length = -1;
	private callback: DataCallback = () => undefined;
	private partialTimer: NodeJS.Timeout | undefined;
	private timeout = 10000;

	constructor(private readonly readable: NodeJS.ReadableStream) {
		super();
	}

	set partialMessageTimeout(timeout: number) {
		this.timeout = timeout;
	}

	get partialMessageTimeout(): number {
		return this.timeout;
	}

	listen(callback: DataCallback): Disposable {
		this.length = -1;
		this.clearPartialTimer();
		this.callback = callback;
		const onData = (data: Buffer | string) => this.onData(data);
		this.readable.on('data', onData);
		this.readable.on('error', (error: Error) => this.fireError(error));
		this.readable.on('close', () => this.fireClose());
		return Disposable.create(() => {
			this.readable.off('data', onData);
		});
	}

	private onData(data: Buffer | string): void {
		const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
		if (chunk.length === 0) return;
		this.chunks.push(chunk);
		this.size += chunk.length;
		try {
			while (this.size > 0) {
				if (this.length === -1) {
					const length = this.readHeader();
					if (length === undefined) return;
					this.length = length;
				}
				if (this.size < this.length) {
					this.setPartialTimer();
					return;
				}
				this.clearPartialTimer();
				const text = this.readBody(this.length);
				this.length = -1;
				this.deliver(text);
			}
		} catch (error) {
			this.fireError(error);
		}
	}

	/** The Content-Length of the header at the front, the header consumed; undefined when incomplete or wrong. */
	private readHeader(): number | undefined {
		if (this.chunks.length > 1) this.flatten();
		const chunk = this.chunks[0];
		const end = chunk.indexOf(HEADER_END, this.start);
		if (end === -1) return undefined;
		const lines = chunk.toString('latin1', this.start, end + 2).split('\r\n');
		this.consume(end + 4 - this.start);
		let contentLength: string | undefined;
		let headers: Map<string, string> | undefined;
		// The last line is the empty one after the final CRLF; a header with no line before it is wrong.
		for (let i = 0; i < lines.length - 1; i++) {
			const line = lines[i];
			const colon = line.indexOf(':');
			if (colon === -1) throw new Error(`Message header must separate key and value using ':'\n${line}`);
			const key = line.slice(0, colon).toLowerCase();
			const value = line.slice(colon + 1).trim();
			if (key === 'content-length') contentLength = value;
			(headers ??= new Map()).set(key, value);
		}
		if (!contentLength) {
			this.fireError(new Error(`Header must provide a Content-Length property.\n${JSON.stringify(Object.fromEntries(headers ?? []))}`));
			return undefined;
		}
		const length = parseInt(contentLength);
		if (isNaN(length)) {
			this.fireError(new Error(`Content-Length value must be a number. Got ${contentLength}`));
			return undefined;
		}
		return length;
	}

	/** The next `length` bytes, decoded as UTF-8 and consumed. */
	private readBody(length: number): string {
		if (length === 0) return '';
		const first = this.chunks[0];
		if (first.length - this.start >= length) {
			const text = first.toString('utf8', this.start, this.start + length);
			this.consume(length);
			return text;
		}
		const body = Buffer.allocUnsafe(length);
		let filled = 0;
		while (filled < length) {
			const chunk = this.chunks[0];
			const take = Math.min(chunk.length - this.start, length - filled);
			chunk.copy(body, filled, this.start, this.start + take);
			filled += take;
			this.consume(take);
		}
		return body.toString('utf8');
	}

	/** Drops `count` bytes from the front, all within the first chunk. */
	private consume(count: number): void {
		this.start += count;
		this.size -= count;
		if (this.start === this.chunks[0].length) {
			this.chunks.shift();
			this.start = 0;
		}
	}

	/** Joins the unread bytes into one chunk (a header split across chunks). */
	private flatten(): void {
		const joined = Buffer.concat([this.chunks[0].subarray(this.start), ...this.chunks.slice(1)], this.size);
		this.chunks = [joined];
		this.start = 0;
	}

	private deliver(text: string): void {
		try {
			this.callback(JSON.parse(text) as Message);
		} catch (error) {
			this.fireError(error);
		}
	}

	private setPartialTimer(): void {
		this.clearPartialTimer();
		if (this.timeout <= 0) return;
		const timeout = this.timeout;
		this.partialTimer = setTimeout(() => {
			this.partialTimer = undefined;
			this.firePartialMessage({ messageToken: 0, waitingTime: timeout });
			this.setPartialTimer();
		}, timeout);
	}

	private clearPartialTimer(): void {
		if (this.partialTimer === undefined) return;
		clearTimeout(this.partialTimer);
		this.partialTimer = undefined;
	}
}

/**
 * The connection the command line asks for: over stdin and stdout with `--stdio` (read by
 * StreamMessageReader, written by OneWriteMessageWriter, and the console sent to the client as log
 * messages, as the library does for stdio, so that nothing else reaches stdout), else as
 * vscode-languageserver works it out (IPC, socket, pipe).
 */
export function createServerConnection(argv = process.argv): Connection {
	if (!argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
	// The library ends the process when its input ends if the input has `read` and `on`, as a stream has,
	// and reads the input itself if it also has `addListener`. The reader is given `read` and `on` of
	// stdin, not `addListener`: the process ends with stdin, as with `--stdio`, and this reader reads it.
	const stdin = process.stdin;
	const input = Object.assign(new StreamMessageReader(stdin), {
		read: () => stdin.read(),
		on: (event: string, listener: () => void) => stdin.on(event, listener),
	});
	const connection = createConnection(ProposedFeatures.all, input, new OneWriteMessageWriter(process.stdout));
	consoleToClient(connection.console);
	return connection;
}

/* eslint-disable no-console -- the console is redirected here, so that no call of it writes to stdout */
function consoleToClient(remote: RemoteConsole): void {
	const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
	console.log = console.debug = (...args: unknown[]) => remote.log(text(args));
	console.info = (...args: unknown[]) => remote.info(text(args));
	console.warn = (...args: unknown[]) => remote.warn(text(args));
	console.error = (...args: unknown[]) => remote.error(text(args));
	console.trace = (...args: unknown[]) => remote.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${new Error().stack?.replace(/(.+\n){2}/, '') ?? ''}`);
	console.dir = (arg: unknown, options?: object) => remote.log(inspect(arg, options));
}
/* eslint-enable no-console */
