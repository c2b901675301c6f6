import type { DocumentLink, Location } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { nodeAt, pathPattern, rangeOf } from '../manifest/nodes';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { namespaceOf, Scope } from '../workspace/scope';
import { referenceAt, siblingNamespace } from './references';
import { selectsTemplate, templateLabels } from './selectors';

/** Go to definition: the resource a reference names, in any file of the scope. */
export function findDefinition(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): Location[] {
	const file = index.getFile(uri);
	const at = file && nodeAt(file.manifest, offset);
	if (!file || !at?.scalar || at.isKey || !at.document.resource) return [];
	const resource = at.document.resource;
	const reference = referenceAt(pathPattern(at.path), resource.kind);
	if (!reference) return [];
	const name = String(at.scalar.value);
	const entry = { uri, document: at.document, resource };
	const scope = new Scope(index, entry, settings);
	let targets: IndexedResource[];
	if (reference.clusterScoped) {
		targets = scope.clusterScoped(reference.target, name);
		if (targets.length === 0) targets = index.named(reference.target, name);
	} else {
		const namespace = siblingNamespace(resource.value, at.path) ?? scope.namespace;
		targets = scope.named(reference.target, name, namespace);
		if (targets.length === 0) targets = index.named(reference.target, name).filter((e) => namespaceOf(e, settings) === namespace);
	}
	return targets.map((t) => locationOf(index, t));
}

/** Find references: from pod template labels (or a workload) to the Services and NetworkPolicies selecting it; from a PVC to the pods using it. */
export function findReferences(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): Location[] {
	const file = index.getFile(uri);
	const at = file && nodeAt(file.manifest, offset);
	if (!file || !at?.document.resource) return [];
	const entry = { uri, document: at.document, resource: at.document.resource };
	const scope = new Scope(index, entry, settings);
	const out: Location[] = [];
	const labels = templateLabels(entry.resource);
	if (labels) {
		for (const service of scope.ofKind('Service')) if (selectsTemplate(service.resource.value, 'service', labels)) out.push(locationOf(index, service));
		for (const policy of scope.ofKind('NetworkPolicy')) if (selectsTemplate(policy.resource.value, 'network-policy', labels)) out.push(locationOf(index, policy));
	}
	if (entry.resource.kind === 'PersistentVolumeClaim' && entry.resource.name) {
		for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController']) {
			for (const workload of scope.ofKind(kind)) {
				if (JSON.stringify(workload.resource.value).includes(`"claimName":${JSON.stringify(entry.resource.name)}`)) out.push(locationOf(index, workload));
			}
		}
	}
	return out;
}

/** Document links: docs URLs in annotations and known values that have a knowledge entry. */
export function findLinks(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph): DocumentLink[] {
	const file = index.getFile(uri);
	if (!file) return [];
	const links: DocumentLink[] = [];
	for (const document of file.manifest.documents) {
		const kind = document.resource?.kind;
		if (!kind) continue;
		const entity = graph.forKind(kind);
		const span = rangeOf(document, ['kind']);
		if (entity && span) {
			links.push({
				range: { start: file.text.positionAt(span[0]), end: file.text.positionAt(span[1]) },
				target: `command:kubelore.openEntry?${encodeURIComponent(JSON.stringify([entity.id]))}`,
				tooltip: `KubeLore: ${entity.title.en}`,
			});
		}
	}
	return links;
}

/** The location of a resource: its `metadata.name` value, else the document start. */
export function locationOf(index: WorkspaceIndex, entry: IndexedResource): Location {
	const text = index.getFile(entry.uri)!.text;
	const span = rangeOf(entry.document, ['metadata', 'name']) ?? [entry.document.start, entry.document.start];
	return { uri: entry.uri, range: { start: text.positionAt(span[0]), end: text.positionAt(span[1]) } };
}
