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
 *
 * V8 also lets the old generation grow by at least 8 MB (and the young generation's size) before it
 * collects it, whatever the percentage: the texts and trees of a few dozen edits of a large file
 * stay there as garbage, some 15 MB resident. So when the server is idle (collectIfGrown, called
 * from its idle work) and the old generation has grown by QUIET_COLLECT_GROWTH since the last full
 * collection, it collects it at once.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Bytes of the young generation (both semi-spaces) past which it no longer grows. */
export const YOUNG_LIMIT = 8 * 1024 * 1024;
/** How much the old generation may grow past what survived the last full collection. */
export const OLD_GROWTH_PERCENT = 50;
/**
 * Bytes the old generation may grow past what the last full collection left before an idle server
 * collects it, or a quarter of what it left when that is more: a larger heap takes longer to collect.
 */
export const QUIET_COLLECT_GROWTH = 6 * 1024 * 1024;
/** V8's own factor, by which the young generation grows when much of it survives. */
const DEFAULT_YOUNG_GROWTH = 2;

/** Sets the limits (the old generation's growth may be given), unless the command line (or NODE_OPTIONS) sets limits of its own. */
export function limitHeapGrowth(commandLine = [...process.execArgv, process.env.NODE_OPTIONS ?? ''], oldGrowthPercent = OLD_GROWTH_PERCENT): void {
	const given = (flag: RegExp) => commandLine.some((arg) => flag.test(arg));
	try {
		if (!given(/--heap-growing-percent\b/)) {
			setFlagsFromString(`--heap-growing-percent=${oldGrowthPercent}`);
			(globalThis as Record<symbol, unknown>)[GROWTH_SET] = oldGrowthPercent;
		}
		if (!given(/--(max-semi-space-size|semi-space-growth-factor|max-young-generation-size)\b/)) {
			new PerformanceObserver(capYoungGeneration).observe({ entryTypes: ['gc'] });
			youngCapped = true;
		}
	} catch {
		// A Node without these flags runs with V8's sizes.
	}
}

/**
 * The growth limitHeapGrowth set, kept where every bundle of the process finds it (dist/server.js sets
 * it, the server's bundle reads it); absent when the command line gave one or none was set.
 */
const GROWTH_SET = Symbol.for('kubelore.heapGrowingPercent');

/**
 * How much the old generation may grow between full collections while the workspace is read into the
 * index: nearly everything made then is kept, so a full collection frees little, as in `kubelore index`
 * (cli/runtime.ts); and every collection marked meanwhile slows the reading down.
 */
export const FILLING_GROWTH_PERCENT = 100;
let filling = 0;

/**
 * Runs `fill` (folders read into the index) with the old generation growing by FILLING_GROWTH_PERCENT,
 * then as limitHeapGrowth set it again; as it is where limitHeapGrowth set no growth (the command line gave one).
 */
export async function whileFilling<T>(fill: () => Promise<T>, setFlags = setFlagsFromString): Promise<T> {
	const set = (globalThis as Record<symbol, unknown>)[GROWTH_SET];
	if (typeof set !== 'number') return fill();
	if (filling++ === 0) setFlags(`--heap-growing-percent=${FILLING_GROWTH_PERCENT}`);
	try {
		return await fill();
	} finally {
		if (--filling === 0) setFlags(`--heap-growing-percent=${set}`);
	}
}

/**
 * Bytes the old generation may take, past what it holds at the start of a server, before V8's first
 * full collection (see collectWithRoom): about what the first open of a 10,000-line file and the
 * requests right after it keep and leave behind.
 */
export const START_ROOM = 32 * 1024 * 1024;

/**
 * One full collection at the start of a server, made with the old generation's growth set so that
 * its next limit lies about `room` bytes above what it holds, then the usual growth again; true when
 * it collected. V8 sets the first limit of a fresh heap from its first young collections, a few
 * megabytes above what they promoted: the first open of a large file crosses it, and V8's first full
 * collection (its marking steps and last pause, milliseconds each on a busy machine) falls in that
 * open or in the hovers right after it. With the room, it comes in idle time (collectIfGrown) for an
 * open that keeps and leaves up to `room` bytes; a larger one is collected by V8 as before. Nothing
 * is done where limitHeapGrowth set no growth (the command line gave one) or while filling.
 */
export function collectWithRoom(room = START_ROOM, collect = fullCollector): boolean {
	const set = (globalThis as Record<symbol, unknown>)[GROWTH_SET];
	const gc = typeof set === 'number' && filling === 0 ? collect() : undefined;
	if (!gc) return false;
	// What is used now (garbage included) stands for what the collection keeps: the limit lands a little under the room above it.
	const used = Math.max(oldGenerationUsed(), 1024 * 1024);
	setFlagsFromString(`--heap-growing-percent=${Math.max(set as number, Math.ceil((100 * room) / used))}`);
	try {
		gc();
	} finally {
		setFlagsFromString(`--heap-growing-percent=${set as number}`);
	}
	return true;
}

/** Bytes in use in the old generation (large objects included) after the last full collection seen. */
let afterLastFull: number | undefined;
let watching = false;

/** The old generation and the large objects (a large object is in the young generation until its first collection). */
const OLD_SPACES = new Set(['old_space', 'large_object_space', 'new_large_object_space']);

/** Bytes in use in the old generation, large objects included. */
function oldGenerationUsed(): number {
	let used = 0;
	for (const space of getHeapSpaceStatistics()) if (OLD_SPACES.has(space.space_name)) used += space.space_used_size;
	return used;
}

/**
 * Collects the whole heap when the old generation has grown by QUIET_COLLECT_GROWTH (or a quarter)
 * since the last full collection; true when it did. For idle time only: the collection stops the server for some
 * milliseconds.
 */
export function collectIfGrown(collect = fullCollector): boolean {
	if (!watching) {
		watching = true;
		// V8's own full collections move the baseline too (their entries arrive a moment after them).
		new PerformanceObserver((list) => {
			if (list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) afterLastFull = oldGenerationUsed();
		}).observe({ entryTypes: ['gc'] });
	}
	// The first time, nothing is known of what the heap holds: one collection tells.
	if (afterLastFull !== undefined && oldGenerationUsed() - afterLastFull < Math.max(QUIET_COLLECT_GROWTH, afterLastFull / 4)) return false;
	const gc = collect();
	if (gc === undefined) return false;
	gc();
	afterLastFull = oldGenerationUsed();
	return true;
}

/**
 * Collects the young generation at once, where V8's collection function can be had; true when it did.
 * For the moment right before an answer that ends a long computation: its garbage is then collected
 * while the client still waits for that answer, not during the short requests that follow it.
 */
export function collectYoung(collect = youngCollector): boolean {
	const gc = collect();
	if (gc === undefined) return false;
	gc();
	return true;
}

type Collect = (options?: { type: 'minor' }) => void;
let gcFunction: Collect | null | undefined;

/**
 * V8's collection function: the global `gc` of a context made while --expose-gc is set, the flag
 * then set back (V8 stamps a code cache with the flags), or the global one when Node was started with
 * --expose-gc. Undefined where neither can be had.
 */
function collector(): Collect | undefined {
	if (gcFunction === undefined) {
		const global = (globalThis as { gc?: unknown }).gc;
		if (typeof global === 'function') gcFunction = global as Collect;
		else {
			gcFunction = null;
			try {
				setFlagsFromString('--expose-gc');
				const made = runInNewContext('gc') as unknown;
				if (typeof made === 'function') gcFunction = made as Collect;
			} catch {
				// collected by V8 alone
			} finally {
				setFlagsFromString('--no-expose-gc');
			}
		}
	}
	return gcFunction ?? undefined;
}

/** A full collection of the heap, or undefined. */
function fullCollector(): (() => void) | undefined {
	const gc = collector();
	return gc && (() => void gc());
}

/** A collection of the young generation alone (a scavenge), or undefined. */
function youngCollector(): (() => void) | undefined {
	const gc = collector();
	return gc && (() => void gc({ type: 'minor' }));
}

/** Whether limitHeapGrowth caps the young generation (it does not when the command line sizes it). */
let youngCapped = false;

/**
 * Checks the young generation against its cap now, as the gc observer does after a collection. The
 * observer hears of collections only when the event loop turns: a command-line run that reads and
 * checks thousands of files without returning to it calls this as it goes, or the young generation
 * grows past the cap unseen (to 32 MB over 5,000 files, some 40 MB more peak RSS).
 */
export function holdYoungGeneration(): void {
	if (youngCapped) capYoungGeneration();
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
 * The young generation's size, checked after each collection: at the limit it stops growing; made
 * smaller again (V8 shrinks it when the server is idle), it may grow back up to the limit.
 */
function capYoungGeneration(): void {
	const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
	const grow = young < YOUNG_LIMIT;
	if (grow === growing) return;
	growing = grow;
	setFlagsFromString(`--semi-space-growth-factor=${grow ? DEFAULT_YOUNG_GROWTH : 1}`);
}
