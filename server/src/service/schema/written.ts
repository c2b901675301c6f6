import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { ManifestDocument, NodePath } from '../manifest/types';

/** A node of the syntax tree and the path it is written at from the document root. */
interface Placed {
	node: unknown;
	path: NodePath;
}

/**
 * Where the value at a path of a document's values is written. The values follow aliases
 * (`*name`) and merge keys (`<<: *defaults`) as kubectl reads them; the syntax tree does not. A
 * field that comes from a merge is written inside the anchored node, so the path returned leads
 * there: `spec.containers.1.image` becomes `spec.containers.0.image` when the second container
 * merges the first. Undefined when the path is not in the document.
 */
export function writtenPath(document: ManifestDocument, path: NodePath): NodePath | undefined {
	const yaml = document.yaml;
	if (!yaml?.contents) return undefined;
	let at: Placed | undefined = { node: yaml.contents, path: [] };
	for (const part of path) {
		at = resolved(yaml, at);
		if (isMap(at.node)) at = lookup(yaml, at.node, at.path, String(part), 0);
		else if (isSeq(at.node) && typeof part === 'number') at = at.node.items[part] === undefined ? undefined : { node: at.node.items[part], path: [...at.path, part] };
		else at = undefined;
		if (!at) return undefined;
	}
	return at.path;
}

/** A key of a map: its own pairs first, then its merge sources in order (the first one wins). */
function lookup(yaml: Document.Parsed, map: YAMLMap, path: NodePath, key: string, depth: number): Placed | undefined {
	if (depth > 20) return undefined; // merges of merges of merges: no real manifest goes this deep
	for (const pair of map.items) {
		if (isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === key) return { node: pair.value, path: [...path, key] };
	}
	for (const pair of map.items) {
		if (!isPair(pair) || !isMergeKey(pair.key)) continue;
		const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
		for (const source of sources) {
			const target = resolved(yaml, { node: source, path: [] });
			if (!isMap(target.node) || target.path.length === 0) continue;
			const found = lookup(yaml, target.node, target.path, key, depth + 1);
			if (found) return found;
		}
	}
	return undefined;
}

/** An alias as the node it refers to, at the path its anchor is written at. */
function resolved(yaml: Document.Parsed, at: Placed): Placed {
	if (!isAlias(at.node)) return at;
	const target = at.node.resolve(yaml);
	const path = target ? anchorPaths(yaml).get(target) : undefined;
	return target && path ? { node: target, path } : { node: undefined, path: at.path };
}

function isMergeKey(key: unknown): boolean {
	return isScalar(key) && (key.source === '<<' || key.value === '<<' || typeof key.value === 'symbol');
}

const paths = new WeakMap<Document.Parsed, Map<unknown, NodePath>>();

/** Every anchored node of a document and its path, found once per parsed document. */
function anchorPaths(yaml: Document.Parsed): Map<unknown, NodePath> {
	let found = paths.get(yaml);
	if (found) return found;
	found = new Map();
	const walk = (node: unknown, path: NodePath, depth: number): void => {
		if (depth > 100 || !node || typeof node !== 'object') return;
		if ((node as YamlNode).anchor) found.set(node, path);
		if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?'], depth + 1);
		else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
	};
	walk(yaml.contents, [], 0);
	paths.set(yaml, found);
	return found;
}
