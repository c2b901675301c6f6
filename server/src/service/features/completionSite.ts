/**
 * Where the cursor is in a manifest being typed, read from the text around it rather than from the
 * parse: `claimName: ` with nothing after it, or a half-typed key, may leave the YAML momentarily
 * invalid, and completion must work exactly then.
 */

/** The cursor's place: the key path from the document root and what is typed there. */
export interface CompletionSite {
	/** Keys from the root to the value or key being typed; `[]` for a sequence item. */
	keys: string[];
	/** The keys as one pattern, as `pathPattern` writes it: `spec.volumes[].persistentVolumeClaim.claimName`. */
	pattern: string;
	/** `value` after `key: `; `item` a bare `- ` item; `key` a map key being typed (the path is then its parent's). */
	position: 'value' | 'item' | 'key';
	/** What is typed so far, without an opening quote. */
	typed: string;
	/** Absolute offsets of the text a completion replaces. */
	start: number;
	end: number;
	/** 0-based line of the cursor and the column of the key or item being typed. */
	line: number;
	column: number;
	/** The lines of the document and the document's first line in the file. */
	lines: string[];
	firstLine: number;
	/** True right after `key:` with no space yet: an inserted value needs one. */
	needsSpace: boolean;
	/** True when the cursor is inside a flow mapping (`{ name: x, key: `): siblings are on the same line. */
	inFlow: boolean;
}

interface LineTokens {
	indent: number;
	/** Columns of `- ` markers. */
	dashes: number[];
	/** The key at the end of the markers, its column, and whether a value follows it on the line. */
	key?: string;
	keyColumn: number;
	hasValue: boolean;
	/** The text after `key:` (or after the markers when there is no key). */
	rest: string;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{[][^#]*?):(?:\s+(.*))?$/;

/** Splits a line into its sequence markers and key. */
export function tokens(line: string): LineTokens {
	const indent = line.length - line.trimStart().length;
	const dashes: number[] = [];
	let column = indent;
	while (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
		dashes.push(column);
		column += 1;
		while (line[column] === ' ') column++;
	}
	const text = line.slice(column);
	const match = KEY.exec(text);
	if (!match) return { indent, dashes, keyColumn: column, hasValue: false, rest: text };
	const rest = match[2] ?? '';
	return { indent, dashes, key: unquote(match[1].trim()), keyColumn: column, hasValue: rest.trim() !== '' && !rest.trimStart().startsWith('#'), rest };
}

/** The completion site at an offset of a document's text (`start` is the document's offset in its file). */
export function completionSite(text: string, start: number, firstLine: number, offset: number): CompletionSite | undefined {
	const local = offset - start;
	if (local < 0 || local > text.length) return undefined;
	const lineStart = text.lastIndexOf('\n', local - 1) + 1;
	const lineEndAt = text.indexOf('\n', local);
	const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
	const before = text.slice(lineStart, local);
	if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined;
	const lines = text.split('\n');
	const line = text.slice(0, lineStart).split('\n').length - 1;
	const own = tokens(before);
	const keys: string[] = [];
	let position: CompletionSite['position'];
	let typed: string;
	let column: number;
	let inFlow = false;
	const flowing = own.key === undefined && /^[{[]/.test(own.rest);
	if (own.key !== undefined || flowing) {
		const flow = flowKeys(own.rest);
		if (own.key !== undefined) keys.push(own.key);
		keys.push(...flow.keys);
		inFlow = flow.keys.length > 0;
		position = flow.atKey ? 'key' : 'value';
		typed = flow.typed;
		column = own.keyColumn;
	} else {
		position = own.dashes.length ? 'item' : 'key';
		typed = own.rest;
		column = own.keyColumn;
	}
	for (let i = own.dashes.length - 1; i >= 0; i--) keys.unshift('[]');
	const parents = parentKeys(lines, line, own.dashes.length ? own.dashes[0] : column);
	keys.unshift(...parents);
	const quote = /^["']/.test(typed) ? 1 : 0;
	typed = typed.slice(quote).replace(/["']$/, '');
	const after = text.slice(local, lineEnd);
	const tail = /^[^\s,}\]#"']*/.exec(after)?.[0] ?? '';
	return { keys, pattern: patternOf(keys), position, typed, start: offset - typed.length, end: offset + tail.length, line, column, lines, firstLine, needsSpace: position === 'value' && before.endsWith(':'), inFlow };
}

/** The keys above a line whose block holds a column, nearest last, up to the document root. */
function parentKeys(lines: string[], line: number, column: number): string[] {
	const out: string[] = [];
	let need = column;
	for (let i = line - 1; i >= 0 && need > 0; i--) {
		const text = lines[i];
		if (!text.trim() || text.trimStart().startsWith('#')) continue;
		const t = tokens(text);
		if (t.indent >= need) continue;
		if (t.key !== undefined && t.keyColumn < need) {
			if (t.hasValue) continue;
			out.unshift(t.key);
			need = t.keyColumn;
		}
		for (let d = t.dashes.length - 1; d >= 0; d--) {
			if (t.dashes[d] >= need) continue;
			out.unshift('[]');
			need = t.dashes[d];
		}
	}
	return out;
}

/** Keys opened by flow mappings after `key:` on the cursor's line (`{ claimName: da`), and what is typed last. */
function flowKeys(rest: string): { keys: string[]; typed: string; atKey: boolean } {
	const stack: string[][] = [[]];
	let current = '';
	let atKey = false;
	for (let i = 0; i < rest.length; i++) {
		const c = rest[i];
		if (c === '{' || c === '[') {
			stack.push([]);
			if (c === '[') stack[stack.length - 1].push('[]');
			current = '';
			atKey = c === '{';
		} else if (c === '}' || c === ']') {
			if (stack.length > 1) stack.pop();
			current = '';
		} else if (c === ',') {
			stack[stack.length - 1] = stack[stack.length - 1].filter((k) => k === '[]');
			current = '';
			atKey = stack.length > 1 && !stack[stack.length - 1].includes('[]');
		} else if (c === ':' && (rest[i + 1] === ' ' || i + 1 === rest.length)) {
			stack[stack.length - 1].push(unquote(current.trim()));
			current = '';
			atKey = false;
		} else current += c;
	}
	return { keys: stack.slice(1).flat(), typed: current.trimStart(), atKey };
}

/** The value written beside a key at a line's column, in the same map (`name` beside `key` in a configMapKeyRef). */
export function siblingValue(site: Pick<CompletionSite, 'lines'>, line: number, column: number, key: string): string | undefined {
	const { lines } = site;
	const read = (i: number): string | undefined | null => {
		const t = tokens(lines[i]);
		if (!lines[i].trim() || lines[i].trimStart().startsWith('#')) return undefined;
		if (t.keyColumn === column && t.key === key) return unquote(t.rest.replace(/\s+#.*$/, '').trim());
		if (t.indent < column && !(t.dashes.length && t.keyColumn === column)) return null;
		return undefined;
	};
	for (let i = line; i >= 0; i--) {
		const found = read(i);
		if (found === null) break;
		if (found !== undefined) return found;
		if (tokens(lines[i]).dashes.length && tokens(lines[i]).keyColumn === column) break;
	}
	for (let i = line + 1; i < lines.length; i++) {
		if (tokens(lines[i]).dashes.length && tokens(lines[i]).keyColumn === column) break;
		const found = read(i);
		if (found === null) break;
		if (found !== undefined) return found;
	}
	return undefined;
}

/** The line and column of the key `depth` levels above the site's own key (1 = its parent). */
export function ancestorAt(site: CompletionSite, depth: number): { line: number; column: number } | undefined {
	let need = site.column;
	let found: { line: number; column: number } | undefined;
	for (let i = site.line - 1, left = depth; i >= 0 && left > 0 && need > 0; i--) {
		const t = tokens(site.lines[i]);
		if (!site.lines[i].trim() || t.indent >= need) continue;
		if (t.key !== undefined && t.keyColumn < need && !t.hasValue) {
			found = { line: i, column: t.keyColumn };
			need = t.keyColumn;
			left--;
		} else if (t.dashes.length && t.dashes[0] < need) need = t.dashes[0];
		if (left === 0) return found;
	}
	return undefined;
}

/** The keys of a site as one path pattern. */
export function patternOf(keys: string[]): string {
	let out = '';
	for (const key of keys) out += key === '[]' ? '[]' : out ? `.${key}` : key;
	return out;
}

/** A top-level scalar of a document's text (`kind`, `apiVersion`), read without parsing. */
export function topLevelValue(lines: string[], key: string): string | undefined {
	for (const line of lines) {
		const match = new RegExp(`^${key}:\\s*(.*?)\\s*(?:#.*)?$`).exec(line);
		if (match) return unquote(match[1]) || undefined;
	}
	return undefined;
}

function unquote(text: string): string {
	return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
