import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from './index';
import type { Scope } from './scope';

/** A field whose value names another resource: `claimName` -> PersistentVolumeClaim. */
export interface ReferenceField {
	/** Path pattern of the value (see pathPattern), matched as a suffix. */
	pattern: RegExp;
	/** Kind of the resource it names; `fromSibling` reads it from the `kind` key beside the name. */
	target: string;
	/** Kinds the sibling `kind` may name (roleRef: Role or ClusterRole). */
	fromSibling?: string[];
	/** Cluster-scoped targets ignore namespaces. */
	clusterScoped?: boolean;
	/** Only for documents of these kinds. */
	kinds?: string[];
	/** The pod starts without the target (the kubelet pulls without a missing image pull secret). */
	podStartsWithout?: boolean;
}

const POD_SPEC = '(?:^|\\.)(?:spec|template\\.spec|jobTemplate\\.spec\\.template\\.spec)';
const CONTAINERS = `${POD_SPEC}\\.(?:containers|initContainers|ephemeralContainers)\\[\\]`;
const VOLUMES = `${POD_SPEC}\\.volumes\\[\\]`;

/** The references that go to definition follows, across files. */
export const REFERENCE_FIELDS: ReferenceField[] = [
	{ pattern: new RegExp(`${VOLUMES}\\.persistentVolumeClaim\\.claimName$`), target: 'PersistentVolumeClaim' },
	{ pattern: /^spec\.volumeName$/, target: 'PersistentVolume', clusterScoped: true, kinds: ['PersistentVolumeClaim'] },
	{ pattern: /(^|\.)storageClassName$/, target: 'StorageClass', clusterScoped: true },
	{ pattern: new RegExp(`${POD_SPEC}\\.runtimeClassName$`), target: 'RuntimeClass', clusterScoped: true },
	{ pattern: new RegExp(`${POD_SPEC}\\.(?:serviceAccountName|serviceAccount)$`), target: 'ServiceAccount' },
	{ pattern: new RegExp(`${POD_SPEC}\\.priorityClassName$`), target: 'PriorityClass', clusterScoped: true },
	{ pattern: /^spec\.ingressClassName$/, target: 'IngressClass', clusterScoped: true, kinds: ['Ingress'] },
	{ pattern: /^spec\.serviceName$/, target: 'Service', kinds: ['StatefulSet'] },
	{ pattern: /(?:^|\.)(?:backend|defaultBackend)\.service\.name$|(?:^|\.)backend\.serviceName$/, target: 'Service', kinds: ['Ingress'] },
	{ pattern: new RegExp(`${VOLUMES}\\.configMap\\.name$|${VOLUMES}\\.projected\\.sources\\[\\]\\.configMap\\.name$|${CONTAINERS}\\.(?:envFrom\\[\\]\\.configMapRef|env\\[\\]\\.valueFrom\\.configMapKeyRef)\\.name$`), target: 'ConfigMap' },
	{
		pattern: new RegExp(`${VOLUMES}\\.secret\\.secretName$|${VOLUMES}\\.projected\\.sources\\[\\]\\.secret\\.name$|${CONTAINERS}\\.(?:envFrom\\[\\]\\.secretRef|env\\[\\]\\.valueFrom\\.secretKeyRef)\\.name$`),
		target: 'Secret',
	},
	{ pattern: new RegExp(`${POD_SPEC}\\.imagePullSecrets\\[\\]\\.name$`), target: 'Secret', podStartsWithout: true },
	{ pattern: /^spec\.tls\[\]\.secretName$/, target: 'Secret', kinds: ['Ingress'] },
	{ pattern: /^spec\.claimRef\.name$/, target: 'PersistentVolumeClaim', kinds: ['PersistentVolume'] },
	{ pattern: /^roleRef\.name$/, target: 'ClusterRole', fromSibling: ['Role', 'ClusterRole'], kinds: ['RoleBinding', 'ClusterRoleBinding'] },
	{ pattern: /^spec\.scaleTargetRef\.name$/, target: 'Deployment', fromSibling: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'], kinds: ['HorizontalPodAutoscaler'] },
];

/**
 * The answers of referenceAt by kind and path pattern: manifests repeat a few hundred patterns (every
 * container's `name`), each tried against every field's expression otherwise. Emptied when full.
 */
const referenceOfPattern = new Map<string | undefined, Map<string, ReferenceField | null>>();
let remembered = 0;
const REMEMBERED_PATTERNS = 10_000;

/** The reference a value at this path makes, if any. */
export function referenceAt(pattern: string, kind: string | undefined): ReferenceField | undefined {
	let ofKind = referenceOfPattern.get(kind);
	let found = ofKind?.get(pattern);
	if (found === undefined) {
		found = REFERENCE_FIELDS.find((r) => r.pattern.test(pattern) && (!r.kinds || (kind !== undefined && r.kinds.includes(kind)))) ?? null;
		if (remembered++ >= REMEMBERED_PATTERNS) {
			referenceOfPattern.clear();
			remembered = 1;
			ofKind = undefined;
		}
		if (!ofKind) referenceOfPattern.set(kind, (ofKind = new Map()));
		ofKind.set(pattern, found);
	}
	return found ?? undefined;
}

/** The kind a reference names: fixed, or the sibling `kind` key (`roleRef.kind: Role`). */
export function targetKind(reference: ReferenceField, value: Record<string, unknown>, path: NodePath): string | undefined {
	if (!reference.fromSibling) return reference.target;
	const kind = siblingValue(value, path, 'kind');
	if (kind === undefined) return reference.target;
	return reference.fromSibling.includes(kind) ? kind : undefined;
}

/** True when a kind named by a reference is cluster-scoped. */
export function isClusterScopedTarget(reference: ReferenceField, kind: string): boolean {
	return !!reference.clusterScoped || kind === 'ClusterRole';
}

/** `spec.claimRef` with a namespace key beside the name: the namespace the reference points into. */
export function siblingNamespace(value: Record<string, unknown>, path: NodePath): string | undefined {
	return siblingValue(value, path, 'namespace');
}

/** True when the pod starts without the target: `optional: true` beside the name, or a field the kubelet does without. */
export function isOptionalReference(reference: ReferenceField, value: Record<string, unknown>, path: NodePath): boolean {
	return !!reference.podStartsWithout || sibling(value, path, 'optional') === true;
}

function siblingValue(value: Record<string, unknown>, path: NodePath, key: string): string | undefined {
	const found = sibling(value, path, key);
	return typeof found === 'string' ? found : undefined;
}

function sibling(value: Record<string, unknown>, path: NodePath, key: string): unknown {
	let node: unknown = value;
	for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[part];
	return isRecord(node) ? node[key] : undefined;
}

/** The path of the kind a ConstraintTemplate defines. */
export const CONSTRAINT_KIND_PATH: NodePath = ['spec', 'crd', 'spec', 'names', 'kind'];

/** True for a Gatekeeper constraint: its kind is defined by a ConstraintTemplate. */
export function isGatekeeperConstraint(apiVersion: string): boolean {
	return apiVersion.startsWith('constraints.gatekeeper.sh/');
}

/** The ConstraintTemplates that define a constraint kind: those of the scope first, else any in the workspace. */
export function constraintTemplatesDefining(kind: string, index: WorkspaceIndex, scope?: Scope): IndexedResource[] {
	const defines = (e: IndexedResource) => {
		let node: unknown = e.resource.value;
		for (const part of CONSTRAINT_KIND_PATH) node = isRecord(node) ? node[part] : undefined;
		return node === kind;
	};
	const inScope = scope ? scope.clusterScoped('ConstraintTemplate').filter(defines) : [];
	return inScope.length ? inScope : index.ofKind('ConstraintTemplate').filter(defines);
}
