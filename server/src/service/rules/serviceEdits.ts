import { mapShapeAt, scalarAt } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { OffsetEdit } from './types';

/**
 * Edits that remove the key at `path` and its value, in block style (the whole lines) or in
 * flow style (`{ port: 80, nodePort: 30080 }` loses `, nodePort: 30080`). Undefined when the
 * key is not there or is the map's only key.
 */
export function removeKeyEdits(text: string, document: ManifestDocument, path: NodePath): OffsetEdit[] | undefined {
	const map = mapShapeAt(document, path.slice(0, -1));
	const last = path[path.length - 1];
	const index = map && typeof last === 'string' ? map.items.findIndex((item) => item.key === last) : -1;
	if (!map || index < 0 || map.items.length < 2) return undefined;
	const { keyStart: start, valueEnd: end } = map.items[index];
	const base = document.start;
	if (map.flow) {
		if (index > 0) return [{ start: base + map.items[index - 1].valueEnd, end: base + end, newText: '' }];
		return [{ start: base + start, end: base + map.items[1].keyStart, newText: '' }];
	}
	const lineStart = text.lastIndexOf('\n', base + start - 1) + 1;
	const before = text.slice(lineStart, base + start);
	if (/\S/.test(before)) {
		// The key follows `- ` on its line: keep the dash and pull the next key up to it.
		const next = map.items[index + 1] ?? map.items[index - 1];
		if (index !== 0 || !next) return undefined;
		return [{ start: base + start, end: base + next.keyStart, newText: '' }];
	}
	const lineEnd = lineEndAfter(text, base + end);
	return [{ start: lineStart, end: Math.min(text.length, lineEnd + eolOf(text).length), newText: '' }];
}

/**
 * An edit that adds `key: value` as the first entry of the map at `path`, matching its style:
 * a new line at the map's indentation, or `key: value, ` inside braces.
 */
export function insertFirstKeyEdit(text: string, document: ManifestDocument, path: NodePath, entry: string): OffsetEdit | undefined {
	const map = mapShapeAt(document, path);
	if (!map) return undefined;
	const base = document.start;
	const first = map.items[0]?.keyStart;
	if (map.flow) {
		if (first === undefined) return map.range ? { start: base + map.range[0] + 1, end: base + map.range[0] + 1, newText: ` ${entry} ` } : undefined;
		return { start: base + first, end: base + first, newText: `${entry}, ` };
	}
	if (first === undefined) return undefined;
	const lineStart = text.lastIndexOf('\n', base + first - 1) + 1;
	const indent = ' '.repeat(base + first - lineStart);
	return { start: base + first, end: base + first, newText: `${entry}${eolOf(text)}${indent}` };
}

/** An edit replacing the value at `path` (a scalar) with new text. */
export function replaceValueEdit(document: ManifestDocument, path: NodePath, newText: string): OffsetEdit | undefined {
	const scalar = scalarAt(document, path);
	return scalar ? { start: scalar.start, end: scalar.end, newText } : undefined;
}

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
	const plain = /^[A-Za-z_][A-Za-z0-9._/-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
	return plain ? value : JSON.stringify(value);
}

/** An edit that adds `key: value` right after the key at `path`, on its own line or inside the braces. */
export function insertAfterKeyEdit(text: string, document: ManifestDocument, path: NodePath, entry: string): OffsetEdit | undefined {
	const map = mapShapeAt(document, path.slice(0, -1));
	const last = path[path.length - 1];
	const item = map && typeof last === 'string' ? map.items.find((i) => i.key === last) : undefined;
	if (!map || !item) return undefined;
	const at = document.start + item.valueEnd;
	if (map.flow) return { start: at, end: at, newText: `, ${entry}` };
	const lineStart = text.lastIndexOf('\n', document.start + item.keyStart - 1) + 1;
	const position = lineEndAfter(text, at);
	return { start: position, end: position, newText: `${eolOf(text)}${' '.repeat(document.start + item.keyStart - lineStart)}${entry}` };
}

/** The offset of the line break that ends the line holding `offset - 1` (a value ends just before it). */
function lineEndAfter(text: string, offset: number): number {
	let end = text[offset - 1] === '\n' ? offset - 1 : text.indexOf('\n', offset);
	if (end < 0) return text.length;
	if (text[end - 1] === '\r') end--;
	return end;
}

/** The file's line break: CRLF when it uses one. */
let lastEol: { text: string; eol: string } | undefined;
/** The file's line end; remembered for the last text, since a file with thousands of findings asks once per fix. */
function eolOf(text: string): string {
	if (lastEol?.text !== text) lastEol = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
	return lastEol.eol;
}
