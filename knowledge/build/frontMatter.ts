import { LineCounter, parseDocument, type Document } from 'yaml';

/** A markdown file split into its YAML front matter and its body. */
export interface SplitMarkdown {
	/** The parsed front matter, or undefined when the file has none. */
	frontMatter?: Document.Parsed;
	lineCounter: LineCounter;
	/** 0-based line where the body starts. */
	bodyLine: number;
	body: string;
	/** Syntax errors of the front matter, with 1-based lines in the file. */
	errors: { line: number; message: string }[];
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/**
 * Reads the `---` fenced YAML front matter of a markdown file. The YAML is parsed with the
 * same `yaml` package as manifests: core schema only, so nothing in a document can run code.
 */
export function splitFrontMatter(text: string): SplitMarkdown {
	const lineCounter = new LineCounter();
	const open = OPEN.exec(text);
	if (!open) return { lineCounter, bodyLine: 0, body: text, errors: [] };
	const rest = text.slice(open[0].length);
	const close = CLOSE.exec(rest);
	if (!close) {
		return { lineCounter, bodyLine: 0, body: text, errors: [{ line: 1, message: 'front matter is not closed by a `---` line' }] };
	}
	const yamlText = rest.slice(0, close.index);
	const frontMatter = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
	const errors = frontMatter.errors.map((e) => ({
		line: lineCounter.linePos(e.pos[0]).line + 1,
		message: e.message.split('\n')[0],
	}));
	const bodyStart = open[0].length + close.index + close[0].length;
	const bodyLine = countLines(text, bodyStart);
	return { frontMatter, lineCounter, bodyLine, body: text.slice(bodyStart), errors };
}

function countLines(text: string, end: number): number {
	let n = 0;
	for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
	return n;
}

/** 1-based file line of a front-matter key (front matter starts on line 2). */
export function lineOfKey(split: SplitMarkdown, key: string): number {
	const pair = (split.frontMatter?.contents as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null)?.items?.find(
		(p) => p.key?.value === key,
	);
	const offset = pair?.key?.range?.[0];
	return offset === undefined ? 1 : split.lineCounter.linePos(offset).line + 1;
}
