import { CompletionItemKind } from 'vscode-languageserver-types';
import { KnowledgeGraph } from '../../knowledge/graph';
import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { accessModesOf, claimClassOf, provisionerOf, pvFacts, quantityText } from '../../storage/volumes';
import { LAYOUT, type IndexedResource, type WorkspaceIndex } from '../../workspace/index';
import { isClusterScopedTarget, referenceAt } from '../../workspace/references';
import { namespaceOf } from '../../workspace/scope';
import { inOrder, MAX_ITEMS, type Candidate, type CompletionContext, type CompletionProvider } from '../completion';
import { siblingValue } from '../completionSite';
import { shortPath } from '../hovers/resources';
import { COMPLETION_TEXT } from './text';

const SHORT_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
/** PriorityClasses every cluster has. */
const BUILT_IN_PRIORITY_CLASSES = ['system-cluster-critical', 'system-node-critical'];

/** Names of the resources a reference field names (claimName, storageClassName, serviceName...), nearest first. */
export const resourceNameItems: CompletionProvider = (c) => {
	if (c.site.position !== 'value') return undefined;
	const reference = referenceAt(c.site.pattern, c.kind);
	if (!reference) return undefined;
	const written = reference.fromSibling ? siblingValue(c.site, c.site.line, c.site.column, 'kind') : undefined;
	const kind = written && reference.fromSibling?.includes(written) ? written : reference.target;
	const clusterScoped = isClusterScopedTarget(reference, kind);
	const extra = extras(c, kind);
	// The classes of the scope's PVs (thousands, in a large workspace) come sorted by label, each once.
	const classes = kind === 'StorageClass' ? pvClasses(c) : [];
	const { rows, inFolder } = rowsOf(c.index, kind);
	// A list the editor can filter itself is sent whole; a longer one (a workspace may hold thousands
	// of claims) only with the names that match what is typed, nearest first, cut to what can be shown.
	const narrow = rows.length + extra.length + classes.length > MAX_ITEMS + 1;
	const typed = narrow ? c.site.typed.toLowerCase() : '';
	if (narrow) c.narrowed = true;
	const myDir = folderOf(c.entry.uri);
	const myScope = c.index.scopeOf(c.entry.uri);
	const partialScopes = c.index.partialScopes();
	const headlessFirst = kind === 'Service' && c.kind === 'StatefulSet';
	/** Rows by rank; each keeps the rows' order, which is the labels' order. */
	const byRank: Row[][] = [];
	const namespaceFor = (row: Row) => (clusterScoped ? undefined : namespaceOf(row.target, c.settings));
	const wanted = narrow ? MAX_ITEMS + 1 : Infinity;
	const good = new Set<string>();
	const consider = (row: Row) => {
		const { target } = row;
		if ((typed && !inOrder(typed, row.lower)) || (target.uri === c.entry.uri && target.document === c.entry.document)) return;
		const namespace = namespaceFor(row);
		const scope = c.index.scopeOf(target.uri);
		let rank = target.uri === c.entry.uri ? 0 : row.dir === myDir ? 1 : scope === myScope ? 2 : 4;
		// partialScopes is cached per index generation: most candidates need no closer look
		if (target.document.kind === 'partial' || (partialScopes.has(scope) && c.index.isPartialFile(target.uri))) rank += 1;
		if (namespace !== undefined && namespace !== c.scope.namespace) rank += 6;
		// StatefulSets need a headless Service: those first
		if (headlessFirst && !row.headless) rank += 1;
		(byRank[rank] ??= []).push(row);
		if (rank <= 2) good.add(row.name);
	};
	let i = 0;
	while (i < rows.length && good.size < wanted) consider(rows[i++]);
	// Rows of other folders rank 2 at best: once `wanted` names rank 2 or better, no later one of them
	// makes the list (each has that many names before it); later rows of this folder still may.
	for (const at of inFolder.get(myDir) ?? []) if (at >= i) consider(rows[at]);
	// Nearest first, then by label, the first of each label. Narrowed, only what can make the list: a name
	// the list shows has fewer than MAX_ITEMS names before it among the resources, and among the extras.
	const out: Candidate[] = [];
	const seen = new Set<string>();
	for (let rank = 0; rank < byRank.length && out.length < wanted; rank++) {
		for (const row of byRank[rank] ?? []) {
			if (seen.has(row.name)) continue;
			seen.add(row.name);
			const { target } = row;
			const namespace = namespaceFor(row);
			out.push({ label: row.name, kind: CompletionItemKind.Reference, rank, resolve: () => details(c, target, namespace) });
			if (out.length >= wanted) break;
		}
	}
	out.push(...(narrow ? firstOfExtras(extra, classes, typed, wanted) : [...extra, ...classes]));
	return out;
};

/**
 * The extras that match what is typed, nearest first, the first of each label, at most `count`.
 * `sorted` holds candidates of one rank with distinct labels in label order: past its first `count`
 * matches, none can make the list (as many labels come before each), so it is read no further.
 */
function firstOfExtras(extra: Candidate[], sorted: readonly Candidate[], typed: string, count: number): Candidate[] {
	const matches = (e: Candidate) => !typed || inOrder(typed, lowerLabel(e));
	const kept = extra.filter(matches);
	let taken = 0;
	for (let i = 0; i < sorted.length && taken < count; i++) {
		if (!matches(sorted[i])) continue;
		kept.push(sorted[i]);
		taken++;
	}
	const seen = new Set<string>();
	return kept
		.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
		.filter((e) => !seen.has(e.label) && !!seen.add(e.label))
		.slice(0, count);
}

/** Labels in lower case, kept for candidates that live on between answers. */
const lowerLabels = new WeakMap<Candidate, string>();

function lowerLabel(candidate: Candidate): string {
	let lower = lowerLabels.get(candidate);
	if (lower === undefined) lowerLabels.set(candidate, (lower = candidate.label.toLowerCase()));
	return lower;
}

/** A named resource of one kind, with what ranking it needs. */
interface Row {
	target: IndexedResource;
	name: string;
	lower: string;
	dir: string;
	headless: boolean;
}

/** The rows of each resource, kept while the resource is (an edit makes new resources of its file only). */
const rowOfResource = new WeakMap<IndexedResource, Row>();
/** Per index and kind: the rows sorted by name, for one version of the kind's resources. */
const rowsByIndex = new WeakMap<WorkspaceIndex, Map<string, Rows>>();

interface Rows {
	version: number;
	/** Sorted by name. */
	rows: Row[];
	/** The positions of the rows of each folder, ascending. */
	inFolder: Map<string, number[]>;
}

/**
 * The named resources of a kind sorted by name (resources of one name by URI and offset), kept until a
 * resource of the kind comes or goes; the index keeps them sorted, so a change costs one pass here.
 */
export function rowsOf(index: WorkspaceIndex, kind: string): Rows {
	let kinds = rowsByIndex.get(index);
	if (!kinds) rowsByIndex.set(index, (kinds = new Map()));
	const version = index.kindVersion(kind);
	const known = kinds.get(kind);
	if (known?.version === version) return known;
	const rows: Row[] = [];
	const inFolder = new Map<string, number[]>();
	for (const target of index.ofKindByName(kind)) {
		const name = target.resource.name;
		if (!name) continue;
		let row = rowOfResource.get(target);
		if (!row) {
			const spec = target.resource.value.spec;
			row = { target, name, lower: name.toLowerCase(), dir: folderOf(target.uri), headless: isRecord(spec) && spec.clusterIP === 'None' };
			rowOfResource.set(target, row);
		}
		const positions = inFolder.get(row.dir);
		if (positions) positions.push(rows.length);
		else inFolder.set(row.dir, [rows.length]);
		rows.push(row);
	}
	const made = { version, rows, inFolder };
	kinds.set(kind, made);
	return made;
}

function folderOf(uri: string): string {
	return uri.slice(0, uri.lastIndexOf('/'));
}

/**
 * The details of a candidate as last worked out, per resource, while the file asking, its namespace,
 * the candidate's namespace, the language and the graph are the same (a client asks again at each key
 * typed, mostly for the same candidates).
 */
const detailsOf = new WeakMap<IndexedResource, { key: string; graph: CompletionContext['graph']; value: Pick<Candidate, 'detail' | 'description' | 'documentation'> }>();

function details(c: CompletionContext, target: IndexedResource, namespace: string | undefined): Pick<Candidate, 'detail' | 'description' | 'documentation'> {
	const key = `${c.entry.uri}\n${c.scope.namespace}\n${namespace ?? ''}\n${namespace === undefined ? 0 : 1}\n${c.settings.language}`;
	const known = detailsOf.get(target);
	if (known?.key === key && known.graph === c.graph) return known.value;
	const value = { detail: where(c, target, namespace), ...describe(c, target) };
	detailsOf.set(target, { key, graph: c.graph, value });
	return value;
}

/** Where the name is defined, and when it is another namespace's, that a reference cannot reach it. */
function where(c: CompletionContext, target: IndexedResource, namespace: string | undefined): string {
	const language = c.settings.language;
	const detail = format(t(COMPLETION_TEXT.definedIn, language), target.resource.kind, `${shortPath(c.entry.uri, target.uri)}:${nameLine(c, target)}`);
	return namespace !== undefined && namespace !== c.scope.namespace ? `${detail} · ${format(t(COMPLETION_TEXT.otherNamespace, language), namespace)}` : detail;
}

/** The 1-based line of a resource's name, found in its text: parsing every candidate's document for ranges would cost more than the list. */
function nameLine(c: CompletionContext, target: IndexedResource): number {
	const { text } = target.document;
	const name = target.resource.name ?? '';
	const match = new RegExp(`^[ \\t]+name:[ \\t]*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*\\r?$`, 'm').exec(text);
	return (c.index.getFile(target.uri)?.text.positionAt(target.document.start + (match?.index ?? 0)).line ?? 0) + 1;
}

/** The few facts that tell candidates apart: a claim's size and modes, a class's provisioner, a Service's type. */
function describe(c: CompletionContext, target: IndexedResource): Pick<Candidate, 'description' | 'documentation'> {
	const { resource } = target;
	const spec = isRecord(resource.value.spec) ? resource.value.spec : {};
	const value = resource.value;
	switch (resource.kind) {
		case 'PersistentVolumeClaim': {
			const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
			const parts = [quantityText(requests.storage), accessModesOf(spec).map((m) => SHORT_MODES[m] ?? m).join(',') || undefined, claimClassOf({ spec, annotations: resource.annotations })];
			return { description: parts.filter((p) => p !== undefined && p !== '').join(' · ') };
		}
		case 'PersistentVolume': {
			const pv = pvFacts(resource);
			return { description: [pv.capacityText, pv.accessModes.map((m) => SHORT_MODES[m] ?? m).join(','), pv.storageClass || undefined, pv.claimRef?.name && `→ ${pv.claimRef.name}`].filter(Boolean).join(' · ') };
		}
		case 'StorageClass': {
			const provisioner = provisionerOf(target);
			const mode = typeof value.volumeBindingMode === 'string' ? value.volumeBindingMode : 'Immediate';
			const driver = provisioner ? c.graph.forProvisioner(provisioner) : undefined;
			return { description: [provisioner, mode].filter(Boolean).join(' · '), documentation: driver && KnowledgeGraph.text(driver.summary, c.settings.language) };
		}
		case 'RuntimeClass': {
			const handler = typeof value.handler === 'string' ? value.handler : undefined;
			const runtime = handler ? c.graph.forRuntimeHandler(handler) : undefined;
			return { description: handler && `handler ${handler}`, documentation: runtime && KnowledgeGraph.text(runtime.summary, c.settings.language) };
		}
		case 'Service': {
			const headless = spec.clusterIP === 'None' ? t(COMPLETION_TEXT.headless, c.settings.language) : undefined;
			const ports = Array.isArray(spec.ports) ? spec.ports.map((p) => (isRecord(p) ? String(p.port ?? '') : '')).filter(Boolean).join(',') : '';
			return { description: [headless ?? (typeof spec.type === 'string' ? spec.type : 'ClusterIP'), ports].filter(Boolean).join(' · ') };
		}
		case 'ConfigMap':
		case 'Secret': {
			const keys = [value.data, value.stringData, value.binaryData].flatMap((d) => (isRecord(d) ? Object.keys(d) : []));
			const type = resource.kind === 'Secret' && typeof value.type === 'string' ? value.type : undefined;
			return { description: [type, format(t(COMPLETION_TEXT.keys, c.settings.language), keys.length)].filter(Boolean).join(' · ') };
		}
		case 'IngressClass':
			return { description: typeof spec.controller === 'string' ? spec.controller : undefined };
		case 'PriorityClass':
			return { description: value.value === undefined ? undefined : String(value.value) };
		default:
			return {};
	}
}

/** Names known without a resource in the workspace: the profile's classes, classes PVs carry, handlers the graph knows, built-ins. */
function extras(c: CompletionContext, kind: string): Candidate[] {
	const language = c.settings.language;
	const named = (label: string, rank: number, detail: string, documentation?: string): Candidate => ({ label, kind: CompletionItemKind.Value, rank, detail, documentation });
	switch (kind) {
		case 'StorageClass':
			return c.settings.storageClasses.map((name) => named(name, 3, t(COMPLETION_TEXT.profileClass, language)));
		case 'RuntimeClass':
			return [
				...c.settings.runtimeClasses.map((name) => named(name, 3, t(COMPLETION_TEXT.profileRuntime, language))),
				...c.graph.entities.flatMap((e) => (e.matches.runtimeHandlers ?? []).map((h) => named(h, 8, format(t(COMPLETION_TEXT.handler, language), KnowledgeGraph.text(e.title, language)), KnowledgeGraph.text(e.summary, language)))),
			];
		case 'PriorityClass':
			return BUILT_IN_PRIORITY_CLASSES.map((name) => named(name, 5, t(COMPLETION_TEXT.builtIn, language)));
		case 'ServiceAccount':
			return [named('default', 5, t(COMPLETION_TEXT.builtIn, language))];
		default:
			return [];
	}
}

/**
 * The classes PVs of the scope carry, each once (from its first PV: the one the list would keep), sorted
 * by label (all of one rank: the order among them changes no answer); details worked out for the items shown.
 */
function pvClasses(c: CompletionContext): Candidate[] {
	let byFolder = pvClassesByIndex.get(c.index);
	if (!byFolder) pvClassesByIndex.set(c.index, (byFolder = new Map()));
	const folder = c.index.scopeOf(c.entry.uri);
	const version = c.index.kindVersion('PersistentVolume');
	const layout = c.index.changedAt(LAYOUT);
	const language = c.settings.language;
	const known = byFolder.get(folder);
	if (known?.version === version && known.layout === layout && known.language === language) return known.candidates;
	const seen = new Set<string>();
	const candidates: Candidate[] = [];
	for (const pv of c.scope.clusterScoped('PersistentVolume')) {
		const storageClass = pvFacts(pv.resource).storageClass;
		if (!storageClass || seen.has(storageClass)) continue;
		seen.add(storageClass);
		const name = pv.resource.name ?? '?';
		candidates.push({ label: storageClass, kind: CompletionItemKind.Value, rank: 5, resolve: () => ({ detail: format(t(COMPLETION_TEXT.pvClass, language), name) }) });
	}
	candidates.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
	byFolder.set(folder, { version, layout, language, candidates });
	return candidates;
}

/**
 * Per index and scope folder: the candidates of the classes its PVs carry, kept until a PV comes or
 * goes or the scopes change (they are shared between answers: nothing changes a candidate).
 */
const pvClassesByIndex = new WeakMap<WorkspaceIndex, Map<string, { version: number; layout: number; language: string; candidates: Candidate[] }>>();
