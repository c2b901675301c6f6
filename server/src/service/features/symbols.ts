import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { rangeOf } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { ManifestDocument } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';

/** Top-level keys that say nothing an outline needs. */
const SKIPPED_KEYS = new Set(['apiVersion', 'kind']);
/** Lists whose items are named: one child per container, port, volume. */
const NAMED_LISTS = new Set(['containers', 'initContainers', 'ports', 'volumes', 'volumeClaimTemplates', 'env', 'rules', 'paths']);
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
	}
	return out;
}

/** The document's top-level sections, and the keys of `spec` (and of a pod template's spec) under them. */
function sections(document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	const root = document.yaml?.contents;
	if (!isMap(root)) return [];
	const walk = (pairs: Pair[], depth: number): DocumentSymbol[] =>
		pairs.flatMap((pair) => {
			const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
			if (key === undefined || (depth === 0 && SKIPPED_KEYS.has(key))) return [];
			const start = (pair.key as { range?: number[] }).range?.[0];
			const end = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] }).range?.[1];
			if (start === undefined || end === undefined) return [];
			const range = span(text, document.start + start, document.start + end);
			const keyRange = span(text, document.start + start, document.start + start + key.length);
			const value = pair.value;
			let children: DocumentSymbol[] = [];
			if (isMap(value) && depth < 5 && (key === 'spec' || key === 'template' || key === 'jobTemplate')) children = walk(value.items as Pair[], depth + 1);
			else if (isSeq(value) && NAMED_LISTS.has(key)) children = namedItems(value.items, document, text);
			return [{ name: key, kind: isSeq(value) ? SymbolKind.Array : isMap(value) ? SymbolKind.Module : SymbolKind.Property, range, selectionRange: within(keyRange, range), children }];
		});
	return walk(root.items as Pair[], 0);
}

/** One child per list item that has a `name` (containers, ports, volumes), or `host`/`path` for Ingress rules. */
function namedItems(items: unknown[], document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	const out: DocumentSymbol[] = [];
	for (const item of items) {
		if (!isMap(item) || !item.range) continue;
		const value = item.toJSON() as unknown;
		const label = isRecord(value) ? (value.name ?? value.host ?? value.path ?? (isRecord(value.metadata) ? value.metadata.name : undefined) ?? value.containerPort ?? value.port) : undefined;
		if (label === undefined || label === null || typeof label === 'object') continue;
		const range = span(text, document.start + item.range[0], document.start + item.range[1]);
		out.push({ name: String(label), kind: SymbolKind.Field, range, selectionRange: range });
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
