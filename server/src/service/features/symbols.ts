import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ABSENT, scalarValue, UNKNOWN, type LightNode, type Lookup } from '../manifest/fastRange';
import { rangeOf, scannedNodeAt } from '../manifest/nodes';
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

/**
 * The document's top-level sections; under `spec`, its containers, ports or rules by name (an outline
 * of a large file stays small). Read from the line scan where it knows every part of them, so that
 * the outline of a file just opened (read values-first) costs no parse of its documents with ranges.
 */
function sections(document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	return scannedSections(document, text) ?? parsedSections(document, text);
}

/** The sections from the full parse. */
function parsedSections(document: ManifestDocument, text: TextDocument): DocumentSymbol[] {
	const root = document.yaml?.contents;
	if (!isMap(root)) return [];
	const out: DocumentSymbol[] = [];
	for (const pair of root.items as Pair[]) {
		const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
		const start = (pair.key as { range?: number[] } | null)?.range?.[0];
		const end = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] } | null)?.range?.[1];
		if (key === undefined || SKIPPED_KEYS.has(key) || start === undefined || end === undefined) continue;
		const kind = isSeq(pair.value) ? SymbolKind.Array : isMap(pair.value) ? SymbolKind.Module : SymbolKind.Property;
		const children = key === 'spec' ? NAMED_PATHS.flatMap(([path, label]) => namedItems(document.yaml?.getIn(path, true), label, document, text)) : [];
		out.push(section(document, text, key, kind, start, end, children));
	}
	return out;
}

function section(document: ManifestDocument, text: TextDocument, key: string, kind: SymbolKind, start: number, end: number, children: DocumentSymbol[]): DocumentSymbol {
	const range = span(text, document.start + start, document.start + end);
	const symbol: DocumentSymbol = { name: key, kind, range, selectionRange: within(span(text, document.start + start, document.start + start + key.length), range) };
	if (children.length) symbol.children = children;
	return symbol;
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
		out.push(namedItem(document, text, label, value, item.range[0], item.range[1]));
	}
	return out;
}

function namedItem(document: ManifestDocument, text: TextDocument, label: string, value: unknown, start: number, end: number): DocumentSymbol {
	const range = span(text, document.start + start, document.start + end);
	return { name: `${label} ${String(value)}`, kind: SymbolKind.Field, range, selectionRange: range };
}

/**
 * The sections as parsedSections gives them, from the line scan; undefined where the scan does not
 * know a part they need (a value's end or kind, a name's value), or once the document is parsed.
 */
function scannedSections(document: ManifestDocument, text: TextDocument): DocumentSymbol[] | undefined {
	const root = scannedNodeAt(document, []);
	if (root === UNKNOWN || root === ABSENT) return undefined;
	if (root.kind === 'seq') return [];
	if (root.kind !== 'map' || root.odd) return undefined;
	const out: DocumentSymbol[] = [];
	for (const [key, pair] of root.pairs) {
		const value = pair.value;
		if (value.kind === 'multiline' || !value.range || (value.kind === 'scalar' && value.bare)) return undefined;
		if (SKIPPED_KEYS.has(key)) continue;
		const kind = scannedKind(value, document.text);
		if (kind === undefined) return undefined;
		let children: DocumentSymbol[] = [];
		if (key === 'spec') {
			for (const [path, label] of NAMED_PATHS) {
				const items = scannedNamedItems(scannedNodeAt(document, path), label, document, text);
				if (!items) return undefined;
				children = children.concat(items);
			}
		}
		out.push(section(document, text, key, kind, pair.key[0], value.range[1], children));
	}
	return out;
}

/** The symbol kind of a scanned value: a list, a map, or a scalar. */
function scannedKind(value: LightNode, documentText: string): SymbolKind | undefined {
	if (value.kind === 'seq') return SymbolKind.Array;
	if (value.kind === 'map') return SymbolKind.Module;
	if (value.kind !== 'flow') return SymbolKind.Property;
	const open = documentText[value.range[0]];
	return open === '[' ? SymbolKind.Array : open === '{' ? SymbolKind.Module : undefined;
}

/** namedItems from the line scan; undefined where it does not know an item or a name. */
function scannedNamedItems(list: Lookup<LightNode>, label: string, document: ManifestDocument, text: TextDocument): DocumentSymbol[] | undefined {
	if (list === UNKNOWN) return undefined;
	if (list === ABSENT || (list.kind !== 'seq' && list.kind !== 'flow')) return [];
	if (list.kind === 'flow') return undefined;
	const out: DocumentSymbol[] = [];
	for (const item of list.items) {
		if (item.kind === 'flow' || item.kind === 'multiline') return undefined;
		if (item.kind !== 'map') continue;
		if (!item.range || item.odd) return undefined;
		let value: unknown;
		for (const [key, pair] of item.pairs) {
			const named = pair.value;
			if (!NAME_KEYS.includes(key) || (named.kind !== 'scalar' && named.kind !== 'block' && named.kind !== 'multiline')) continue;
			if (named.kind !== 'scalar') return undefined;
			value = scalarValue(document.text, named);
			if (value === UNKNOWN) return undefined;
			break;
		}
		if (value === undefined || value === null) continue;
		out.push(namedItem(document, text, label, value, item.range[0], item.range[1]));
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
	const text = document.text;
	let end = text.length;
	// \s is the set of characters trimEnd drops; the text is not copied.
	while (end > 0 && /\s/.test(text[end - 1])) end--;
	return document.start + end;
}

function span(text: TextDocument, start: number, end: number): Range {
	return { start: text.positionAt(start), end: text.positionAt(Math.max(start, end)) };
}

/** LSP requires the selection range inside the full range. */
function within(inner: Range, outer: Range): Range {
	const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
	return before(inner.start, outer.start) || before(outer.end, inner.end) ? outer : inner;
}
