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
	 * Start offset of each line, worked out when first asked. The next version takes them over
	 * (moved past the edit); this one then works them out again if it is asked later.
	 */
	private offsets: number[] | undefined;

	constructor(
		readonly uri: string,
		readonly languageId: string,
		readonly version: number,
		private readonly content: string,
		offsets?: number[],
	) {
		this.offsets = offsets;
	}

	get lineCount(): number {
		return this.lineOffsets().length;
	}

	getText(range?: Range): string {
		if (!range) return this.content;
		return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
	}

	positionAt(offset: number): Position {
		const at = Math.max(Math.min(offset, this.content.length), 0);
		const offsets = this.lineOffsets();
		const line = lineOf(offsets, at);
		return { line, character: beforeEol(this.content, at, offsets[line]) - offsets[line] };
	}

	offsetAt(position: Position): number {
		return offsetIn(this.content, this.lineOffsets(), position);
	}

	getLineRange(line: number): Range {
		const offsets = this.lineOffsets();
		if (line >= offsets.length) {
			const last = offsets.length - 1;
			return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - offsets[last] } };
		}
		if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
		const next = line + 1 < offsets.length ? offsets[line + 1] : this.content.length;
		return { start: { line, character: 0 }, end: { line, character: beforeEol(this.content, next, offsets[line]) - offsets[line] } };
	}

	getEOLCharacters(line: number): string {
		const offsets = this.lineOffsets();
		if (line < 0 || line >= offsets.length) return '';
		const next = line + 1 < offsets.length ? offsets[line + 1] : this.content.length;
		return this.content.substring(beforeEol(this.content, next, offsets[line]), next);
	}

	/** The next version after `changes` (as the editor sends them: each range in the text left by the ones before). */
	update(changes: readonly TextDocumentContentChangeEvent[], version: number): TextSnapshot {
		let content = this.content;
		let offsets = this.offsets;
		this.offsets = undefined;
		for (const change of changes) {
			if (!('range' in change)) {
				content = change.text;
				offsets = undefined;
				continue;
			}
			offsets ??= lineStarts(content, 0, true);
			const [from, to] = wellFormed(change.range);
			const start = offsetIn(content, offsets, from);
			const end = offsetIn(content, offsets, to);
			const startLine = lineOf(offsets, start);
			const endLine = lineOf(offsets, end);
			content = content.substring(0, start) + change.text + content.substring(end);
			const insertedEnd = start + change.text.length;
			// A CR and an LF brought together by the edit make one line break: counted afresh.
			if ((content.charCodeAt(start - 1) === CR && content.charCodeAt(start) === LF) || (content.charCodeAt(insertedEnd - 1) === CR && content.charCodeAt(insertedEnd) === LF)) {
				offsets = undefined;
				continue;
			}
			// Lines starting inside the replaced span go, those of the new text come, the rest move.
			const added = lineStarts(change.text, start, false);
			if (endLine - startLine === added.length) for (let i = 0; i < added.length; i++) offsets[startLine + 1 + i] = added[i];
			else if (added.length < 10_000) offsets.splice(startLine + 1, endLine - startLine, ...added);
			else offsets = offsets.slice(0, startLine + 1).concat(added, offsets.slice(endLine + 1));
			const diff = change.text.length - (end - start);
			if (diff !== 0) for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
		}
		return new TextSnapshot(this.uri, this.languageId, version, content, offsets);
	}

	/** Lets the line offsets go (a text that will rarely be asked for positions again); they are worked out again if asked. */
	forgetLines(): void {
		this.offsets = undefined;
	}

	private lineOffsets(): number[] {
		return (this.offsets ??= lineStarts(this.content, 0, true));
	}
}

/** The line holding an offset: the last line starting at or before it. */
function lineOf(offsets: readonly number[], offset: number): number {
	let low = 0;
	let high = offsets.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (offsets[mid] > offset) high = mid;
		else low = mid + 1;
	}
	return Math.max(low - 1, 0);
}

function offsetIn(content: string, offsets: readonly number[], position: Position): number {
	if (position.line >= offsets.length) return content.length;
	if (position.line < 0) return 0;
	const lineStart = offsets[position.line];
	if (position.character <= 0) return lineStart;
	const next = position.line + 1 < offsets.length ? offsets[position.line + 1] : content.length;
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
