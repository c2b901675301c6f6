import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar } from 'yaml';
import { ABSENT, lightAt, lightNodeAt, lightRange, lightTree, UNKNOWN, type LightNode, type LightTree, type Lookup } from './fastRange';
import { isParsed } from './parse';
import type { ManifestDocument, ManifestFile, NodePath } from './types';

/** What lies at an offset of a file: the document, the path, and whether it is a key. */
export interface NodeAtOffset {
	document: ManifestDocument;
	path: NodePath;
	/** The scalar under the cursor (a key or a value), if any: its value and its range in the document. */
	scalar?: Pick<Scalar, 'value' | 'range'>;
	/** True when the cursor is on a map key. */
	isKey: boolean;
}

/** The document whose span holds `offset` (the last one when at the very end). */
export function documentAt(file: ManifestFile, offset: number): ManifestDocument | undefined {
	const docs = file.documents;
	let lo = 0;
	let hi = docs.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (offset < docs[mid].start) hi = mid - 1;
		else if (offset >= docs[mid].end && mid < docs.length - 1) lo = mid + 1;
		else return docs[mid];
	}
	return undefined;
}

/**
 * Finds the node at an absolute offset: the path from the document root and the scalar there.
 * A document not parsed with ranges is read by the line scan where it can be, else parsed.
 */
export function nodeAt(file: ManifestFile, offset: number): NodeAtOffset | undefined {
	const document = documentAt(file, offset);
	if (!document) return undefined;
	const local = offset - document.start;
	const fast = lightAt(light(document, local), document.text, local, (path) => stringAt(document.resource?.value, path));
	if (fast !== UNKNOWN) return { document, ...fast };
	if (!document.yaml?.contents) return undefined;
	const path: NodePath = [];
	let node: unknown = document.yaml.contents;
	for (;;) {
		if (isMap(node)) {
			const hit = node.items.find((item) => pairContains(item, local));
			if (!hit) return { document, path, isKey: false };
			const key = isScalar(hit.key) ? hit.key : undefined;
			if (key?.range && local >= key.range[0] && local <= key.range[1]) {
				path.push(String(key.value));
				return { document, path, scalar: key, isKey: true };
			}
			path.push(key ? String(key.value) : '?');
			node = hit.value;
		} else if (isSeq(node)) {
			const index = node.items.findIndex((item) => contains(item as YamlNode, local));
			if (index < 0) return { document, path, isKey: false };
			path.push(index);
			node = node.items[index];
		} else if (isScalar(node)) {
			return { document, path, scalar: node, isKey: false };
		} else {
			return { document, path, isKey: false };
		}
	}
}

/** The string at a path of a value read values-first (the same text as the full parse reads), or undefined. */
function stringAt(value: unknown, path: NodePath): string | undefined {
	for (const part of path) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
		value = (value as Record<string | number, unknown>)[part];
	}
	return typeof value === 'string' ? value : undefined;
}

function contains(node: YamlNode | null | undefined, offset: number): boolean {
	return !!node?.range && offset >= node.range[0] && offset <= node.range[1];
}

function pairContains(pair: unknown, offset: number): pair is Pair {
	if (!isPair(pair)) return false;
	const key = pair.key as YamlNode | null;
	const value = pair.value as YamlNode | null;
	const start = key?.range?.[0] ?? value?.range?.[0];
	const end = value?.range?.[1] ?? key?.range?.[1];
	return start !== undefined && end !== undefined && offset >= start && offset <= end;
}

/** The node at a path of a document, or undefined. */
export function nodeAtPath(document: ManifestDocument, path: NodePath): YamlNode | undefined {
	const node = document.yaml?.getIn(path, true);
	return node && typeof node === 'object' ? (node as YamlNode) : undefined;
}

/** The pair of a map at a path (to reach its key's range), or undefined. */
export function pairAtPath(document: ManifestDocument, path: NodePath): Pair | undefined {
	if (path.length === 0) return undefined;
	const parent = path.length === 1 ? document.yaml?.contents : nodeAtPath(document, path.slice(0, -1));
	if (!isMap(parent)) return undefined;
	const last = path[path.length - 1];
	return parent.items.find((p) => isScalar(p.key) && p.key.value === last) as Pair | undefined;
}

/** Absolute [start, end) of a node, or of a map key when `key` is set. */
export function rangeOf(document: ManifestDocument, path: NodePath, key = false): [number, number] | undefined {
	const fast = lightRange(light(document), path, key);
	if (fast !== UNKNOWN) return fast === ABSENT ? undefined : [document.start + fast[0], document.start + fast[1]];
	const node = key ? (pairAtPath(document, path)?.key as YamlNode | undefined) : nodeAtPath(document, path);
	const range = node?.range;
	if (!range) return key ? undefined : rangeOf(document, path, true);
	return [document.start + range[0], document.start + range[1]];
}

/** Absolute [start, end) of the key at the end of a path, as the pair at that path writes it. */
export function keyRangeOf(document: ManifestDocument, path: NodePath): [number, number] | undefined {
	const fast = lightRange(light(document), path, true);
	if (fast !== UNKNOWN) return fast === ABSENT ? undefined : [document.start + fast[0], document.start + fast[1]];
	const key = pairAtPath(document, path)?.key as YamlNode | undefined;
	return isScalar(key) && key.range ? [document.start + key.range[0], document.start + key.range[1]] : undefined;
}

/** A scalar's absolute [start, end) and style; undefined when the path holds no scalar. */
export function scalarAt(document: ManifestDocument, path: NodePath): { start: number; end: number; type: Scalar['type'] } | undefined {
	const fast = lightNodeAt(light(document), path);
	if (fast === ABSENT) return undefined;
	if (fast !== UNKNOWN && fast.kind !== 'multiline') {
		if (fast.kind === 'scalar') return { start: document.start + fast.range[0], end: document.start + fast.range[1], type: fast.type };
		if (fast.kind !== 'block') return undefined; // a collection
		if (fast.range) {
			const type = document.text[fast.range[0]] === '|' ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
			return { start: document.start + fast.range[0], end: document.start + fast.range[1], type };
		}
	}
	const node = nodeAtPath(document, path);
	if (!isScalar(node) || !node.range) return undefined;
	return { start: document.start + node.range[0], end: document.start + node.range[1], type: node.type };
}

/** Absolute [start, end) of the first key of a document's root map; undefined when the root is no map or has no key. */
export function firstKeyRange(document: ManifestDocument): [number, number] | undefined {
	const tree = light(document);
	if (tree) {
		const root = tree.root;
		const first = root?.kind === 'map' ? root.first : undefined;
		return first ? [document.start + first.key[0], document.start + first.key[1]] : undefined;
	}
	const contents = document.yaml?.contents;
	const key = isMap(contents) ? (contents.items[0]?.key as YamlNode | undefined) : undefined;
	return key?.range ? [document.start + key.range[0], document.start + key.range[1]] : undefined;
}

/** A map's items as edits need them: where each key starts and its value ends, offsets in the document. */
export interface MapShape {
	flow: boolean;
	/** [start, end) of the map; undefined where not worked out. */
	range?: [number, number];
	items: { key: string; keyStart: number; valueEnd: number }[];
}

/**
 * The shape of the map at a path (the root for an empty path), from the line scan when it knows
 * every item's ends, else from the full parse; undefined when no map is there.
 */
export function mapShapeAt(document: ManifestDocument, path: NodePath): MapShape | undefined {
	const fast = lightNodeAt(light(document), path);
	if (fast === ABSENT) return undefined;
	if (fast !== UNKNOWN) {
		if (fast.kind !== 'map' && fast.kind !== 'flow') return undefined;
		const shape = fast.kind === 'map' && !fast.odd ? lightShape(fast) : undefined;
		if (shape) return shape;
	}
	const node = path.length === 0 ? document.yaml?.contents : nodeAtPath(document, path);
	if (!isMap(node)) return undefined;
	const items: MapShape['items'] = [];
	for (const pair of node.items) {
		const key = pair.key as YamlNode | null;
		const value = pair.value as YamlNode | null;
		const keyStart = key?.range?.[0] ?? value?.range?.[0];
		const valueEnd = value?.range?.[1] ?? key?.range?.[1];
		if (keyStart === undefined || valueEnd === undefined) return undefined;
		items.push({ key: isScalar(key) ? String(key.value) : '', keyStart, valueEnd });
	}
	return { flow: !!node.flow, range: node.range ? [node.range[0], node.range[1]] : undefined, items };
}

/** A scanned map's shape, or undefined when some value's end is not known to the scan. */
function lightShape(map: Extract<LightNode, { kind: 'map' }>): MapShape | undefined {
	const items: MapShape['items'] = [];
	for (const [key, pair] of map.pairs) {
		const value = pair.value;
		if (value.kind === 'multiline' || !value.range || (value.kind === 'scalar' && value.bare)) return undefined;
		items.push({ key, keyStart: pair.key[0], valueEnd: value.range[1] });
	}
	return { flow: !!map.flow, range: map.range, items };
}

/**
 * The line scan's node at a path of a document read values-first (the root for an empty path):
 * UNKNOWN once the document is parsed with ranges or where the scan does not read it, ABSENT where
 * the path is surely not there. Offsets in it are relative to the document.
 */
export function scannedNodeAt(document: ManifestDocument, path: NodePath): Lookup<LightNode> {
	return lightNodeAt(light(document), path);
}

/**
 * True when the document is read by the line scan without its full parse: it then holds no
 * anchor, alias, tag or merge key, so every value is written where its path says.
 */
export function readByScan(document: ManifestDocument): boolean {
	return light(document) !== undefined;
}

const lightTrees = new WeakMap<ManifestDocument, LightTree>();

/** Lets go of a document's line scan: a run that checks each file once needs it no more after its file. */
export function forgetLightTree(document: ManifestDocument): void {
	lightTrees.delete(document);
}

/** Trees made for lookups of the node under a cursor (hovers), of the last few document texts looked up twice. */
const recentTrees: { text: string; tree: LightTree }[] = [];
const RECENT_TREES = 8;
/** The last few document texts of such lookups (held by their documents already). */
const recentTexts: string[] = [];
/** A document text this long is read whole at its first lookup: the next lookups in it take the kept tree rather than scan it again. */
const WHOLE_TREE_FIRST = 64 * 1024;

/**
 * The light tree of a document that has not been parsed with ranges, or undefined (parsed
 * already, not read values-first, or beyond the scan). Once the full parse exists, it is used.
 * A tree for the lookup of the node at an offset (`target`, the node under a hover) is not kept
 * with its document: the first lookup in a document text reads a tree for its offset alone (see
 * lightTree), the next one reads the whole tree, kept among the last few (a long text is read
 * whole at once). Hovering over a large
 * file then leaves no tree per document behind for the garbage collector to copy, and a first
 * hover in a document builds a few nodes, not the whole tree.
 */
function light(document: ManifestDocument, target?: number): LightTree {
	if (isParsed(document) || document.kind === 'broken' || document.partialReason === 'helm') {
		lightTrees.delete(document);
		return undefined;
	}
	if (lightTrees.has(document)) return lightTrees.get(document);
	const text = document.text;
	if (target === undefined) {
		const recent = recentTrees.find((r) => r.text === text);
		const tree = recent ? recent.tree : lightTree(text);
		lightTrees.set(document, tree);
		return tree;
	}
	const recent = recentTrees.find((r) => r.text === text);
	if (recent) return recent.tree;
	if (text.length < WHOLE_TREE_FIRST && !recentTexts.includes(text)) {
		recentTexts.unshift(text);
		if (recentTexts.length > RECENT_TREES) recentTexts.pop();
		return lightTree(text, target);
	}
	const tree = lightTree(text);
	recentTrees.unshift({ text, tree });
	if (recentTrees.length > RECENT_TREES) recentTrees.pop();
	return tree;
}

/** Path written as text for matching: `spec.containers[].image` (indexes become `[]`). */
export function pathPattern(path: NodePath): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += '[]';
		else out += out ? `.${part}` : part;
	}
	return out;
}

/**
 * `fields` with `start` and `end` worked out when first read: finding a place in a document read
 * values-first costs a parse with ranges, which a place nobody reads should not pay for.
 */
export function placeLater<T extends object>(fields: T, find: () => [number, number]): T & { readonly start: number; readonly end: number } {
	let span: [number, number] | undefined;
	return Object.defineProperties(fields, {
		start: { get: () => (span ??= find())[0], enumerable: true },
		end: { get: () => (span ??= find())[1], enumerable: true },
	}) as T & { readonly start: number; readonly end: number };
}
