/*
 * Texts as versions that never change: an edit makes the next version, and hands it the line
 * offsets of the one before, moved past the edit, instead of scanning the whole text again.
 * The index keeps a version as the text of its file; the server's document list keeps the newest.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;

/** One version of a document's text, with the start offset of each of its lines. */
export class TextSnapshot implements TextDocument {
	/**
	 * Start offset of each line, found as far as asked. The next version takes them over (moved past
	 * the edit); this one then finds them again if it is asked later.
	 */
	private lines: LineStarts | undefined;

	constructor(
		readonly uri: string,
		readonly languageId: string,
		readonly version: number,
		private readonly content: string,
		lines?: LineStarts,
	) {
		this.lines = lines;
	}

	get lineCount(): number {
		return this.lineStarts().total();
	}

	getText(range?: Range): string {
		if (!range) return this.content;
		return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
	}

	positionAt(offset: number): Position {
		const at = Math.max(Math.min(offset, this.content.length), 0);
		const lines = this.lineStarts();
		const line = lines.lineOf(at);
		const start = lines.start(line)!;
		return { line, character: beforeEol(this.content, at, start) - start };
	}

	offsetAt(position: Position): number {
		return offsetIn(this.content, this.lineStarts(), position);
	}

	getLineRange(line: number): Range {
		const lines = this.lineStarts();
		if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		const start = lines.start(line);
		if (start === undefined) {
			const last = lines.total() - 1;
			return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - lines.start(last)! } };
		}
		const next = lines.start(line + 1) ?? this.content.length;
		return { start: { line, character: 0 }, end: { line, character: beforeEol(this.content, next, start) - start } };
	}

	getEOLCharacters(line: number): string {
		const start = line < 0 ? undefined : this.lineStarts().start(line);
		if (start === undefined) return '';
		const next = this.lineStarts().start(line + 1) ?? this.content.length;
		return this.content.substring(beforeEol(this.content, next, start), next);
	}

	/** The next version after `changes` (as the editor sends them: each range in the text left by the ones before). */
	update(changes: readonly TextDocumentContentChangeEvent[], version: number): TextSnapshot {
		let content = this.content;
		let lines = this.lines;
		this.lines = undefined;
		for (const change of changes) {
			if (!('range' in change)) {
				content = change.text;
				lines = undefined;
				continue;
			}
			lines ??= new LineStarts(content);
			const [from, to] = wellFormed(change.range);
			const start = offsetIn(content, lines, from);
			const end = offsetIn(content, lines, to);
			const startLine = lines.lineOf(start);
			const endLine = lines.lineOf(end);
			content = content.substring(0, start) + change.text + content.substring(end);
			const insertedEnd = start + change.text.length;
			// A CR and an LF brought together by the edit make one line break: counted afresh.
			if ((content.charCodeAt(start - 1) === CR && content.charCodeAt(start) === LF) || (content.charCodeAt(insertedEnd - 1) === CR && content.charCodeAt(insertedEnd) === LF)) {
				lines = undefined;
				continue;
			}
			// Lines starting inside the replaced span go, those of the new text come, the rest move.
			lines.replace(content, startLine, endLine, lineStarts(change.text, start, false), change.text.length - (end - start));
		}
		return new TextSnapshot(this.uri, this.languageId, version, content, lines);
	}

	/** Lets the line offsets go (a text that will rarely be asked for positions again); they are worked out again if asked. */
	forgetLines(): void {
		this.lines = undefined;
	}

	private lineStarts(): LineStarts {
		return (this.lines ??= new LineStarts(this.content));
	}
}

/**
 * The start offset of each line of a text, found from the top as far as asked and no further: a
 * request near the top of a file of 250,000 lines does not wait for all of them.
 */
class LineStarts {
	/** Sixteen to start with: V8 keeps so small a typed array in its heap, without a buffer of its own. */
	private starts = new Uint32Array(16);
	/** How many lines are found: their starts are the first `count` of `starts` (the first line starts at 0). */
	private count = 1;
	/** True once every line is found. */
	private complete = false;
	/** Whether the text holds a CR, worked out on the first search (a text without one is searched with indexOf). */
	private cr: boolean | undefined;

	constructor(private text: string) {}

	/** The number of lines (every line is then found). */
	total(): number {
		this.find(Infinity, Infinity);
		return this.count;
	}

	/** The start of a line, or undefined when the text has fewer lines. */
	start(line: number): number | undefined {
		if (line >= this.count) this.find(line, -1);
		return line < this.count ? this.starts[line] : undefined;
	}

	/** The line holding an offset: the last line starting at or before it. */
	lineOf(offset: number): number {
		this.find(0, offset);
		let low = 0;
		let high = this.count;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (this.starts[mid] > offset) high = mid;
			else low = mid + 1;
		}
		return Math.max(low - 1, 0);
	}

	/**
	 * Moves the lines past an edit of the text: the lines after `startLine` up to `endLine` give way to
	 * those starting at `added`, and the ones found after them move by `diff`. The lines of the edit and
	 * the one after it are found already (the edit's offsets were asked for).
	 */
	replace(text: string, startLine: number, endLine: number, added: number[], diff: number): void {
		// Lines not found yet lie past the edit, in text that was there before: whether it holds a CR is known.
		this.text = text;
		const tail = this.count - endLine - 1;
		const count = startLine + 1 + added.length + tail;
		if (count > this.starts.length) this.grow(count);
		const starts = this.starts;
		starts.copyWithin(startLine + 1 + added.length, endLine + 1, this.count);
		for (let i = 0; i < added.length; i++) starts[startLine + 1 + i] = added[i];
		if (diff !== 0) for (let i = startLine + 1 + added.length; i < count; i++) starts[i] += diff;
		this.count = count;
	}

	/** Finds lines until line `line` is found and one starts past `offset`, or the text ends. */
	private find(line: number, offset: number): void {
		if (this.complete) return;
		const text = this.text;
		const cr = (this.cr ??= text.includes('\r'));
		let last = this.starts[this.count - 1];
		while (this.count <= line || last <= offset) {
			const next = cr ? afterBreak(text, last) : text.indexOf('\n', last) + 1;
			if (next <= 0) {
				this.complete = true;
				return;
			}
			if (this.count === this.starts.length) this.grow(this.count + 1);
			this.starts[this.count++] = next;
			last = next;
		}
	}

	private grow(needed: number): void {
		const starts = new Uint32Array(Math.max(needed, this.starts.length * 2));
		starts.set(this.starts.subarray(0, this.count));
		this.starts = starts;
	}
}

/** The offset after the first line break (CRLF, LF or CR) at or after `from`, or 0 when there is none. */
function afterBreak(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === LF) return i + 1;
		if (code === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
	}
	return 0;
}

function offsetIn(content: string, lines: LineStarts, position: Position): number {
	if (position.line < 0) return 0;
	const lineStart = lines.start(position.line);
	if (lineStart === undefined) return content.length;
	if (position.character <= 0) return lineStart;
	const next = lines.start(position.line + 1) ?? content.length;
	return beforeEol(content, Math.min(lineStart + position.character, next), lineStart);
}

/** An offset inside a line break moved to the end of the line's text. */
function beforeEol(content: string, offset: number, lineStart: number): number {
	let at = offset;
	while (at > lineStart && isEol(content.charCodeAt(at - 1))) at--;
	return at;
}

function isEol(code: number): boolean {
	return code === CR || code === LF;
}

/** Offsets (plus `base`) where lines start after each line break of `text` (CRLF, LF or CR), and at 0 when `first`. */
function lineStarts(text: string, base: number, first: boolean): number[] {
	const out = first ? [base] : [];
	if (!text.includes('\r')) {
		// LF only: indexOf scans far faster than a loop over the characters.
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(base + i + 1);
		return out;
	}
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (!isEol(code)) continue;
		if (code === CR && text.charCodeAt(i + 1) === LF) i++;
		out.push(base + i + 1);
	}
	return out;
}

function wellFormed(range: Range): [Position, Position] {
	const { start, end } = range;
	return start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
}
