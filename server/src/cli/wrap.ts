/* Styled text laid out in a terminal's width: words wrap at spaces, Chinese at any character. */
import { displayWidth, isWide } from './terminal';

/** A run of text with one style. */
export interface Span {
	text: string;
	paint?: (text: string) => string;
}

const CLOSING = '，。、；：！？）」』】》〉”’';

/** What a line may not break inside: a word (possibly of several styles), a space, or one wide character. */
interface Atom {
	pieces: Span[];
	width: number;
	space: boolean;
	wide: boolean;
}

/** Splits spans into atoms; pieces of one word in different styles ("`kind`,") stay together. */
function atoms(spans: Span[]): Atom[] {
	const out: Atom[] = [];
	const add = (text: string, paint: Span['paint'], space: boolean, wide: boolean) => {
		const last = out[out.length - 1];
		if (last && !space && !wide && !last.space && !last.wide) {
			last.pieces.push({ text, paint });
			last.width += displayWidth(text);
		} else out.push({ pieces: [{ text, paint }], width: space ? 1 : displayWidth(text), space, wide });
	};
	for (const span of spans) {
		for (const piece of span.text.match(/\s+|[^\s]+/g) ?? []) {
			if (/^\s/.test(piece)) {
				add(' ', span.paint, true, false);
				continue;
			}
			let word = '';
			for (const ch of piece) {
				if (isWide(ch.codePointAt(0) ?? 0)) {
					if (word) add(word, span.paint, false, false);
					word = '';
					const last = out[out.length - 1];
					// Closing punctuation never starts a line: it stays with what it closes.
					if (CLOSING.includes(ch) && last && !last.space) {
						last.pieces.push({ text: ch, paint: span.paint });
						last.width += 2;
					} else add(ch, span.paint, false, true);
				} else word += ch;
			}
			if (word) add(word, span.paint, false, false);
		}
	}
	return out;
}

/**
 * Lays spans out in lines of at most `width` columns (a word longer than a line gets a line of
 * its own). Hard line breaks are spans whose text is "\n".
 */
export function wrapSpans(spans: Span[], width: number): string[] {
	const lines: string[] = [];
	let line = '';
	let used = 0;
	let pendingSpace: Atom | undefined;
	const flush = () => {
		lines.push(line);
		line = '';
		used = 0;
		pendingSpace = undefined;
	};
	const paragraphs: Span[][] = [[]];
	for (const span of spans) {
		if (span.text === '\n') paragraphs.push([]);
		else paragraphs[paragraphs.length - 1].push(span);
	}
	paragraphs.forEach((paragraph, i) => {
		if (i > 0) flush();
		for (const atom of atoms(paragraph)) {
			if (atom.space) {
				if (used > 0) pendingSpace = atom;
				continue;
			}
			const spaceWidth = pendingSpace ? 1 : 0;
			if (used > 0 && used + spaceWidth + atom.width > width) flush();
			else if (pendingSpace) {
				line += paint(pendingSpace);
				used += 1;
			}
			pendingSpace = undefined;
			line += paint(atom);
			used += atom.width;
		}
	});
	if (line || lines.length === 0) lines.push(line);
	return lines;
}

function paint(atom: Atom): string {
	return atom.pieces.map((p) => (p.paint ? p.paint(p.text) : p.text)).join('');
}

/** Plain text of spans (for measuring table cells). */
export function spanText(spans: Span[]): string {
	return spans.map((s) => s.text).join('');
}

/** Cuts text to a number of columns, ending with "…" when it was longer. */
export function truncate(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const ch of text) {
		const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
		if (used + w > width - 1) break;
		out += ch;
		used += w;
	}
	return `${out}…`;
}
