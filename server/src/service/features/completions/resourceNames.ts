import { CompletionItemKind } from 'vscode-languageserver-types';
import { KnowledgeGraph } from '../../knowledge/graph';
import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { accessModesOf, claimClassOf, provisionerOf, pvFacts, quantityText } from '../../storage/volumes';
import { byNameThenPlace, firstAtOrAfter, LAYOUT, type IndexedResource, type WorkspaceIndex } from '../../workspace/index';
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
	// Sorted by name, the nameless first; kept sorted by the index, so an edit costs no pass here.
	const resources = c.index.ofKindByName(kind);
	let first = 0;
	while (first < resources.length && !resources[first].resource.name) first++;
	// A list the editor can filter itself is sent whole; a longer one (a workspace may hold thousands
	// of claims) only with the names that match what is typed, nearest first, cut to what can be shown.
	const narrow = resources.length - first + extra.length + classes.length > MAX_ITEMS + 1;
	const typed = narrow ? c.site.typed.toLowerCase() : '';
	if (narrow) c.narrowed = true;
	const myDir = folderOf(c.entry.uri);
	const inMyFolder = (uri: string) => uri.length > myDir.length + 1 && uri.startsWith(myDir) && uri[myDir.length] === '/' && !uri.includes('/', myDir.length + 1);
	const myScope = c.index.scopeOf(c.entry.uri);
	const partialScopes = c.index.partialScopes();
	const headlessFirst = kind === 'Service' && c.kind === 'StatefulSet';
	/** Resources by rank; each keeps the order of names. */
	const byRank: IndexedResource[][] = [];
	const namespaceFor = (target: IndexedResource) => (clusterScoped ? undefined : namespaceOf(target, c.settings));
	const wanted = narrow ? MAX_ITEMS + 1 : Infinity;
	const good = new Set<string>();
	const consider = (target: IndexedResource) => {
		const name = target.resource.name!;
		if ((typed && !inOrder(typed, name.toLowerCase())) || (target.uri === c.entry.uri && target.document === c.entry.document)) return;
		const namespace = namespaceFor(target);
		const scope = c.index.scopeOf(target.uri);
		let rank = target.uri === c.entry.uri ? 0 : inMyFolder(target.uri) ? 1 : scope === myScope ? 2 : 4;
		// partialScopes is cached until the layout changes: most candidates need no closer look
		if (target.document.kind === 'partial' || (partialScopes.has(scope) && c.index.isPartialFile(target.uri))) rank += 1;
		if (namespace !== undefined && namespace !== c.scope.namespace) rank += 6;
		// StatefulSets need a headless Service: those first
		if (headlessFirst && !isHeadless(target)) rank += 1;
		(byRank[rank] ??= []).push(target);
		if (rank <= 2) good.add(name);
	};
	let i = first;
	while (i < resources.length && good.size < wanted) consider(resources[i++]);
	// Resources of other folders rank 2 at best: once `wanted` names rank 2 or better, no later one of
	// them makes the list (each has that many names before it); later ones of this folder still may.
	if (i < resources.length) for (const target of laterInFolder(c.index, kind, myDir, resources[i - 1])) consider(target);
	// Nearest first, then by label, the first of each label. Narrowed, only what can make the list: a name
	// the list shows has fewer than MAX_ITEMS names before it among the resources, and among the extras.
	const out: Candidate[] = [];
	const seen = new Set<string>();
	for (let rank = 0; rank < byRank.length && out.length < wanted; rank++) {
		for (const target of byRank[rank] ?? []) {
			const name = target.resource.name!;
			if (seen.has(name)) continue;
			seen.add(name);
			const namespace = namespaceFor(target);
			out.push({ label: name, kind: CompletionItemKind.Reference, rank, resolve: () => details(c, target, namespace) });
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

/** True for a Service without a cluster IP (a StatefulSet's governing Service must be one). */
function isHeadless(target: IndexedResource): boolean {
	const spec = target.resource.value.spec;
	return isRecord(spec) && spec.clusterIP === 'None';
}

/** The named resources of a kind in a folder (not below it) that sort after `after` by name, then place, in that order. */
function laterInFolder(index: WorkspaceIndex, kind: string, dir: string, after: IndexedResource): IndexedResource[] {
	const byPlace = index.ofKindByPlace(kind);
	const prefix = `${dir}/`;
	const later: IndexedResource[] = [];
	for (let k = firstAtOrAfter(byPlace, (e) => e.uri >= prefix); k < byPlace.length && byPlace[k].uri.startsWith(prefix); k++) {
		const target = byPlace[k];
		if (target.resource.name && !target.uri.includes('/', prefix.length) && byNameThenPlace(target, after) > 0) later.push(target);
	}
	return later.sort(byNameThenPlace);
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
	// the PVs of the scope (as Scope.clusterScoped has them), each read once per language: after an edit, only the new ones
	for (const pv of c.index.ofKindByPlace('PersistentVolume')) {
		if (c.index.scopeOf(pv.uri) !== folder) continue;
		let known = pvCandidates.get(pv);
		if (known?.language !== language) {
			const storageClass = pvFacts(pv.resource).storageClass;
			const name = pv.resource.name ?? '?';
			const candidate: Candidate | undefined = storageClass ? { label: storageClass, kind: CompletionItemKind.Value, rank: 5, resolve: () => ({ detail: format(t(COMPLETION_TEXT.pvClass, language), name) }) } : undefined;
			pvCandidates.set(pv, (known = { language, candidate }));
		}
		const candidate = known.candidate;
		if (!candidate || seen.has(candidate.label)) continue;
		seen.add(candidate.label);
		candidates.push(candidate);
	}
	candidates.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
	byFolder.set(folder, { version, layout, language, candidates });
	return candidates;
}

/** The candidate of each PV's class, in one language. */
const pvCandidates = new WeakMap<IndexedResource, { language: string; candidate: Candidate | undefined }>();

/**
 * Per index and scope folder: the candidates of the classes its PVs carry, kept until a PV comes or
 * goes or the scopes change (they are shared between answers: nothing changes a candidate).
 */
const pvClassesByIndex = new WeakMap<WorkspaceIndex, Map<string, { version: number; layout: number; language: string; candidates: Candidate[] }>>();
