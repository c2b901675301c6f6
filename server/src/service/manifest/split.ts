/** A document's text span in a multi-document YAML file. */
export interface DocumentSpan {
	start: number;
	end: number;
}

const MARKER = /^(---|\.\.\.)(?=[ \t]|\r?$)/;
const NOTHING_BUT_COMMENTS = /^(?:[ \t]*(?:#.*|%.*)?\r?\n)*[ \t]*(?:#.*|%.*)?$/;

/**
 * Splits a YAML stream at its document markers. `---` or `...` at column 0 always ends the
 * document before it (YAML forbids them at column 0 inside content), so a line scan finds the
 * boundaries the parser would, and each document can be parsed, and re-parsed, on its own.
 * Text before a `---` that holds only comments and directives joins the document after it.
 */
export function splitDocuments(text: string): DocumentSpan[] {
	const spans: DocumentSpan[] = [];
	let start = 0;
	let lineStart = 0;
	for (;;) {
		const newline = text.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? text.length : newline;
		// A byte order mark may open any document of a stream (files joined together).
		const from = text.charCodeAt(lineStart) === 0xfeff ? lineStart + 1 : lineStart;
		const first = text.charCodeAt(from);
		if (first === 45 /* - */ || first === 46 /* . */) {
			const match = MARKER.exec(text.slice(from, Math.min(lineEnd, from + 5)));
			if (match?.[1] === '---') {
				if (lineStart > start && !NOTHING_BUT_COMMENTS.test(text.slice(start, lineStart))) {
					spans.push({ start, end: lineStart });
					start = lineStart;
				}
			} else if (match?.[1] === '...') {
				const after = newline === -1 ? text.length : newline + 1;
				spans.push({ start, end: after });
				start = after;
			}
		}
		if (newline === -1) break;
		lineStart = newline + 1;
	}
	if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
	return spans;
}
