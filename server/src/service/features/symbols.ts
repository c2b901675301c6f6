import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { rangeOf } from '../manifest/nodes';
import type { ManifestDocument } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';

/** Top-level keys that say nothing the document's own node does not (its kind, name and namespace). */
const SKIPPED_KEYS = new Set(['apiVersion', 'kind', 'metadata']);
/** Named lists shown under `spec`, and the word for their items. */
const NAMED_PATHS: [string[], string][] = [
	[['spec', 'containers'], 'container'],
	[['spec', 'template', 'spec', 'containers'], 'container'],
	[['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers'], 'container'],
	[['spec', 'ports'], 'port'],
	[['spec', 'rules'], 'rule'],
];
const NAME_KEYS = ['name', 'host'];
const WORKSPACE_LIMIT = 500;

/** The outline of a file: one node per document (`Kind name`, namespace as detail), its main sections as children. */
export function documentSymbols(uri: string, index: WorkspaceIndex): DocumentSymbol[] {
	const file = index.getFile(uri);
	if (!file) return [];
	const out: DocumentSymbol[] = [];
	for (const document of file.manifest.documents) {
		const resource = document.resource;
		if (!resource) continue;
		const range = span(file.text, document.start, trimmedEnd(document));
		const nameSpan = rangeOf(document, ['metadata', 'name']) ?? rangeOf(document, ['kind']);
		const selectionRange = nameSpan ? span(file.text, nameSpan[0], nameSpan[1]) : range;
		out.push({
			name: `${resource.kind} ${resource.name ?? ''}`.trim(),
			detail: resource.namespace,
			kind: kindOf(resource.kind),
			range,
			selectionRange: within(selectionRange, range),
			children: sections(document, file.text),
		});
		if (!out[out.length - 1].children?.length) delete out[out.length - 1].children;
	}
	return out;
}

/** The document's top-level sections; under `spec`, its containers, ports or rules by name (an outline of a large file stays small). */
function sections(document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	const root = document.yaml?.contents;
	if (!isMap(root)) return [];
	const out: DocumentSymbol[] = [];
	for (const pair of root.items as Pair[]) {
		const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
		const start = (pair.key as { range?: number[] } | null)?.range?.[0];
		const end = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] } | null)?.range?.[1];
		if (key === undefined || SKIPPED_KEYS.has(key) || start === undefined || end === undefined) continue;
		const range = span(text, document.start + start, document.start + end);
		const symbol: DocumentSymbol = { name: key, kind: isSeq(pair.value) ? SymbolKind.Array : isMap(pair.value) ? SymbolKind.Module : SymbolKind.Property, range, selectionRange: within(span(text, document.start + start, document.start + start + key.length), range) };
		if (key === 'spec') {
			const children = NAMED_PATHS.flatMap(([path, label]) => namedItems(document.yaml?.getIn(path, true), label, document, text));
			if (children.length) symbol.children = children;
		}
		out.push(symbol);
	}
	return out;
}

/** One child per named list item (a container, a port, an Ingress rule's host). */
function namedItems(list: unknown, label: string, document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	if (!isSeq(list)) return [];
	const out: DocumentSymbol[] = [];
	for (const item of list.items) {
		if (!isMap(item) || !item.range) continue;
		const name = item.items.find((p) => isScalar(p.key) && NAME_KEYS.includes(String(p.key.value)) && isScalar(p.value));
		const value = name && isScalar(name.value) ? name.value.value : undefined;
		if (value === undefined || value === null) continue;
		const range = span(text, document.start + item.range[0], document.start + item.range[1]);
		out.push({ name: `${label} ${String(value)}`, kind: SymbolKind.Field, range, selectionRange: range });
	}
	return out;
}

/** Every resource of the workspace whose `Kind/name` holds the query, or whose name has its letters in order (any case). */
export function workspaceSymbols(query: string, index: WorkspaceIndex): WorkspaceSymbol[] {
	const matcher = subsequence(query);
	const lowered = query.toLowerCase().trim();
	const out: WorkspaceSymbol[] = [];
	for (const uri of index.uris) {
		const file = index.getFile(uri);
		for (const document of file?.manifest.documents ?? []) {
			const resource = document.resource;
			if (!file || !resource || !(`${resource.kind}/${resource.name ?? ''}`.toLowerCase().includes(lowered) || matcher(resource.name ?? ''))) continue;
			const entry: IndexedResource = { uri, document, resource };
			out.push({ name: resource.name ?? resource.kind, kind: kindOf(resource.kind), containerName: [resource.kind, resource.namespace, relativePath(uri, index)].filter(Boolean).join(' · '), location: { uri, range: nameRange(entry, file.text) } });
			if (out.length >= WORKSPACE_LIMIT) return out;
		}
	}
	return out;
}

/** A file's path from its scope folder (the workspace folder or the nearest kustomization). */
function relativePath(uri: string, index: WorkspaceIndex): string {
	const path = URI.parse(uri).path;
	const folder = index.scopeOf(uri);
	return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path.slice(path.lastIndexOf('/') + 1);
}

function nameRange(entry: IndexedResource, text: TextDocument): Range {
	const found = rangeOf(entry.document, ['metadata', 'name']);
	return found ? span(text, found[0], found[1]) : span(text, entry.document.start, entry.document.start);
}

function subsequence(query: string): (text: string) => boolean {
	const wanted = query.toLowerCase().replace(/\s+/g, '');
	return (text) => {
		const lower = text.toLowerCase();
		let at = 0;
		for (const ch of wanted) {
			at = lower.indexOf(ch, at) + 1;
			if (at === 0) return false;
		}
		return true;
	};
}

/** The symbol kind an editor shows for a resource kind. */
function kindOf(kind: string): SymbolKind {
	if (['Service', 'Ingress', 'NetworkPolicy', 'Endpoints', 'EndpointSlice'].includes(kind)) return SymbolKind.Interface;
	if (['ConfigMap', 'Secret'].includes(kind)) return SymbolKind.Constant;
	if (['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'].includes(kind)) return SymbolKind.Struct;
	if (['Namespace'].includes(kind)) return SymbolKind.Namespace;
	return SymbolKind.Class;
}

/** A document's end without its trailing blank lines. */
function trimmedEnd(document: ManifestDocument): number {
	return document.start + document.text.trimEnd().length;
}

function span(text: TextDocument, start: number, end: number): Range {
	return { start: text.positionAt(start), end: text.positionAt(Math.max(start, end)) };
}

/** LSP requires the selection range inside the full range. */
function within(inner: Range, outer: Range): Range {
	const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
	return before(inner.start, outer.start) || before(outer.end, inner.end) ? outer : inner;
}
