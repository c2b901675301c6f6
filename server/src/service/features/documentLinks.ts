import type { DocumentLink } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import type { WorkspaceIndex } from '../workspace/index';

const LINK_LIMIT = 2000;
const URL = /https?:\/\/[^\s"'<>`]+[^\s"'<>`.,;:)\]]/g;

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
		if (!document.resource || !document.yaml) continue;
		walkValues(document.yaml.contents, (scalar) => {
			if (!scalar.range || typeof scalar.value !== 'string' || links.length >= LINK_LIMIT) return;
			const start = scalar.range[0];
			const source = document.text.slice(start, scalar.range[1]);
			for (const match of source.matchAll(URL)) {
				if (links.length >= LINK_LIMIT) return;
				const at = document.start + start + match.index;
				links.push({ range: { start: file.text.positionAt(at), end: file.text.positionAt(at + match[0].length) }, target: match[0] });
			}
		});
	}
	return links;
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
