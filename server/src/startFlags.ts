/*
 * How V8 runs code that has not run before. A server's first file arrives right after its start,
 * and opening it runs code that has run once or never: the reader, the index, each rule. V8 gives a
 * function its feedback vector (where its inline caches learn the shapes of the objects they meet)
 * only after the function has run a while; until then each property read takes the generic path.
 * Given from the first call, it makes the first open cheaper, for a few hundred kilobytes of
 * vectors of functions that run once.
 *
 * Like the heap limits, the flag is read at run time (when a function is first called), so it is
 * set before the bundle loads, from whichever command started the server; a setting on Node's
 * command line (or NODE_OPTIONS) is left to rule. It is set once and never changed, so the code
 * cache (start.ts) is made and read under the same flags.
 */
import { setFlagsFromString } from 'node:v8';

export const EARLY_FEEDBACK_FLAG = '--no-lazy-feedback-allocation';

/** Feedback from a function's first call, unless the command line (or NODE_OPTIONS) says otherwise. */
export function feedbackFromFirstCall(commandLine = [...process.execArgv, process.env.NODE_OPTIONS ?? '']): void {
	if (commandLine.some((arg) => /--(no-)?lazy-feedback-allocation\b/.test(arg))) return;
	try {
		setFlagsFromString(EARLY_FEEDBACK_FLAG);
	} catch {
		// A Node without this flag runs as V8 decides.
	}
}
