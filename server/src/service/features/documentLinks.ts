import type { DocumentLink } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { pathPattern, type NodeAtOffset } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { WorkspaceIndex } from '../workspace/index';
import { entryCommandUri } from './entryMarkdown';
import { isForeignKind } from './hovers/kind';
import { pointedEntity } from './hovers/value';

const LINK_LIMIT = 2000;
const URL = /https?:\/\/[^\s"'<>`]+[^\s"'<>`.,;:)\]]/g;

/**
 * Document links: URLs written in values (docs links in annotations and the like), and known
 * values (a kind, `type: NodePort`, a provisioner, a handler, an image, a CNI annotation, a
 * volume source) to their knowledge entry through KubeLore's own command.
 */
export function findLinks(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph): DocumentLink[] {
	const file = index.getFile(uri);
	if (!file) return [];
	const links: DocumentLink[] = [];
	const add = (start: number, end: number, target: string, tooltip?: string) => {
		if (links.length < LINK_LIMIT) links.push({ range: { start: file.text.positionAt(start), end: file.text.positionAt(end) }, target, tooltip });
	};
	for (const document of file.manifest.documents) {
		const resource = document.resource;
		if (!resource || !document.yaml) continue;
		walkScalars(document.yaml.contents, [], (scalar, path, isKey) => {
			if (!scalar.range || links.length >= LINK_LIMIT) return;
			const [start, end] = scalar.range;
			const value = String(scalar.value ?? '');
			if (!isKey && typeof scalar.value === 'string') {
				const source = document.text.slice(start, end);
				for (const match of source.matchAll(URL)) add(document.start + start + match.index, document.start + start + match.index + match[0].length, match[0]);
			}
			const entity = entityAt(document, path, isKey, scalar, value, graph);
			if (entity) add(document.start + start, document.start + end, entryCommandUri(entity.id), `KubeLore: ${KnowledgeGraph.text(entity.title, 'en')}`);
		});
	}
	return links;
}

function entityAt(document: ManifestDocument, path: NodePath, isKey: boolean, scalar: Scalar, value: string, graph: KnowledgeGraph): Entity | undefined {
	const pattern = pathPattern(path);
	if (pattern === 'kind' && !isKey) return document.resource && isForeignKind(graph, value, document.resource.apiVersion) ? undefined : graph.forKind(value);
	if (pattern === 'apiVersion') return undefined;
	const at: NodeAtOffset = { document, path, scalar, isKey };
	return pointedEntity({ at, pattern, value, resource: document.resource, graph });
}

/** Visits every scalar key and value of a YAML tree with its path. */
function walkScalars(node: unknown, path: NodePath, visit: (scalar: Scalar, path: NodePath, isKey: boolean) => void): void {
	if (isMap(node)) {
		for (const pair of node.items) {
			if (!isPair(pair) || !isScalar(pair.key)) continue;
			const childPath = [...path, String(pair.key.value)];
			visit(pair.key, childPath, true);
			walkScalars(pair.value, childPath, visit);
		}
	} else if (isSeq(node)) {
		node.items.forEach((item, i) => walkScalars(item, [...path, i], visit));
	} else if (isScalar(node)) {
		visit(node, path, false);
	}
}
