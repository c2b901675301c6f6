/*
 * How far the server's heap grows past what it holds. V8 sizes a heap for throughput: its young
 * generation grows to 64 MB a semi-space, and the old generation to up to four times what survived
 * the last full collection. The server holds some 60 MB for a 50,000-line file, yet the garbage of
 * a few dozen edits took it past 340 MB resident. Two limits keep it near what it holds, for about
 * the same time spent collecting: the young generation stops growing at YOUNG_LIMIT (a scavenge
 * then costs what it costs in a small heap: few objects survive it), and the old generation grows
 * by OLD_GROWTH_PERCENT between full collections, which V8 marks concurrently.
 *
 * Both are V8 flags read when the heap grows, so they take effect when set at run time, from
 * whichever command started the server. A limit given on Node's command line (or NODE_OPTIONS)
 * is left to rule.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Bytes of the young generation (both semi-spaces) past which it no longer grows. */
export const YOUNG_LIMIT = 8 * 1024 * 1024;
/** How much the old generation may grow past what survived the last full collection. */
export const OLD_GROWTH_PERCENT = 50;
/** V8's own factor, by which the young generation grows when much of it survives. */
const DEFAULT_YOUNG_GROWTH = 2;

/** Sets the limits (the old generation's growth may be given), unless the command line (or NODE_OPTIONS) sets limits of its own. */
export function limitHeapGrowth(commandLine = [...process.execArgv, process.env.NODE_OPTIONS ?? ''], oldGrowthPercent = OLD_GROWTH_PERCENT): void {
	const given = (flag: RegExp) => commandLine.some((arg) => flag.test(arg));
	try {
		if (!given(/--heap-growing-percent\b/)) setFlagsFromString(`--heap-growing-percent=${oldGrowthPercent}`);
		if (!given(/--(max-semi-space-size|semi-space-growth-factor|max-young-generation-size)\b/)) capYoungGeneration();
	} catch {
		// A Node without these flags runs with V8's sizes.
	}
}

/** Whether the young generation may grow now (false once the cap holds it). */
let growing = true;

/**
 * Runs `make` with the young generation's flag as it was at start: V8 stamps a code cache with the
 * flags set when it is made, and rejects it when a start has other flags.
 */
export function withStartFlags<T>(make: () => T): T {
	if (growing) return make();
	setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_YOUNG_GROWTH}`);
	try {
		return make();
	} finally {
		setFlagsFromString('--semi-space-growth-factor=1');
	}
}

/**
 * The young generation's size is checked after each collection: at the limit it stops growing; made
 * smaller again (V8 shrinks it when the server is idle), it may grow back up to the limit.
 */
function capYoungGeneration(): void {
	new PerformanceObserver(() => {
		const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
		const grow = young < YOUNG_LIMIT;
		if (grow === growing) return;
		growing = grow;
		setFlagsFromString(`--semi-space-growth-factor=${grow ? DEFAULT_YOUNG_GROWTH : 1}`);
	}).observe({ entryTypes: ['gc'] });
}
