/*
 * One server on one file, the way an editor uses it: cold opens (a fresh server each), the first
 * hover after each of them, a warm reopen of the same text in the same server, 200 hovers and 40
 * one-character edits.
 */
import { pathToFileURL } from 'node:url';
import { random } from './generate';
import { BenchClient, type ServerSpec } from './lsp';

export interface FileResult {
	/** Server start to initialize result, one per fresh server. */
	init: number[];
	/** didOpen to first diagnostics in a fresh server, one per server. */
	coldOpen: number[];
	/** The same text opened again (after didClose) in a server that has seen it. */
	warmOpen: number[];
	/** The first hover in the document, right after its first diagnostics, one per fresh server. */
	firstHover: number[];
	/** The hovers after the first one, a series in each fresh server. */
	hover: number[];
	/**
	 * As many hovers as one series, in the last server, on a document separator (\`---\`), where there is
	 * nothing to say: the round trip of the protocol, the client and the machine, the floor under
	 * every hover figure (empty when the text has no separator).
	 */
	emptyHover: number[];
	edit: number[];
	/** Peak RSS (kB) of the last server, before the warm reopens. */
	rss: number;
}

/** Positions of keys and values, spread over the file (seeded). */
export function positions(text: string, count: number, seed = 99): { line: number; character: number }[] {
	const lines = text.split('\n');
	const candidates: { line: number; character: number }[] = [];
	lines.forEach((l, i) => {
		const m = /^(\s*(?:-\s+)?)([A-Za-z][\w.-]*):(\s+)(\S.*)?$/.exec(l);
		if (!m) return;
		candidates.push({ line: i, character: m[1].length + 1 });
		if (m[4]) candidates.push({ line: i, character: m[1].length + m[2].length + 1 + m[3].length + 1 });
	});
	const rnd = random(seed);
	return Array.from({ length: count }, () => candidates[Math.floor(rnd() * candidates.length)]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A full collection of this process (run with --expose-gc) before a series of hovers: its own
 * collections would otherwise fall in the series and be counted as the server's latency (a pause
 * of several milliseconds in a series of 200 lands in its p99), whichever server is measured.
 */
function collectHarness(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

async function timedOpen(client: BenchClient, uri: string, text: string): Promise<number> {
	const first = client.nextDiagnostics(uri, 120_000);
	const start = performance.now();
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
	await first;
	return performance.now() - start;
}

async function hover(client: BenchClient, uri: string, position: { line: number; character: number }): Promise<number> {
	const start = performance.now();
	await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
	return performance.now() - start;
}

/** One character inserted then deleted at the end of a value past the middle, `count` times in all, 250 ms apart. */
async function edits(client: BenchClient, uri: string, text: string, count: number): Promise<number[]> {
	const lines = text.split('\n');
	const target = lines.findIndex((l, i) => i > lines.length / 2 && /LOG_LEVEL: /.test(l));
	const end = lines[target].length;
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const change = i % 2 === 0 ? { range: { start: { line: target, character: end }, end: { line: target, character: end } }, text: 'x' } : { range: { start: { line: target, character: end }, end: { line: target, character: end + 1 } }, text: '' };
		await sleep(250);
		const next = client.nextDiagnostics(uri, 120_000);
		const start = performance.now();
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
		await next;
		times.push(performance.now() - start);
	}
	return times;
}

/** `servers` fresh servers open the file cold and take the hovers; the last one then takes the empty hovers, the edits and the warm reopens. */
export async function measureFile(spec: ServerSpec, path: string, text: string, servers: number, editCount = 40): Promise<FileResult> {
	const uri = pathToFileURL(path).toString();
	const firstPositions = positions(text, servers, 7);
	const series = positions(text, 200);
	const result: FileResult = { init: [], coldOpen: [], warmOpen: [], firstHover: [], hover: [], emptyHover: [], edit: [], rss: 0 };
	const separator = text.split('\n').indexOf('---');
	for (let s = 0; s < servers; s++) {
		const client = new BenchClient(spec);
		try {
			result.init.push(await client.initialize(null));
			result.coldOpen.push(await timedOpen(client, uri, text));
			result.firstHover.push(await hover(client, uri, firstPositions[s]));
			// In every fresh server: the percentiles are over all of them (a p99 of one series of 200 is its third slowest hover).
			collectHarness();
			for (const position of series) result.hover.push(await hover(client, uri, position));
			if (s < servers - 1) continue;
			collectHarness();
			if (separator >= 0) for (let i = 0; i < 200; i++) result.emptyHover.push(await hover(client, uri, { line: separator, character: 1 }));
			result.edit = await edits(client, uri, text, editCount);
			result.rss = client.sampleRss();
			// Back to the original text, closed, then opened again: the server has seen this text.
			for (let w = 0; w < 2; w++) {
				await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
				// a server may publish empty diagnostics on close: let them arrive before waiting for the open's
				await sleep(500);
				result.warmOpen.push(await timedOpen(client, uri, text));
			}
		} finally {
			await client.stop();
		}
	}
	return result;
}
