/* Reading YAML as Kubernetes reads it, in time linear in the text, whatever the text holds. */
import { CORE_SCHEMA, load as loadJsYaml, Type } from 'js-yaml';
import { isAlias, isCollection, isMap, isPair, isScalar, parseDocument, YAMLParseError, type Document } from 'yaml';

/**
 * The `yaml` package checks unique keys pair by pair (quadratic in a map's size); the check is
 * done here with a set instead. Merge keys (`<<: *base`) are applied, as kubectl's reader does.
 */
const YAML_OPTIONS = { prettyErrors: false, strict: false, uniqueKeys: false, merge: true, logLevel: 'error' } as const;
/** js-yaml's core schema plus merge keys: the same values as the full parser. */
const MERGE = new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' });
const VALUES_SCHEMA = CORE_SCHEMA.extend({ implicit: [MERGE] });

/** Deeper than any manifest; deep enough to keep the recursive parts of the parsers on the stack. */
export const MAX_DEPTH = 1000;

/**
 * Text the parsers read the same way as the editor: line ends made of a lone CR become LF, and
 * a byte order mark just after a `---` line moves before it (where YAML allows one, so
 * concatenated files keep their first key). Both keep every offset where it was.
 */
export function readableText(text: string): string {
	let out = text;
	if (out.includes('\r')) out = out.replace(/\r(?!\n)/g, '\n');
	if (out.includes('\uFEFF')) out = out.replace(/^(---[^\n]*\n)\uFEFF/gm, '\uFEFF$1');
	return out;
}

/** True when a chunk holds Helm's `{{ ... }}`, found with two scans (a lazy regex was quadratic). */
export function hasHelmSyntax(chunk: string): boolean {
	const open = chunk.indexOf('{{');
	return open >= 0 && chunk.indexOf('}}', open + 2) >= 0;
}

/** The full parse with ranges, or undefined when the parser gives up. Duplicate keys are errors. */
export function parseYaml(chunk: string): Document.Parsed | undefined {
	try {
		const doc = parseDocument(chunk, YAML_OPTIONS);
		if (doc.errors.length === 0) checkUniqueKeys(doc);
		return doc;
	} catch {
		return undefined;
	}
}

/** Plain values with js-yaml (fast, no ranges); throws on what it cannot read. */
export function loadValues(chunk: string): unknown {
	return loadJsYaml(chunk, { schema: VALUES_SCHEMA });
}

/**
 * The same value with its long strings taken out of the text js-yaml read. js-yaml reads a copy of
 * each document's text (its own, with a terminator added), and a long string value is a slice that
 * keeps all of that copy alive: a document kept for its values would hold its text twice. A string
 * written as it reads (plain, or quoted without escapes) becomes a slice of `text`, the document's
 * own text that its file keeps anyway; any other long string is copied. Short strings are copies
 * already. The value is changed in place and returned.
 */
export function ownStrings<T>(value: T, text?: string): T {
	if (typeof value === 'string') return (value.length >= MIN_SLICE ? ownString(value, text, { at: 0 }) : value) as T;
	if (value === null || typeof value !== 'object') return value;
	// Strings are visited in the order they are written (keys in the order read, items in order), so
	// each is looked for just after the one before. Without aliases (the fast reader is not given
	// any) the value is a tree: nothing is visited twice.
	const cursor = { at: 0 };
	const stack: object[] = [value];
	while (stack.length) {
		const node = stack.pop()!;
		const children: object[] = [];
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) {
				const item: unknown = node[i];
				if (typeof item === 'string') {
					if (item.length >= MIN_SLICE) node[i] = ownString(item, text, cursor);
				} else if (item !== null && typeof item === 'object') children.push(item);
			}
		} else {
			const record = node as Record<string, unknown>;
			for (const key in record) {
				if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
				const item = record[key];
				if (typeof item === 'string') {
					if (item.length >= MIN_SLICE) record[key] = ownString(item, text, cursor);
				} else if (item !== null && typeof item === 'object') children.push(item);
			}
		}
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
	return value;
}

/** Below this length V8 copies a substring rather than pointing into its parent. */
const MIN_SLICE = 13;
/** How far past the last string found the next one is looked for: a search never reads the whole text again. */
const LOOK_AHEAD = 4096;

/**
 * A string that keeps nothing else alive but `text`: the same characters sliced out of `text` when
 * they are found a little after `cursor.at` (which then moves past them), else the slice of a fresh
 * flat string one character longer.
 */
function ownString(value: string, text: string | undefined, cursor: { at: number }): string {
	if (text !== undefined) {
		const end = Math.min(text.length, cursor.at + value.length + LOOK_AHEAD);
		const at = text.slice(cursor.at, end).indexOf(value);
		if (at >= 0) {
			cursor.at += at + value.length;
			return text.slice(cursor.at - value.length, cursor.at);
		}
	}
	return ` ${value}`.slice(1);
}

/** Adds an error for the first key written twice in any map, walking the tree without recursion. */
function checkUniqueKeys(doc: Document.Parsed): void {
	const stack: unknown[] = [doc.contents];
	while (stack.length) {
		const node = stack.pop();
		if (!node || isAlias(node) || !isCollection(node)) continue;
		const seen = isMap(node) ? new Set<unknown>() : undefined;
		for (const item of node.items) {
			if (!isPair(item)) {
				stack.push(item);
				continue;
			}
			stack.push(item.key, item.value);
			if (!seen || !isScalar(item.key) || item.key.value === '<<') continue;
			const key = item.key.value;
			if (seen.has(key)) {
				const range = item.key.range ?? [0, 0, 0];
				// Where the parser's own check put it: the key's first character.
				doc.errors.push(new YAMLParseError([range[0], range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
				return;
			}
			seen.add(key);
		}
	}
}

/**
 * In the scan below, a line's block depth is the number of indentation levels open (distinct shorter
 * indentations of earlier lines and its own: at most the longest leading run of spaces, tabs and
 * dashes, plus one) and its `- ` entries (at most half its own run, plus one): with every run
 * shorter than this, no line is deeper than MAX_DEPTH.
 */
const SHALLOW_PREFIX = Math.floor((MAX_DEPTH - 2) / 1.5);
/** A line (after any line break: more starts than the scan's, never fewer) with a leading run that long. */
const LONG_PREFIX = new RegExp(`^[ \\t-]{${SHALLOW_PREFIX}}`, 'm');

/** Characters after which a bracket or quote starts a value (the empty string: the line's start). */
const OPENS_VALUE = new Set(['', ':', '-', '[', '{', ',', '?']);

/**
 * The offset where a document nests deeper than MAX_DEPTH, or -1. One pass over the text:
 * block nesting by indentation and `- ` entries, flow nesting by brackets outside quotes and comments.
 */
export function tooDeepAt(chunk: string): number {
	// Most documents, answered without the scan below: with no bracket, nesting is by block only, and a
	// line's depth is bounded by the longest run of leading spaces, tabs and dashes (see SHALLOW_PREFIX).
	if (chunk.indexOf('[') < 0 && chunk.indexOf('{') < 0 && !LONG_PREFIX.test(chunk)) return -1;
	const indents: number[] = [];
	let flow = 0;
	let lineStart = 0;
	while (lineStart < chunk.length) {
		const newline = chunk.indexOf('\n', lineStart);
		const lineEnd = newline === -1 ? chunk.length : newline;
		let i = lineStart;
		// Each `- ` opens a level: `- - - x` is three sequences deep on one line.
		let dashes = 0;
		while (i < lineEnd && (chunk[i] === ' ' || chunk[i] === '-' || chunk[i] === '\t')) {
			if (chunk[i] === '-' && (chunk[i + 1] === ' ' || i + 1 === lineEnd)) dashes++;
			i++;
		}
		if (flow === 0 && i < lineEnd && chunk[i] !== '#') {
			const indent = i - lineStart;
			while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
			indents.push(indent);
		}
		const block = indents.length + dashes;
		let quote = '';
		// The last character before this one that was not a space: a bracket opens a collection
		// only where a value starts (`[` inside a plain scalar such as `a[0]` is text).
		let before = '';
		for (; i < lineEnd; i++) {
			const c = chunk[i];
			if (quote) {
				if (c === quote) quote = '';
			} else if (c === '#' && (i === lineStart || chunk[i - 1] === ' ')) break;
			else if ((c === '"' || c === "'") && OPENS_VALUE.has(before)) quote = c;
			else if ((c === '[' || c === '{') && OPENS_VALUE.has(before)) flow++;
			else if ((c === ']' || c === '}') && flow > 0) flow--;
			if (c !== ' ' && c !== '\t') before = c;
			if (flow + block > MAX_DEPTH) return i;
		}
		if (block > MAX_DEPTH) return lineStart;
		lineStart = lineEnd + 1;
	}
	return -1;
}
