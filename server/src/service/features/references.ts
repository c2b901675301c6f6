import type { NodePath } from '../manifest/types';

/** A field whose value names another resource: `claimName` -> PersistentVolumeClaim. */
export interface ReferenceField {
	/** Path pattern of the value (see pathPattern), matched as a suffix. */
	pattern: RegExp;
	/** Kind of the resource it names. */
	target: string;
	/** Cluster-scoped targets ignore namespaces. */
	clusterScoped?: boolean;
	/** Only for documents of these kinds. */
	kinds?: string[];
}

const POD_SPEC = '(?:^|\\.)(?:spec|template\\.spec|jobTemplate\\.spec\\.template\\.spec)';

/** The references that go to definition follows, across files. */
export const REFERENCE_FIELDS: ReferenceField[] = [
	{ pattern: new RegExp(`${POD_SPEC}\\.volumes\\[\\]\\.persistentVolumeClaim\\.claimName$`), target: 'PersistentVolumeClaim' },
	{ pattern: /^spec\.volumeName$/, target: 'PersistentVolume', clusterScoped: true, kinds: ['PersistentVolumeClaim'] },
	{ pattern: /(^|\.)storageClassName$/, target: 'StorageClass', clusterScoped: true },
	{ pattern: new RegExp(`${POD_SPEC}\\.runtimeClassName$`), target: 'RuntimeClass', clusterScoped: true },
	{ pattern: /^spec\.serviceName$/, target: 'Service', kinds: ['StatefulSet'] },
	{ pattern: /backend\.service\.name$|backend\.serviceName$/, target: 'Service', kinds: ['Ingress'] },
	{ pattern: /(^|\.)configMap\.name$|configMapRef\.name$|configMapKeyRef\.name$|projected\.sources\[\]\.configMap\.name$/, target: 'ConfigMap' },
	{ pattern: /(^|\.)secret\.secretName$|secretRef\.name$|secretKeyRef\.name$|imagePullSecrets\[\]\.name$|tls\[\]\.secretName$/, target: 'Secret' },
	{ pattern: /^spec\.claimRef\.name$/, target: 'PersistentVolumeClaim', kinds: ['PersistentVolume'] },
	{ pattern: /^(roleRef)\.name$/, target: 'ClusterRole', clusterScoped: true, kinds: ['ClusterRoleBinding'] },
	{ pattern: /^spec\.scaleTargetRef\.name$/, target: 'Deployment', kinds: ['HorizontalPodAutoscaler'] },
];

/** The reference a value at this path makes, if any. */
export function referenceAt(pattern: string, kind: string | undefined): ReferenceField | undefined {
	return REFERENCE_FIELDS.find((r) => r.pattern.test(pattern) && (!r.kinds || (kind !== undefined && r.kinds.includes(kind))));
}

/** `spec.claimRef` with a namespace key beside the name: the namespace the reference points into. */
export function siblingNamespace(value: Record<string, unknown>, path: NodePath): string | undefined {
	let node: unknown = value;
	for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[part];
	const ns = (node as { namespace?: unknown } | undefined)?.namespace;
	return typeof ns === 'string' ? ns : undefined;
}
