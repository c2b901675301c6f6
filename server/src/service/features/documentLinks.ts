import type { DocumentLink } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { ABSENT, UNKNOWN, type LightNode, type Lookup } from '../manifest/fastRange';
import { scannedNodeAt } from '../manifest/nodes';
import type { WorkspaceIndex } from '../workspace/index';

const LINK_LIMIT = 2000;
const URL = /https?:\/\/[^\s"'<>`]+[^\s"'<>`.,;:)\]]/g;
/** What every link starts with: a document without it is not parsed for its values' ranges. */
const SCHEME = /https?:\/\//;

/**
 * Document links: the web addresses written in values (docs links in annotations and the like),
 * the one thing in a manifest a hover cannot open. Known values (a kind, `type: NodePort`, a
 * provisioner, an image...) are not links: an editor underlines every link, which on every such
 * value is noise and covers the squiggles under them. Their entry is one step away all the same:
 * the hover's title and its "More" link, and Explain Resource at Cursor (editor context menu).
 */
export function findLinks(uri: string, index: WorkspaceIndex): DocumentLink[] {
	const file = index.getFile(uri);
	if (!file) return [];
	const links: DocumentLink[] = [];
	for (const document of file.manifest.documents) {
		// Most documents hold no web address; the others are read by the line scan where it reads every
		// value: the first links of a file just opened (read values-first) parse no document with ranges.
		if (!document.resource || !SCHEME.test(document.text)) continue;
		const add = (start: number, end: number) => {
			const source = document.text.slice(start, end);
			for (const match of source.matchAll(URL)) {
				if (links.length >= LINK_LIMIT) return;
				const at = document.start + start + match.index;
				links.push({ range: { start: file.text.positionAt(at), end: file.text.positionAt(at + match[0].length) }, target: match[0] });
			}
		};
		const scanned: [number, number][] = [];
		if (scannedValues(scannedNodeAt(document, []), scanned)) {
			for (const [start, end] of scanned) if (links.length < LINK_LIMIT) add(start, end);
			continue;
		}
		if (!document.yaml) continue;
		walkValues(document.yaml.contents, (scalar) => {
			if (!scalar.range || typeof scalar.value !== 'string' || links.length >= LINK_LIMIT) return;
			add(scalar.range[0], scalar.range[1]);
		});
	}
	return links;
}

/**
 * The ranges of every scalar value (not the keys) of a scanned tree that may hold a web address, in
 * the order written; false where the scan has not read a value (a flow collection's insides, a plain
 * scalar over several lines, a block scalar of an uncommon form) or the document at all.
 */
function scannedValues(node: Lookup<LightNode>, out: [number, number][]): boolean {
	if (node === UNKNOWN || node === ABSENT) return false;
	switch (node.kind) {
		case 'map':
			for (const pair of node.pairs.values()) if (!scannedValues(pair.value, out)) return false;
			return !node.odd;
		case 'seq':
			for (const item of node.items) if (!scannedValues(item, out)) return false;
			return true;
		case 'scalar':
			out.push(node.range);
			return true;
		case 'block':
			if (node.range) out.push(node.range);
			return node.range !== undefined;
		default:
			return false;
	}
}

/** Visits every scalar value (not the keys) of a YAML tree. */
function walkValues(node: unknown, visit: (scalar: Scalar) => void): void {
	if (isMap(node)) {
		for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walkValues(pair.value, visit);
	} else if (isSeq(node)) {
		for (const item of node.items) walkValues(item, visit);
	} else if (isScalar(node)) {
		visit(node);
	}
}
