import { CompletionItemKind, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { documentAt } from '../manifest/nodes';
import type { Settings } from '../settings';
import type { IndexedFile, IndexedResource, WorkspaceIndex } from '../workspace/index';
import { Scope } from '../workspace/scope';
import { completionSite, topLevelValue, type CompletionSite } from './completionSite';
import { resourceNameItems } from './completions/resourceNames';
import { serviceItems } from './completions/services';
import { knowledgeValueItems } from './completions/values';

/** What a completion provider reads: the site, the resource being written, and the workspace around it. */
export interface CompletionContext {
	site: CompletionSite;
	kind?: string;
	/** The resource being written: the parse's, or one read from the text while the YAML is broken. */
	entry: IndexedResource;
	scope: Scope;
	file: IndexedFile;
	index: WorkspaceIndex;
	graph: KnowledgeGraph;
	settings: Settings;
	/** Set by a provider that left candidates out (those that do not match what is typed, or beyond what the list shows). */
	narrowed?: boolean;
}

/** One candidate before it becomes an LSP item. */
export interface Candidate {
	label: string;
	kind: CompletionItemKind;
	/** Lower ranks first: 0 the nearest (same folder, same namespace). */
	rank: number;
	detail?: string;
	/** Short text beside the label (a claim's size, a class's provisioner). */
	description?: string;
	documentation?: string;
	/** Text to insert when it differs from the label. */
	insert?: string;
	/** Details worked out only for the items that make the list (a workspace may hold thousands of candidates). */
	resolve?: () => Pick<Candidate, 'detail' | 'description' | 'documentation'>;
}

/** A provider answers for the sites it knows, else undefined to let the next one try. */
export type CompletionProvider = (c: CompletionContext) => Candidate[] | undefined;

/** The longest list sent; a longer one is narrowed to what is typed, and the client asks again as more is typed. */
export const MAX_ITEMS = 100;
const PROVIDERS: CompletionProvider[] = [serviceItems, resourceNameItems, knowledgeValueItems];

/** Completion of values that name other resources or knowledge (never schema keys: the YAML extension does those). */
export function doComplete(uri: string, offset: number, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings): CompletionList {
	const empty: CompletionList = { isIncomplete: false, items: [] };
	const file = index.getFile(uri);
	const document = file && offset >= 0 ? documentAt(file.manifest, offset) : undefined;
	if (!file || !document) return empty;
	const firstLine = file.text.positionAt(document.start).line;
	const site = completionSite(document.text, document.start, firstLine, offset);
	if (!site) return empty;
	const kind = document.resource?.kind ?? topLevelValue(site.lines, 'kind');
	const entry: IndexedResource = { uri, document, resource: document.resource ?? standIn(site.lines, kind) };
	const context: CompletionContext = { site, kind, entry, scope: new Scope(index, entry, settings), file, index, graph, settings };
	for (const provider of PROVIDERS) {
		const candidates = provider(context);
		if (!candidates) continue;
		const all = nearestFirst(candidates);
		// A short list goes whole: the editor filters it as the user types (and after a backspace).
		if (all.length <= MAX_ITEMS && !context.narrowed) return { isIncomplete: false, items: toItems(all, context) };
		// A long one keeps what matches the text typed, cut to MAX_ITEMS; the client asks again as the text changes.
		const typed = site.typed.toLowerCase();
		const kept = typed ? all.filter((c) => inOrder(typed, c.label.toLowerCase())) : all;
		return { isIncomplete: true, items: toItems(kept.slice(0, MAX_ITEMS), context) };
	}
	return empty;
}

/** True when the letters typed appear in the label in order: a superset of what the editor's fuzzy filter keeps. */
export function inOrder(typed: string, label: string): boolean {
	let at = 0;
	for (const ch of typed) {
		at = label.indexOf(ch, at) + 1;
		if (at === 0) return false;
	}
	return true;
}

/** The resource a broken document will be, from its top-level lines: enough for its kind and namespace. */
function standIn(lines: string[], kind: string | undefined) {
	const namespace = lines.map((l) => /^ {1,4}namespace:\s*["']?([a-z0-9-]+)/.exec(l)?.[1]).find((n) => n !== undefined);
	return { apiVersion: topLevelValue(lines, 'apiVersion') ?? '', kind: kind ?? '', namespace, labels: {}, annotations: {}, value: {} };
}

/** Sorted by rank, then label; the first of each label kept. */
function nearestFirst(candidates: Candidate[]): Candidate[] {
	const seen = new Set<string>();
	return candidates
		.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
		.filter((c) => {
			if (seen.has(c.label)) return false;
			seen.add(c.label);
			return true;
		});
}

function toItems(candidates: Candidate[], c: CompletionContext): CompletionItem[] {
	const { file, site } = c;
	const range = { start: file.text.positionAt(site.start), end: file.text.positionAt(site.end) };
	const out: CompletionItem[] = [];
	for (const unresolved of candidates) {
		const candidate = unresolved.resolve ? { ...unresolved, ...unresolved.resolve() } : unresolved;
		const documentation: MarkupContent | undefined = candidate.documentation ? { kind: 'markdown', value: candidate.documentation } : undefined;
		out.push({
			label: candidate.label,
			kind: candidate.kind,
			detail: candidate.detail,
			labelDetails: candidate.description ? { description: candidate.description } : undefined,
			documentation,
			sortText: `${String(candidate.rank).padStart(2, '0')}${String(out.length).padStart(4, '0')}`,
			filterText: candidate.label,
			textEdit: { range, newText: (site.needsSpace ? ' ' : '') + (candidate.insert ?? candidate.label) },
		});
	}
	return out;
}
