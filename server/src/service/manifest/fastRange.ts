/*
 * Ranges without the full parse. A document read values-first has no syntax tree; finding the
 * place of one finding used to cost a parse of the whole document with ranges. Most manifests
 * are block mappings and sequences of one-line scalars, whose ranges a scan of the lines finds.
 * The scan gives exactly the offsets the `yaml` tree gives, or gives up: anything it does not
 * fully understand (anchors, aliases, tags, merge keys, complex keys, directives, tabs, quoted
 * scalars over several lines, ...) makes the whole document unknown, and the caller parses.
 */
import type { NodePath } from './types';

/** A scalar's style, as the `yaml` package names it. */
export type ScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/**
 * A node of the light tree. Ranges are [start, end) in the document's text, undefined where the
 * scan does not work them out. `end` is where the parser ends the node with what trails it (the
 * third number of a `yaml` range): the end of the collection whose last item it is.
 */
export type LightNode = (
	| { kind: 'map'; pairs: Map<string, LightPair>; first: LightPair | undefined; /** Some key is not a plain string (a number, an escape) or is written twice: lookups give up. */ odd: boolean; range?: [number, number]; flow?: boolean }
	| { kind: 'seq'; items: LightNode[]; range?: [number, number]; flow?: boolean }
	| { kind: 'scalar'; range: [number, number]; type: ScalarType; /** Empty: what trails it is not worked out. */ bare?: boolean }
	/** A flow collection on one line holding more than scalars: its range is known, its insides are not read. */
	| { kind: 'flow'; range: [number, number] }
	/** A block scalar (`|`, `>`), whose range is known for the common forms. */
	| { kind: 'block'; range?: [number, number] }
	/** A plain scalar over several lines: its end is not worked out. */
	| { kind: 'multiline' }
) & { end?: number };

export interface LightPair {
	key: [number, number];
	value: LightNode;
}

/** What a document is to the scan: its root node (null when empty), or undefined when not understood. */
export type LightTree = { root: LightNode | null } | undefined;

/** The result of a lookup: the node, ABSENT when the path is surely not there, UNKNOWN to ask the full parse. */
export const ABSENT = Symbol('absent');
export const UNKNOWN = Symbol('unknown');
export type Lookup<T> = T | typeof ABSENT | typeof UNKNOWN;

/** The pairs and items of collections read without their insides (Scan.shallow): shared, never written to. */
const NO_PAIRS = new Map<string, LightPair>();
const NO_ITEMS: LightNode[] = [];

/** Thrown inside the scan when the text holds something it does not read. */
class GiveUp extends Error {}

/** Deeper than this the scan gives up (the full parser bounds depth on its own terms). */
const MAX_LEVELS = 200;

/**
 * Plain keys that the core schema may read as something other than that string (null, booleans,
 * numbers; the number forms are taken broadly): a map with such a key is left to the parser.
 */
const NOT_A_STRING_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.?[0-9][0-9._eE+-]*)$/;
/** The parser reads an implicit key of at most this many characters. */
const MAX_KEY = 1024;
/** Characters that cannot start a plain scalar (the scan treats `-` followed by a non-space as plain). */
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const BLOCK_HEADER = /^[|>](?:[1-9][-+]?|[-+][1-9]?)?(?:[ ]+#.*)?[ ]*$/;

/**
 * Reads a document's text into a light tree, or undefined when any of it is beyond the scan. With
 * a `target` offset, the tree serves `lightAt` at that offset alone: the whole text is scanned
 * (what is beyond the scan anywhere still gives undefined), yet a collection that surely does not
 * hold the target is kept without its pairs or items, its own kind and range as in the full tree.
 * A hover then builds a few nodes, not a node for every line of its document.
 */
export function lightTree(text: string, target = -1): LightTree {
	try {
		return { root: new Scan(text, target).document() };
	} catch (error) {
		if (error instanceof GiveUp) return undefined;
		throw error;
	}
}

/** The node at a path (an empty path is the root). */
export function lightNodeAt(tree: LightTree, path: NodePath): Lookup<LightNode> {
	if (!tree) return UNKNOWN;
	if (tree.root === null) return path.length === 0 ? UNKNOWN : ABSENT;
	let node: LightNode = tree.root;
	for (const part of path) {
		if (node.kind === 'map') {
			if (typeof part !== 'string' || node.odd) return UNKNOWN;
			const pair = node.pairs.get(part);
			if (!pair) return ABSENT;
			node = pair.value;
		} else if (node.kind === 'seq') {
			if (typeof part !== 'number') return UNKNOWN;
			const item = node.items[part];
			if (!item) return Number.isInteger(part) && part >= 0 ? ABSENT : UNKNOWN;
			node = item;
		} else if (node.kind === 'scalar' || node.kind === 'block' || node.kind === 'multiline') {
			return ABSENT;
		} else {
			return UNKNOWN;
		}
	}
	return node;
}

/** The pair whose key ends a path (its parent must be a map). */
export function lightPairAt(tree: LightTree, path: NodePath): Lookup<LightPair> {
	if (!tree) return UNKNOWN;
	if (path.length === 0) return ABSENT;
	const parent = lightNodeAt(tree, path.slice(0, -1));
	if (parent === UNKNOWN || parent === ABSENT) return parent;
	if (parent.kind === 'flow') return UNKNOWN;
	if (parent.kind !== 'map') return ABSENT;
	const last = path[path.length - 1];
	if (typeof last !== 'string' || parent.odd) return UNKNOWN;
	return parent.pairs.get(last) ?? ABSENT;
}

/** [start, end) of the node at a path, or of its key with `key`, as `rangeOf` gives it. */
export function lightRange(tree: LightTree, path: NodePath, key: boolean): Lookup<[number, number]> {
	if (key) {
		const pair = lightPairAt(tree, path);
		return pair === UNKNOWN || pair === ABSENT ? pair : pair.key;
	}
	const node = lightNodeAt(tree, path);
	if (node === UNKNOWN || node === ABSENT) return node;
	return node.kind === 'multiline' || !node.range ? UNKNOWN : node.range;
}

/** What lies at an offset to the scan: the path, the scalar there (a key or a value) and whether it is a key. */
export interface LightAt {
	path: NodePath;
	scalar?: { value: unknown; range: [number, number, number] };
	isKey: boolean;
}

/**
 * What lies at an offset of a document (relative to its start), found as the full parse's tree
 * finds it (see `nodeAt`): a pair holds the offsets from its key's start to its value's end, both
 * ends included, and the first pair or item holding the offset is taken. The value of a block scalar
 * (`|`, `>`) comes from `blockValue`. UNKNOWN where the scan did not work out a range the walk needs,
 * or a scalar's value (and for an empty document).
 */
export function lightAt(tree: LightTree, text: string, offset: number, blockValue: (path: NodePath) => string | undefined = () => undefined): LightAt | typeof UNKNOWN {
	if (!tree || tree.root === null) return UNKNOWN;
	const path: NodePath = [];
	let node: LightNode = tree.root;
	for (;;) {
		if (node.kind === 'map') {
			if (node.odd) return UNKNOWN;
			const found = pairAt(node.pairs, offset);
			if (found === UNKNOWN) return UNKNOWN;
			if (!found) return { path, isKey: false };
			const name = found[0];
			const key = found[1].key;
			path.push(name);
			if (offset <= key[1]) return { path, scalar: { value: name, range: [key[0], key[1], key[1]] }, isKey: true };
			node = found[1].value;
		} else if (node.kind === 'seq') {
			let index = -1;
			for (let i = 0; i < node.items.length; i++) {
				const item = node.items[i];
				const range = item.kind === 'multiline' ? undefined : item.range;
				if (!range) return UNKNOWN;
				if (offset >= range[0] && offset <= range[1]) {
					index = i;
					break;
				}
			}
			if (index < 0) return { path, isKey: false };
			path.push(index);
			node = node.items[index];
		} else if (node.kind === 'scalar') {
			const value = scalarValue(text, node);
			return value === UNKNOWN ? UNKNOWN : { path, scalar: { value, range: [node.range[0], node.range[1], node.range[1]] }, isKey: false };
		} else if (node.kind === 'block' && node.range) {
			const value = blockValue(path);
			return value === undefined ? UNKNOWN : { path, scalar: { value, range: [node.range[0], node.range[1], node.range[1]] }, isKey: false };
		} else {
			return UNKNOWN; // a flow collection whose insides are not read, or a scalar whose end is not
		}
	}
}

/**
 * The first pair of a map (in the order written) whose key or value holds an offset, with its key;
 * undefined when none does, UNKNOWN when a value before it has no range. Read with forEach: a
 * hover runs this mostly in code not yet optimized, where each step of an iterator is allocated.
 */
function pairAt(pairs: Map<string, LightPair>, offset: number): [string, LightPair] | undefined | typeof UNKNOWN {
	let found: [string, LightPair] | undefined | typeof UNKNOWN;
	let done = false;
	pairs.forEach((pair, name) => {
		if (done) return;
		// Pairs are in the order written: none after this one holds the offset either.
		if (offset < pair.key[0]) done = true;
		else if (offset <= pair.key[1]) {
			found = [name, pair];
			done = true;
		} else if (pair.value.kind === 'multiline' || !pair.value.range) {
			found = UNKNOWN;
			done = true;
		} else if (offset <= pair.value.range[1]) {
			found = [name, pair];
			done = true;
		}
	});
	return found;
}

/** Plain scalars the core schema reads as null, true or false. */
const CORE_NULL = /^(?:~|null|Null|NULL)$/;
const CORE_TRUE = /^(?:true|True|TRUE)$/;
const CORE_FALSE = /^(?:false|False|FALSE)$/;

/**
 * A one-line scalar's value as the full parser reads it. A plain scalar that may be a number is
 * answered only when written as JavaScript writes that number (`80`, `1.5`); other forms (`0x1F`,
 * `1e3`, `007`), and double quotes holding escapes, are left to the parser.
 */
/** A one-line scalar's value as the core schema reads it (null, a boolean, a number, a string), or UNKNOWN (an escape in double quotes, an odd number form). */
export function scalarValue(text: string, node: Extract<LightNode, { kind: 'scalar' }>): unknown {
	const raw = text.slice(node.range[0], node.range[1]);
	if (node.type === 'QUOTE_DOUBLE') return raw.includes('\\') ? UNKNOWN : raw.slice(1, -1);
	if (node.type === 'QUOTE_SINGLE') return raw.slice(1, -1).replaceAll("''", "'");
	if (raw === '' || CORE_NULL.test(raw)) return null;
	if (CORE_TRUE.test(raw)) return true;
	if (CORE_FALSE.test(raw)) return false;
	if (!NOT_A_STRING_KEY.test(raw)) return raw;
	const number = Number(raw);
	return String(number) === raw ? number : UNKNOWN;
}

interface Line {
	start: number;
	/** End of the line's content, before `\r\n` or `\n`. */
	end: number;
	/** Offset of the first character that is not a space (`end` for a blank line). */
	content: number;
}

/**
 * The scan of one document. Its methods hand back what they read through fields rather than new
 * objects (the line after a node, the parts of a key): a hover scans a document it has not seen
 * before, mostly in code not yet optimized, where every such object is allocated.
 */
class Scan {
	private readonly lines: Line[] = [];
	/** Lines past this one belong to no node (a `...` marker ends the document). */
	private last = 0;
	/** The line after the node the last call of `node`, `map`, `seq` or `value` read. */
	private next = 0;
	/** The key `keyAt` last found: its range and its value (undefined when not a plain string). */
	private keyStart = 0;
	private keyEnd = 0;
	private keyValue: string | undefined;
	/** The arguments and the answer of the last call of `keyAt` (a map's first key is asked for twice). */
	private keyAsked = -1;
	private keyAskedEnd = -1;
	private keyColon = -1;
	/** True while the scan reads a collection that does not hold the target: its pairs and items are not kept. */
	private shallow = false;
	/**
	 * True while the scan reads a pair's value or an item that no collection keeps (inside a shallow
	 * one): a one-line scalar is then read into `reused`, which only ends its collection (see close).
	 */
	private unkept = false;
	private readonly reused: Extract<LightNode, { kind: 'scalar' }> = { kind: 'scalar', range: [0, 0], type: 'PLAIN', end: 0 };

	/** `target`: the offset the tree is read for (see lightTree), or -1 for the whole tree. */
	constructor(
		private readonly text: string,
		private readonly target = -1,
	) {
		let start = 0;
		while (start <= text.length) {
			const newline = text.indexOf('\n', start);
			let end = newline === -1 ? text.length : newline;
			if (end > start && text.charCodeAt(end - 1) === 13) end--;
			let content = start;
			while (content < end && text.charCodeAt(content) === 32) content++;
			this.lines.push({ start, end, content });
			if (newline === -1) break;
			start = newline + 1;
		}
		this.last = this.lines.length;
		if (text.includes('\r')) {
			// Only `\r\n` line ends are read; a lone CR is left to the parser.
			for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) throw new GiveUp();
		}
	}

	document(): LightNode | null {
		const first = this.lines[0];
		// A byte order mark opens the text and takes no column; anywhere else, the parser reads it.
		if (this.text.charCodeAt(0) === 0xfeff) {
			// Indentation or a sequence right after it: how the parser counts columns then is not worked out.
			if (this.text[1] === ' ' || (this.text[1] === '-' && !this.isMarker(1, '---'))) throw new GiveUp();
			first.start = 1;
			first.content = 1 + this.spacesFrom(1, first.end);
		}
		if (this.text.indexOf('\uFEFF', 1) >= 0) throw new GiveUp();
		let i = 0;
		let marker = false;
		for (; i < this.lines.length; i++) {
			const line = this.lines[i];
			this.noTabs(line);
			if (this.blankOrComment(line)) continue;
			const at = line.content;
			if (line.content === line.start) {
				if (this.text.startsWith('%', at)) throw new GiveUp();
				if (this.isMarker(at, '---')) {
					if (marker) throw new GiveUp();
					marker = true;
					if (!this.restIsComment(at + 3, line.end)) throw new GiveUp();
					continue;
				}
			}
			break;
		}
		for (let k = i; k < this.lines.length; k++) {
			const line = this.lines[k];
			if (line.content === line.start && (this.isMarker(line.start, '---') || this.isMarker(line.start, '...'))) {
				if (this.isMarker(line.start, '---')) throw new GiveUp();
				this.last = k;
				for (let rest = k + 1; rest < this.lines.length; rest++) {
					this.noTabs(this.lines[rest]);
					if (!this.blankOrComment(this.lines[rest])) throw new GiveUp();
				}
				if (!this.restIsComment(line.start + 3, line.end)) throw new GiveUp();
				break;
			}
		}
		const start = this.nextContent(i);
		if (start >= this.last) return null;
		const line = this.lines[start];
		const node = this.node(start, line.content, -1, 0);
		if (this.next < this.last) throw new GiveUp();
		if (node.kind !== 'map' && node.kind !== 'seq') throw new GiveUp(); // a scalar document: left to the parser
		return node;
	}

	/** A node whose first character is at `at` on line `i`, inside a parent indented `parent`; `next` is then the line after it. */
	private node(i: number, at: number, parent: number, depth: number): LightNode {
		if (depth > MAX_LEVELS) throw new GiveUp();
		const line = this.lines[i];
		const column = at - line.start;
		if (this.isDash(at, line.end)) return this.seq(i, column, depth);
		if (this.keyAt(at, line.end) >= 0) return this.map(i, column, depth);
		return this.value(i, at, parent);
	}

	private map(i: number, column: number, depth: number): LightNode {
		const shallow = this.shallow;
		const pairs = shallow ? NO_PAIRS : new Map<string, LightPair>();
		let first: LightPair | undefined;
		let firstStart = -1;
		let odd = false;
		let at = this.lines[i].start + column;
		let lastValue: LightNode | undefined;
		for (;;) {
			const line = this.lines[i];
			const colon = this.keyAt(at, line.end);
			if (colon < 0) throw new GiveUp();
			if (firstStart < 0) firstStart = this.keyStart;
			const key: [number, number] | undefined = shallow ? undefined : [this.keyStart, this.keyEnd];
			const name = this.keyValue;
			const after = this.spacesFrom(colon + 1, line.end) + colon + 1;
			// The value of a pair that surely does not hold the target is read without its insides.
			this.shallow = shallow || this.besideTarget(i, column, false);
			this.unkept = shallow;
			let value: LightNode;
			if (after >= line.end || this.text[after] === '#') {
				if (after < line.end && after === colon + 1) throw new GiveUp();
				const j = this.nextContent(i + 1);
				const below = j < this.last ? this.lines[j] : undefined;
				if (below && below.content - below.start > column) value = this.node(j, below.content, column, depth + 1);
				else if (below && below.content - below.start === column && this.isDash(below.content, below.end)) value = this.seq(j, column, depth + 1);
				else {
					value = this.empty(after, line.end);
					this.next = i + 1;
				}
			} else {
				value = this.value(i, after, column);
			}
			this.shallow = shallow;
			if (key) {
				const pair: LightPair = { key, value };
				first ??= pair;
				if (name === undefined) odd = true;
				// Two equal keys (an error the parser reports): lookups give up, as on keys the scan does not read.
				else if (pairs.has(name)) odd = true;
				else pairs.set(name, pair);
			}
			lastValue = value;
			i = this.nextContent(this.next);
			if (i >= this.last) break;
			const indent = this.lines[i].content - this.lines[i].start;
			if (indent < column) break;
			if (indent > column) throw new GiveUp();
			at = this.lines[i].content;
		}
		const node: LightNode = { kind: 'map', pairs, first, odd };
		this.close(node, firstStart, lastValue!, column, i);
		this.next = i;
		return node;
	}

	private seq(i: number, column: number, depth: number): LightNode {
		const shallow = this.shallow;
		const items: LightNode[] = shallow ? NO_ITEMS : [];
		let lastItem: LightNode | undefined;
		const start = this.lines[i].start + column;
		for (;;) {
			const line = this.lines[i];
			const dash = line.start + column;
			if (!this.isDash(dash, line.end)) break;
			const after = dash + 1 + this.spacesFrom(dash + 1, line.end);
			this.shallow = shallow || this.besideTarget(i, column, true);
			this.unkept = shallow;
			let item: LightNode;
			if (after >= line.end || this.text[after] === '#') {
				if (after < line.end && after === dash + 1) throw new GiveUp();
				const j = this.nextContent(i + 1);
				const below = j < this.last ? this.lines[j] : undefined;
				if (below && below.content - below.start > column) item = this.node(j, below.content, column, depth + 1);
				else {
					item = this.empty(after, line.end);
					this.next = i + 1;
					// After a comment line, the parser ends an empty item past its line break.
					if (this.commentAbove(i)) item.end = undefined;
				}
			} else {
				item = this.node(i, after, column, depth + 1);
			}
			this.shallow = shallow;
			if (!shallow) items.push(item);
			lastItem = item;
			i = this.nextContent(this.next);
			if (i >= this.last) break;
			const indent = this.lines[i].content - this.lines[i].start;
			if (indent < column) break;
			if (indent > column) throw new GiveUp();
			// A key at the dashes' indentation: the map that holds this sequence goes on.
			if (!this.isDash(this.lines[i].content, this.lines[i].end)) break;
		}
		const node: LightNode = { kind: 'seq', items };
		this.close(node, start, lastItem!, column, i);
		this.next = i;
		return node;
	}

	/** A value that starts at `at` on line `i` and is not a block collection; `next` is then the line after it. */
	private value(i: number, at: number, parent: number): LightNode {
		const line = this.lines[i];
		const c = this.text[at];
		if (c === '"' || c === "'") {
			const close = this.closingQuote(at, line.end);
			if (close < 0 || !this.restIsComment(close + 1, line.end)) throw new GiveUp();
			this.nothingBelow(i, parent);
			this.next = i + 1;
			return this.scalar(at, close + 1, c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', this.lineAfter(i));
		}
		if (c === '[' || c === '{') {
			const close = this.flowEnd(at, line.end);
			if (!this.restIsComment(close, line.end)) throw new GiveUp();
			this.nothingBelow(i, parent);
			const flow = this.flow(at, close);
			flow.end = this.lineAfter(i);
			this.next = i + 1;
			return flow;
		}
		if (c === '|' || c === '>') {
			if (!BLOCK_HEADER.test(this.text.slice(at, line.end))) throw new GiveUp();
			// The first line of text sets the indentation; a line indented between the parent's and
			// that, or a line of spaces indented deeper (text made of spaces), is left to the parser.
			if (/[1-9]/.test(this.text.slice(at, line.end).replace(/#.*/, ''))) throw new GiveUp();
			let j = i + 1;
			let lastText = -1;
			let indent = -1;
			let deepestBlank = -1;
			for (; j < this.last; j++) {
				const body = this.lines[j];
				if (body.content === body.end) {
					if (this.text.slice(body.start, body.end).includes('\t')) throw new GiveUp();
					deepestBlank = Math.max(deepestBlank, body.end - body.start);
					continue;
				}
				const column = body.content - body.start;
				if (column <= parent) break;
				if (indent < 0) indent = column;
				else if (column < indent) throw new GiveUp();
				lastText = j;
			}
			if (indent >= 0 && deepestBlank > indent) throw new GiveUp();
			// It ends after its last line of text; kept trailing blank lines (`|+`) are not worked out.
			this.next = j;
			if (lastText < 0 || this.text.slice(at, line.end).includes('+')) return { kind: 'block' };
			const end = this.lineAfter(lastText);
			return { kind: 'block', range: [at, end], end };
		}
		if (INDICATOR.has(c) && !(c === '-' && at + 1 < line.end && this.text[at + 1] !== ' ')) throw new GiveUp();
		const end = this.plainEnd(at, line.end);
		const comment = end < line.end;
		// Lines below that are indented deeper than the parent go on with the scalar.
		let j = i + 1;
		let more = false;
		for (; j < this.last; j++) {
			const below = this.lines[j];
			this.noTabs(below);
			if (below.content === below.end) continue;
			if (this.text[below.content] === '#' || below.content - below.start <= parent) break;
			if (comment || this.text[below.content] === '-' || this.plainEnd(below.content, below.end) !== this.trimmedEnd(below)) throw new GiveUp();
			more = true;
		}
		if (more) {
			this.next = j;
			return { kind: 'multiline' };
		}
		this.next = i + 1;
		return this.scalar(at, end, 'PLAIN', this.lineAfter(i));
	}

	/** A one-line scalar node: a new one, or `reused` while no collection keeps it. */
	private scalar(start: number, end: number, type: ScalarType, after: number): LightNode {
		if (!this.unkept) return { kind: 'scalar', range: [start, end], type, end: after };
		const node = this.reused;
		node.range[0] = start;
		node.range[1] = end;
		node.type = type;
		node.end = after;
		return node;
	}

	/**
	 * The end of a one-line plain scalar from `at`: before a ` #` comment and trailing spaces. Gives
	 * up on `: ` (a key where none may be) and on characters the scan does not read in a plain scalar.
	 */
	private plainEnd(at: number, end: number): number {
		let stop = end;
		for (let k = at; k < end; k++) {
			const code = this.text.charCodeAt(k);
			if (code === 35 /* # */ && k > at && this.text.charCodeAt(k - 1) === 32) {
				stop = k;
				break;
			}
			if (code === 58 /* : */ && (k + 1 === end || this.text.charCodeAt(k + 1) === 32)) throw new GiveUp();
			if (code === 9 || code < 32 || code === 0x7f || code === 0xfeff) throw new GiveUp();
		}
		while (stop > at && this.text.charCodeAt(stop - 1) === 32) stop--;
		return stop;
	}

	private trimmedEnd(line: Line): number {
		let end = line.end;
		while (end > line.content && this.text.charCodeAt(end - 1) === 32) end--;
		return end;
	}

	/**
	 * The offset of the colon of the key written at `at`, or -1 when no key is there. The key's range
	 * and value (undefined when not a plain string) are left in `keyStart`, `keyEnd` and `keyValue`.
	 */
	private keyAt(at: number, end: number): number {
		if (at !== this.keyAsked || end !== this.keyAskedEnd) {
			this.keyColon = this.readKey(at, end);
			this.keyAsked = at;
			this.keyAskedEnd = end;
		}
		return this.keyColon;
	}

	private readKey(at: number, end: number): number {
		const c = this.text[at];
		if (c === '"' || c === "'") {
			const close = this.closingQuote(at, end);
			if (close < 0) return -1;
			const colon = close + 1 + this.spacesFrom(close + 1, end);
			if (this.text[colon] !== ':' || !(colon + 1 === end || this.text[colon + 1] === ' ')) return -1;
			if (close + 1 - at > MAX_KEY) throw new GiveUp();
			const inner = this.text.slice(at + 1, close);
			const escaped = c === '"' ? inner.includes('\\') : inner.includes("'");
			this.keyStart = at;
			this.keyEnd = close + 1;
			this.keyValue = escaped ? undefined : inner;
			return colon;
		}
		if (INDICATOR.has(c) && !(c === '-' && at + 1 < end && this.text[at + 1] !== ' ')) return -1;
		for (let k = at; k < end; k++) {
			const code = this.text.charCodeAt(k);
			if (code === 35 /* # */ && this.text.charCodeAt(k - 1) === 32) return -1;
			if (code === 58 /* : */ && (k + 1 === end || this.text.charCodeAt(k + 1) === 32)) {
				let keyEnd = k;
				while (keyEnd > at && this.text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
				const value = this.text.slice(at, keyEnd);
				if (value === '<<' || keyEnd - at > MAX_KEY) throw new GiveUp(); // a merge key, or a key too long to be implicit
				for (let n = at; n < keyEnd; n++) {
					const ch = this.text.charCodeAt(n);
					if (ch === 9 || ch < 32 || ch === 0x7f || ch === 0xfeff) throw new GiveUp();
				}
				this.keyStart = at;
				this.keyEnd = keyEnd;
				this.keyValue = NOT_A_STRING_KEY.test(value) ? undefined : value;
				return k;
			}
		}
		return -1;
	}

	/** The offset of the quote that closes the one at `at` on the same line, or -1. */
	private closingQuote(at: number, end: number): number {
		const quote = this.text[at];
		for (let k = at + 1; k < end; k++) {
			const ch = this.text[k];
			const code = this.text.charCodeAt(k);
			if (code < 32 || code === 0x7f || code === 0xfeff) throw new GiveUp();
			if (quote === '"' && ch === '\\') k++;
			else if (ch === quote) {
				if (quote === "'" && this.text[k + 1] === "'") k++;
				else return k;
			}
		}
		return -1;
	}

	/** The offset just after the bracket that closes the flow collection at `at`, on the same line. */
	private flowEnd(at: number, end: number): number {
		const open: string[] = [];
		let before = '';
		for (let k = at; k < end; k++) {
			const ch = this.text[k];
			if (ch === '"' || ch === "'") {
				if (!'[{,:'.includes(before) || before === '') throw new GiveUp();
				k = this.closingQuote(k, end);
				if (k < 0) throw new GiveUp();
			} else if (ch === '[' || ch === '{') open.push(ch === '[' ? ']' : '}');
			else if (ch === ']' || ch === '}') {
				if (open.pop() !== ch) throw new GiveUp();
				if (open.length === 0) return k + 1;
			} else if ('&*!?|>%@`#\t'.includes(ch)) throw new GiveUp();
			if (ch !== ' ') before = this.text[k];
		}
		throw new GiveUp();
	}

	/**
	 * The flow collection from `at` to `close` (just after its bracket): a map or a sequence of
	 * scalars (`[ReadWriteOnce]`, `{ app: web }`) with its items, else one node of known range.
	 */
	private flow(at: number, close: number): LightNode {
		const range: [number, number] = [at, close];
		const opaque: LightNode = { kind: 'flow', range };
		const isMap = this.text[at] === '{';
		const segments: [number, number][] = [];
		let from = at + 1;
		for (let k = at + 1; k < close - 1; k++) {
			const ch = this.text[k];
			if (ch === '"' || ch === "'") k = this.closingQuote(k, close - 1);
			else if (ch === '[' || ch === '{') return opaque;
			else if (ch === ',') {
				segments.push([from, k]);
				from = k + 1;
			}
		}
		segments.push([from, close - 1]);
		const trimmed = segments.map(([s, e]) => this.trim(s, e));
		// A trailing comma (`[a, b, ]`) adds no item; `[ ]` has none.
		if (trimmed.length > 0 && trimmed[trimmed.length - 1][0] === trimmed[trimmed.length - 1][1]) trimmed.pop();
		if (trimmed.some(([s, e]) => s === e)) return opaque;
		if (!isMap) {
			const items: LightNode[] = [];
			for (const [s, e] of trimmed) {
				const item = this.flowScalar(s, e);
				if (!item) return opaque;
				items.push(item);
			}
			return { kind: 'seq', items, range, flow: true };
		}
		const pairs = new Map<string, LightPair>();
		let first: LightPair | undefined;
		let odd = false;
		for (const [s, e] of trimmed) {
			const colon = this.keyAt(s, e);
			if (colon < 0) return opaque;
			const key: [number, number] = [this.keyStart, this.keyEnd];
			const name = this.keyValue;
			const value = this.flowScalar(this.trim(colon + 1, e)[0], e);
			if (!value) return opaque;
			const pair = { key, value };
			first ??= pair;
			if (name === undefined) odd = true;
			else if (pairs.has(name)) odd = true;
			else pairs.set(name, pair);
		}
		return { kind: 'map', pairs, first, odd, range, flow: true };
	}

	/** A scalar that is all of [s, e) inside a flow collection, or undefined. */
	private flowScalar(s: number, e: number): LightNode | undefined {
		if (s >= e) return undefined;
		const c = this.text[s];
		if (c === '"' || c === "'") {
			return this.closingQuote(s, e) === e - 1 ? { kind: 'scalar', range: [s, e], type: c === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE' } : undefined;
		}
		if (INDICATOR.has(c) && !(c === '-' && s + 1 < e && this.text[s + 1] !== ' ')) return undefined;
		for (let k = s; k < e; k++) if (this.text[k] === ':' || this.text[k] === '"' || this.text[k] === "'") return undefined;
		return { kind: 'scalar', range: [s, e], type: 'PLAIN' };
	}

	private trim(s: number, e: number): [number, number] {
		while (s < e && this.text.charCodeAt(s) === 32) s++;
		while (e > s && this.text.charCodeAt(e - 1) === 32) e--;
		return [s, e];
	}

	/** An empty value at `at`; what trails it is worked out only when nothing does. */
	private empty(at: number, lineEnd: number): LightNode {
		const node: LightNode = { kind: 'scalar', range: [at, at], type: 'PLAIN', bare: true };
		if (at === lineEnd) node.end = at;
		return node;
	}

	/**
	 * True when the pair (or the sequence item, with `item`) written on line `i` at `column` surely
	 * does not hold the target, so that `lightAt` never reads inside its value: it starts after the
	 * target, or a line that ends it (a line indented less, or as much and not an item of a sequence
	 * the value may be; for an item, any line indented as much) starts before the target. Whatever
	 * the pair or item takes (its value, the comments after it) ends by that line's first character.
	 */
	private besideTarget(i: number, column: number, item: boolean): boolean {
		if (this.target < 0) return false;
		if (this.lines[i].start + column > this.target) return true;
		for (let j = i + 1; j < this.last; j++) {
			const line = this.lines[j];
			if (line.content >= this.target) return false;
			if (line.content === line.end || this.text.charCodeAt(line.content) === 35) continue;
			const indent = line.content - line.start;
			if (indent < column || (indent === column && (item || !this.isDash(line.content, line.end)))) return true;
		}
		return false;
	}

	/**
	 * The range of a block collection indented `column`, from `start` to where its last item
	 * ends, and its `end`: past the comment lines after it that are indented at least as deep
	 * (blank lines and shallower comments between them included), up to line `stop`.
	 */
	private close(node: LightNode & { kind: 'map' | 'seq' }, start: number, last: LightNode, column: number, stop: number): void {
		if (last.end === undefined) return;
		// A flow collection ends like a scalar: on its one line.
		const scalar = (last.kind !== 'map' && last.kind !== 'seq') || last.flow === true;
		let j = this.lineAt(last.end);
		if (j < this.lines.length && last.end > this.lines[j].start) j++;
		let comment = -1;
		let shallower = false;
		let blankAfter = false;
		for (; j < stop; j++) {
			const line = this.lines[j];
			if (line.content === line.end) {
				// Spaces on a blank line: where the parser ends the collection then is not worked out.
				if (line.end > line.start) return;
				blankAfter = true;
				continue;
			}
			if (this.text.charCodeAt(line.content) !== 35) return;
			const indent = line.content - line.start;
			// A comment that an empty value, or a deeper one that a scalar, might take: left to the parser.
			if ((last.kind === 'scalar' && last.bare) || (scalar && indent > column)) return;
			if (indent >= column) {
				comment = j;
				shallower = false;
				blankAfter = false;
			} else shallower = true;
		}
		node.range = [start, last.end];
		if (comment < 0) node.end = last.end;
		// Shallower comments after the last one it takes: left to the parser.
		else if (shallower) return;
		// Taken comments carry the blank lines and the indentation before the next indented line.
		else if (stop < this.last && this.lines[stop].content > this.lines[stop].start) node.end = this.lines[stop].content;
		// Blank lines between them and the end of the document: not worked out.
		else if (stop < this.last || !blankAfter) node.end = this.lineAfter(comment);
	}

	/** True when the lines just above line `i`, past blank ones, hold a comment. */
	private commentAbove(i: number): boolean {
		for (let k = i - 1; k >= 0; k--) {
			const line = this.lines[k];
			if (line.content === line.end) continue;
			return this.text.charCodeAt(line.content) === 35;
		}
		return false;
	}

	/** The offset where the line after line `i` starts (the text's end after the last line). */
	private lineAfter(i: number): number {
		return i + 1 < this.lines.length ? this.lines[i + 1].start : this.text.length;
	}

	/** The index of the line that holds `offset`. */
	private lineAt(offset: number): number {
		let lo = 0;
		let hi = this.lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lines[mid].start <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/** A one-line value may not be followed by deeper lines that are not comments. */
	private nothingBelow(i: number, parent: number): void {
		const j = this.nextContent(i + 1);
		if (j < this.last && this.lines[j].content - this.lines[j].start > parent) throw new GiveUp();
	}

	/** The next line that is neither blank nor a comment (`last` when none). */
	private nextContent(i: number): number {
		for (; i < this.last; i++) {
			const line = this.lines[i];
			this.noTabs(line);
			if (!this.blankOrComment(line)) return i;
		}
		return this.last;
	}

	private blankOrComment(line: Line): boolean {
		return line.content === line.end || this.text.charCodeAt(line.content) === 35;
	}

	private noTabs(line: Line): void {
		if (this.text.charCodeAt(line.content) === 9) throw new GiveUp();
		if (line.content === line.end && this.text.slice(line.start, line.end).includes('\t')) throw new GiveUp();
	}

	private isDash(at: number, end: number): boolean {
		return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
	}

	private isMarker(at: number, marker: string): boolean {
		if (!this.text.startsWith(marker, at)) return false;
		const next = this.text.charCodeAt(at + 3);
		return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
	}

	private restIsComment(at: number, end: number): boolean {
		const k = at + this.spacesFrom(at, end);
		return k >= end || (this.text[k] === '#' && k > at);
	}

	private spacesFrom(at: number, end: number): number {
		let k = at;
		while (k < end && this.text.charCodeAt(k) === 32) k++;
		return k - at;
	}
}
