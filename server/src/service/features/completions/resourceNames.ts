import { CompletionItemKind } from 'vscode-languageserver-types';
import { KnowledgeGraph } from '../../knowledge/graph';
import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { accessModesOf, claimClassOf, provisionerOf, pvFacts, quantityText } from '../../storage/volumes';
import type { IndexedResource } from '../../workspace/index';
import { isClusterScopedTarget, referenceAt } from '../../workspace/references';
import { namespaceOf } from '../../workspace/scope';
import { inOrder, type Candidate, type CompletionContext, type CompletionProvider } from '../completion';
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
	const out: Candidate[] = [];
	const typed = c.site.typed.toLowerCase();
	for (const target of c.index.ofKind(kind)) {
		const name = target.resource.name;
		// filtered here too: a workspace may hold thousands of claims
		if (!name || (typed && !inOrder(typed, name.toLowerCase())) || (target.uri === c.entry.uri && target.document === c.entry.document)) continue;
		const namespace = clusterScoped ? undefined : namespaceOf(target, c.settings);
		let rank = nearness(c, target) + (namespace !== undefined && namespace !== c.scope.namespace ? 6 : 0);
		// StatefulSets need a headless Service: those first
		if (kind === 'Service' && c.kind === 'StatefulSet' && !(isRecord(target.resource.value.spec) && target.resource.value.spec.clusterIP === 'None')) rank += 1;
		out.push({ label: name, kind: CompletionItemKind.Reference, rank, resolve: () => ({ detail: where(c, target, namespace), ...describe(c, target) }) });
	}
	out.push(...extras(c, kind));
	return out;
};

/** 0 the same file, 1 the same folder, 2 the same scope, 4 elsewhere; a Helm template's resource one later (rendered, it may be named otherwise). */
function nearness(c: CompletionContext, target: IndexedResource): number {
	const dir = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
	const folder = c.index.scopeOf(target.uri);
	const rank = target.uri === c.entry.uri ? 0 : dir(target.uri) === dir(c.entry.uri) ? 1 : folder === c.index.scopeOf(c.entry.uri) ? 2 : 4;
	// partialScopes is cached per index generation: most candidates need no closer look
	const partial = target.document.kind === 'partial' || (c.index.partialScopes().has(folder) && c.index.isPartialFile(target.uri));
	return partial ? rank + 1 : rank;
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
			return [
				...c.settings.storageClasses.map((name) => named(name, 3, t(COMPLETION_TEXT.profileClass, language))),
				...c.scope
					.clusterScoped('PersistentVolume')
					.filter((pv) => pvFacts(pv.resource).storageClass)
					.map((pv) => named(pvFacts(pv.resource).storageClass, 5, format(t(COMPLETION_TEXT.pvClass, language), pv.resource.name ?? '?'))),
			];
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
