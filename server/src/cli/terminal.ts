/* Terminal edges: colours, a progress line on stderr, and writing that waits when a pipe is full. */
import { once } from 'node:events';

/** ANSI styles that are plain text when colour is off. */
export interface Style {
	readonly enabled: boolean;
	bold(text: string): string;
	dim(text: string): string;
	italic(text: string): string;
	underline(text: string): string;
	red(text: string): string;
	yellow(text: string): string;
	blue(text: string): string;
	green(text: string): string;
	cyan(text: string): string;
	magenta(text: string): string;
}

const CODES = { bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], cyan: [36, 39], magenta: [35, 39] } as const;

/** Styles that colour when `enabled`, and return text unchanged otherwise. */
export function createStyle(enabled: boolean): Style {
	const style = { enabled } as Style & Record<string, unknown>;
	for (const [name, [open, close]] of Object.entries(CODES)) {
		(style as Record<string, unknown>)[name] = enabled ? (text: string) => (text ? `\x1b[${open}m${text}\x1b[${close}m` : text) : (text: string) => text;
	}
	return style;
}

/** Colour on a terminal only; FORCE_COLOR forces it on, NO_COLOR (any value) off, TERM=dumb off. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
	const force = env.FORCE_COLOR;
	if (force !== undefined && force !== '0' && force !== 'false') return true;
	if (env.NO_COLOR) return false;
	return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Removes ANSI escapes (to measure what a terminal shows). */
export function stripAnsi(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
	let width = 0;
	for (const ch of stripAnsi(text)) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
	return width;
}

/** True for characters a terminal draws two columns wide. */
export function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

/** Characters of text an Output gathers before it writes them to a stream that is not a terminal, or... */
const GATHER_CHARS = 16 * 1024;
/** ...how long it holds them at most, so that a slow run still shows its findings as it goes. */
const GATHER_MS = 100;

/**
 * Writes text and waits for the stream to drain when its buffer is full, so output never piles up
 * in memory. To a file or a pipe, the text of many files goes in one write: writes to a file are
 * synchronous, each through the stream (3,323 writes of 1 KB to /dev/null took 70-90 ms of CPU time,
 * 5-7 ms gathered; to a pipe 14-17 ms, under 1 ms gathered). To a terminal each text is written at
 * once. flush() writes what is gathered; a run calls it at its end.
 */
export class Output {
	private gathered = '';
	private lastWrite = Date.now();

	constructor(
		readonly stream: NodeJS.WriteStream,
		private readonly beforeWrite: () => void = () => {},
	) {}

	async write(text: string): Promise<void> {
		if (!text) return;
		if (this.stream.isTTY) return this.send(text);
		this.gathered += text;
		if (this.gathered.length >= GATHER_CHARS || Date.now() - this.lastWrite >= GATHER_MS) await this.flush();
	}

	/** Writes what was gathered. */
	async flush(): Promise<void> {
		const text = this.gathered;
		this.gathered = '';
		this.lastWrite = Date.now();
		if (text) await this.send(text);
	}

	private async send(text: string): Promise<void> {
		this.beforeWrite();
		if (!this.stream.write(text)) await once(this.stream, 'drain');
	}
}

/**
 * The line shows once a run has lasted SHOW_AFTER_MS, and is redrawn at most every REDRAW_MS.
 * KUBELORE_PROGRESS_AFTER_MS sets the first (and caps the second): a run of a few files can then
 * show its progress too, as the tests of the line need on a fast machine.
 */
const SHOW_AFTER_MS = delayFrom(process.env.KUBELORE_PROGRESS_AFTER_MS) ?? 700;
const REDRAW_MS = Math.min(100, SHOW_AFTER_MS);

function delayFrom(value: string | undefined): number | undefined {
	const ms = value === undefined || value.trim() === '' ? NaN : Number(value);
	return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** A one-line progress report on a terminal's stderr, shown only for runs that take a while. */
export class ProgressLine {
	private readonly started = Date.now();
	private lastDraw = 0;
	private shown = false;

	constructor(
		private readonly stream: NodeJS.WriteStream,
		private readonly enabled: boolean,
	) {}

	/** Redraws the line (at most every 100 ms, and not before the run has lasted a moment); the text is made only when drawn (a run updates it per file). */
	update(text: string | (() => string)): void {
		if (!this.enabled) return;
		const now = Date.now();
		if (now - this.started < SHOW_AFTER_MS || now - this.lastDraw < REDRAW_MS) return;
		this.lastDraw = now;
		if (typeof text === 'function') text = text();
		const width = (this.stream.columns || 80) - 1;
		this.stream.write(`\r\x1b[2K${text.length > width ? text.slice(0, width) : text}`);
		this.shown = true;
	}

	/** Removes the line, so that other output starts on a clean line. */
	clear(): void {
		if (!this.shown) return;
		this.stream.write('\r\x1b[2K');
		this.shown = false;
	}
}
