/*
 * The server's connection over stdin and stdout. vscode-jsonrpc's stream writer sends a message's
 * header and its body as two writes, each a system call that wakes the client; on a busy machine the
 * pair costs as much as the hover it carries. This writer sends both in one write, framed the same way.
 */
import { inspect } from 'node:util';
import { AbstractMessageWriter, createConnection, ProposedFeatures, type Connection, type Message, type MessageReader, type MessageWriter, type RemoteConsole } from 'vscode-languageserver/node';

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

/**
 * The connection the command line asks for: over stdin and stdout with `--stdio` (written by
 * OneWriteMessageWriter, and the console sent to the client as log messages, as the library does for
 * stdio, so that nothing else reaches stdout), else as vscode-languageserver works it out (IPC, socket, pipe).
 */
export function createServerConnection(argv = process.argv): Connection {
	if (!argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
	// stdin is given as the stream it is, not as a reader: the library then ends the process when the
	// stream ends, as with `--stdio`. Its types want two streams or a reader and a writer; at run time
	// each side is taken on its own (a stream gets a reader, a writer is used as it is).
	const input = process.stdin as unknown as MessageReader;
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
