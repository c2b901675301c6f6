import { pathPattern } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from './index';
import { selectedTemplates, type PodTemplate } from './podTemplates';
import { isClusterScopedTarget, isOptionalReference, referenceAt, siblingNamespace, targetKind } from './references';
import { namespaceOf, Scope } from './scope';

/**
 * "Who selects or uses what", the one answer rules, hovers, completion, rename and lenses read:
 * the values that name a resource (claimName -> PVC, an Ingress backend -> Service, envFrom ->
 * ConfigMap...), what a reference names, and the pod templates a Service selects.
 */

/** A value of a resource that names another resource by a reference field. */
export interface NameReference {
	/** The resource that holds the value. */
	entry: IndexedResource;
	/** Path of the value in its document. */
	path: NodePath;
	/** The kind it names and the name. */
	kind: string;
	name: string;
	/** Set for namespaced targets: the namespace the reference points into. */
	namespace?: string;
}

/** A reference of a document, before its namespace (which depends on settings) is known. */
export interface DocumentReference {
	path: NodePath;
	kind: string;
	name: string;
	clusterScoped: boolean;
	/** A namespace written beside the name (`claimRef.namespace`). */
	namespace?: string;
	/** The pod starts without the target (`optional: true`, an image pull secret). */
	optional: boolean;
}

/** The last keys of every reference field: other strings are not looked at. */
const REFERENCE_KEYS = new Set(['claimName', 'volumeName', 'storageClassName', 'runtimeClassName', 'serviceAccountName', 'serviceAccount', 'serviceName', 'priorityClassName', 'ingressClassName', 'name', 'secretName']);

const byDocument = new WeakMap<ManifestDocument, DocumentReference[]>();
const byIndex = new WeakMap<WorkspaceIndex, { generation: number; byTarget: Map<string, { entry: IndexedResource; ref: DocumentReference }[]> }>();

/** The references a document makes, read once per parse of the document. */
export function documentReferences(document: ManifestDocument): DocumentReference[] {
	let refs = byDocument.get(document);
	if (refs) return refs;
	refs = [];
	const resource = document.resource;
	if (resource) {
		const found = refs;
		walkStrings(resource.value, [], '', (at, pattern, name) => {
			const reference = referenceAt(pattern, resource.kind);
			if (!reference) return;
			const path = [...at];
			const kind = targetKind(reference, resource.value, path);
			if (!kind) return;
			found.push({ path, kind, name, clusterScoped: isClusterScopedTarget(reference, kind), namespace: siblingNamespace(resource.value, path), optional: isOptionalReference(reference, resource.value, path) });
		});
	}
	byDocument.set(document, refs);
	return refs;
}

/** Every reference of the workspace by `kind/name` of its target (rebuilt per index generation from per-document lists). */
function referencesByTarget(index: WorkspaceIndex) {
	let cached = byIndex.get(index);
	if (cached?.generation === index.generation) return cached.byTarget;
	const byTarget = new Map<string, { entry: IndexedResource; ref: DocumentReference }[]>();
	for (const uri of index.uris) {
		for (const document of index.getFile(uri)?.manifest.documents ?? []) {
			const resource = document.resource;
			if (!resource) continue;
			const entry: IndexedResource = { uri, document, resource };
			for (const ref of documentReferences(document)) {
				const key = `${ref.kind}/${ref.name}`;
				const list = byTarget.get(key);
				if (list) list.push({ entry, ref });
				else byTarget.set(key, [{ entry, ref }]);
			}
		}
	}
	byIndex.set(index, (cached = { generation: index.generation, byTarget }));
	return byTarget;
}

/** The values in the target's scope that name it (pods naming a PVC, Ingresses naming a Service, envFrom naming a ConfigMap...). */
export function usersOf(target: IndexedResource, index: WorkspaceIndex, settings: Settings): NameReference[] {
	const name = target.resource.name;
	if (!name) return [];
	const folder = index.scopeOf(target.uri);
	const namespace = namespaceOf(target, settings);
	const out: NameReference[] = [];
	for (const { entry, ref } of referencesByTarget(index).get(`${target.resource.kind}/${name}`) ?? []) {
		if (index.scopeOf(entry.uri) !== folder) continue;
		const refNamespace = ref.clusterScoped ? undefined : (ref.namespace ?? namespaceOf(entry, settings));
		if (refNamespace !== undefined && refNamespace !== namespace) continue;
		out.push({ entry, path: ref.path, kind: ref.kind, name, namespace: refNamespace });
	}
	return out;
}

/** Every reference of the workspace to a kind and name, in any scope and namespace (what a rename must change or refuse). */
export function referencesNamed(kind: string, name: string, index: WorkspaceIndex): { entry: IndexedResource; path: NodePath }[] {
	return (referencesByTarget(index).get(`${kind}/${name}`) ?? []).map(({ entry, ref }) => ({ entry, path: ref.path }));
}

/** The resources a reference value names: in the scope first, else anywhere in the workspace (same namespace for namespaced kinds). */
export function referenceTargets(entry: IndexedResource, path: NodePath, name: string, index: WorkspaceIndex, settings: Settings): IndexedResource[] {
	const { resource } = entry;
	const reference = referenceAt(pathPattern(path), resource.kind);
	const kind = reference && targetKind(reference, resource.value, path);
	if (!reference || !kind || !name) return [];
	const scope = new Scope(index, entry, settings);
	if (isClusterScopedTarget(reference, kind)) {
		const inScope = scope.clusterScoped(kind, name);
		return inScope.length ? inScope : index.named(kind, name);
	}
	const namespace = siblingNamespace(resource.value, path) ?? scope.namespace;
	const inScope = scope.named(kind, name, namespace);
	return inScope.length ? inScope : index.named(kind, name).filter((e) => namespaceOf(e, settings) === namespace);
}

/** The pod templates of its scope and namespace that a Service selects (AND of all labels). */
export function podsOfService(service: IndexedResource, index: WorkspaceIndex, settings: Settings): PodTemplate[] {
	const selector = isRecord(service.resource.value.spec) ? service.resource.value.spec.selector : undefined;
	if (!isRecord(selector)) return [];
	return selectedTemplates({ entry: service, index, settings, scope: new Scope(index, service, settings) }, selector);
}

/**
 * Calls `found` for each non-empty string under a reference key, with its path (one array, changed
 * as the walk goes: copy it to keep it) and that path's pattern (pathPattern), built on the way down.
 */
function walkStrings(value: unknown, path: (string | number)[], pattern: string, found: (path: NodePath, pattern: string, value: string) => void): void {
	if (Array.isArray(value)) {
		const items = `${pattern}[]`;
		for (let i = 0; i < value.length; i++) {
			const item: unknown = value[i];
			if (!item || typeof item !== 'object') continue;
			path.push(i);
			walkStrings(item, path, items, found);
			path.pop();
		}
	} else if (isRecord(value)) {
		for (const key of Object.keys(value)) {
			const item = value[key];
			if (typeof item === 'string' ? !item || !REFERENCE_KEYS.has(key) : !item || typeof item !== 'object') continue;
			path.push(key);
			const inner = pattern ? `${pattern}.${key}` : key;
			if (typeof item === 'string') found(path, inner, item);
			else walkStrings(item, path, inner, found);
			path.pop();
		}
	}
}
