/* How the server takes requests: none before initialize, and long validation in slices that yield. */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/** The initialize handshake: requests before it are refused (-32002), a second one too. */
export class Lifecycle {
	private initialized = false;

	/** Marks initialize as received; throws when it was received before. */
	initialize(): void {
		if (this.initialized) throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize may be sent only once');
		this.initialized = true;
	}

	/** Wraps a request handler so that it answers ServerNotInitialized until initialize arrived. */
	ready<P, R, A extends unknown[]>(handler: (params: P, ...rest: A) => R): (params: P, ...rest: A) => R {
		return (params, ...rest) => {
			if (!this.initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server has not been initialized');
			return handler(params, ...rest);
		};
	}
}

/** Work between two pauses, short enough that a hover waits no longer than this behind validation. */
const SLICE_MS = 15;

/**
 * Runs a computation made of steps, pausing every few milliseconds so that other messages are
 * read and answered; stops with undefined once `stale()` says a newer version made it useless.
 * Idle work passes a slice of 0: it pauses after every step, so that a request waits for one step at most.
 */
export async function runInSlices<T>(steps: Generator<void, T>, stale: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
	let sliceStart = performance.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (performance.now() - sliceStart < sliceMs) continue;
		await new Promise((resolve) => setImmediate(resolve));
		if (stale()) {
			steps.return(undefined as T);
			return undefined;
		}
		sliceStart = performance.now();
	}
}

/** The answer to a pull that a newer version overtook: the client asks again. */
export function overtaken(token?: CancellationToken): ResponseError<{ retriggerRequest: boolean }> {
	return new ResponseError(LSPErrorCodes.ServerCancelled, token?.isCancellationRequested ? 'cancelled' : 'a newer version of the document arrived', { retriggerRequest: true });
}
