import type { Location } from 'vscode-languageserver-types';
import { nodeAt, pathPattern, rangeOf, type NodeAtOffset } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { referenceTargets, usersOf } from '../workspace/relations';
import { Scope } from '../workspace/scope';
import { constraintTemplatesDefining, CONSTRAINT_KIND_PATH, isGatekeeperConstraint } from '../workspace/references';
import { selectorsOf, templateLabels } from '../workspace/selectors';

export { findLinks } from './documentLinks';

/** Go to definition: the resource a reference names (claimName, storageClassName, a constraint's kind...), in any file. */
export function findDefinition(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): Location[] {
	const at = atOffset(index, uri, offset);
	if (!at?.scalar || at.isKey) return [];
	return definitionsAt(at, uri, index, settings).map((target) => locationOf(index, target.entry, target.path));
}

/**
 * Find references. On a reference (a claimName): its target and every other reference to it.
 * In a resource: what refers to it by name (pods to a PVC, Ingresses to a Service...), the
 * Services and NetworkPolicies selecting a workload's pods, the constraints of a ConstraintTemplate.
 */
export function findReferences(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): Location[] {
	const at = atOffset(index, uri, offset);
	if (!at?.document.resource) return [];
	const entry: IndexedResource = { uri, document: at.document, resource: at.document.resource };
	if (at.scalar && !at.isKey) {
		const targets = definitionsAt(at, uri, index, settings);
		if (targets.length) return targets.flatMap((t) => [locationOf(index, t.entry, t.path), ...referencesByName(t.entry, index, settings)]);
	}
	const out = referencesByName(entry, index, settings);
	const labels = templateLabels(entry.resource);
	if (labels && Object.keys(labels).length) {
		const { services, policies } = selectorsOf(labels, new Scope(index, entry, settings));
		for (const service of services) out.push(locationOf(index, service, ['spec', 'selector'], true));
		for (const policy of policies) out.push(locationOf(index, policy, ['spec', 'podSelector'], true));
	}
	if (entry.resource.kind === 'ConstraintTemplate') {
		const kind = valueAt(entry.resource.value, CONSTRAINT_KIND_PATH);
		if (typeof kind === 'string') {
			for (const constraint of index.ofKind(kind)) if (isGatekeeperConstraint(constraint.resource.apiVersion)) out.push(locationOf(index, constraint, ['kind']));
		}
	}
	return out;
}

/** Every value in the scope that names this resource through a reference field (claimName -> this PVC). */
export function referencesByName(target: IndexedResource, index: WorkspaceIndex, settings: Settings): Location[] {
	return usersOf(target, index, settings).map((ref) => locationOf(index, ref.entry, ref.path));
}

/** The resources a reference value names, with the path to point at. */
function definitionsAt(at: NodeAtOffset, uri: string, index: WorkspaceIndex, settings: Settings): { entry: IndexedResource; path: NodePath }[] {
	const resource = at.document.resource;
	if (!resource || !at.scalar) return [];
	const name = String(at.scalar.value);
	const entry = { uri, document: at.document, resource };
	if (pathPattern(at.path) === 'kind' && isGatekeeperConstraint(resource.apiVersion)) {
		return constraintTemplatesDefining(name, index, new Scope(index, entry, settings)).map((e) => ({ entry: e, path: CONSTRAINT_KIND_PATH }));
	}
	return referenceTargets(entry, at.path, name, index, settings).map((e) => ({ entry: e, path: ['metadata', 'name'] }));
}

/** The location of a node of a resource (its key when `key`), else its `metadata.name`, else the document start. */
export function locationOf(index: WorkspaceIndex, entry: IndexedResource, path: NodePath = ['metadata', 'name'], key = false): Location {
	const text = index.getFile(entry.uri)!.text;
	const span = rangeOf(entry.document, path, key) ?? rangeOf(entry.document, ['metadata', 'name']) ?? [entry.document.start, entry.document.start];
	return { uri: entry.uri, range: { start: text.positionAt(span[0]), end: text.positionAt(span[1]) } };
}

function atOffset(index: WorkspaceIndex, uri: string, offset: number): NodeAtOffset | undefined {
	const file = index.getFile(uri);
	return file && offset >= 0 ? nodeAt(file.manifest, offset) : undefined;
}

function valueAt(value: unknown, path: NodePath): unknown {
	let node = value;
	for (const part of path) node = isRecord(node) ? node[part] : undefined;
	return node;
}
