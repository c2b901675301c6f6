/*
 * What the API server enforces beyond the Go types that kubernetes-types carries.
 *
 * ENUMS: the values the API server's validation accepts, keyed `group.version.Type.field`. They are
 * the `enum` lists of the upstream OpenAPI v3 documents (kubernetes/kubernetes api/openapi-spec/v3,
 * "Possible enum values" in the API reference, kubernetes.io/docs/reference/kubernetes-api/), kept
 * to fields whose validation rejects any other value (pkg/apis/<group>/validation). The empty
 * string is always let through: the API server defaults it.
 *
 * NOT_ENFORCED: fields the OpenAPI documents mark required (Go fields without `omitempty`) but whose
 * absence the API server accepts, because the zero value is valid or defaulted.
 */

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const UPDATE_STRATEGIES = ['RollingUpdate', 'OnDelete'];
const HONOR = ['Honor', 'Ignore'];
const RETAIN_DELETE = ['Retain', 'Delete'];

export const ENUMS: Record<string, string[]> = {
	'core.v1.ContainerPort.protocol': PROTOCOLS,
	'core.v1.ServicePort.protocol': PROTOCOLS,
	'core.v1.ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
	'core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
	'core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
	'core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
	'core.v1.ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
	'core.v1.ServiceSpec.ipFamilies': ['IPv4', 'IPv6'],
	'core.v1.Container.imagePullPolicy': PULL_POLICIES,
	'core.v1.EphemeralContainer.imagePullPolicy': PULL_POLICIES,
	'core.v1.Container.terminationMessagePolicy': MESSAGE_POLICIES,
	'core.v1.EphemeralContainer.terminationMessagePolicy': MESSAGE_POLICIES,
	'core.v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
	'core.v1.PodSpec.dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
	'core.v1.PodSpec.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
	'core.v1.PodOS.name': ['linux', 'windows'],
	'core.v1.PersistentVolumeClaimSpec.accessModes': ACCESS_MODES,
	'core.v1.PersistentVolumeSpec.accessModes': ACCESS_MODES,
	'core.v1.PersistentVolumeClaimSpec.volumeMode': VOLUME_MODES,
	'core.v1.PersistentVolumeSpec.volumeMode': VOLUME_MODES,
	'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Recycle', 'Delete', 'Retain'],
	'core.v1.Toleration.operator': ['Exists', 'Equal'],
	'core.v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
	'core.v1.NodeSelectorRequirement.operator': [...SELECTOR_OPERATORS, 'Gt', 'Lt'],
	'meta.v1.LabelSelectorRequirement.operator': SELECTOR_OPERATORS,
	'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
	'core.v1.VolumeMount.mountPropagation': ['None', 'HostToContainer', 'Bidirectional'],
	'core.v1.HostPathVolumeSource.type': ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
	'core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
	'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': HONOR,
	'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': HONOR,
	'core.v1.SeccompProfile.type': ['Unconfined', 'RuntimeDefault', 'Localhost'],
	'core.v1.PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
	'apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
	'apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
	'apps.v1.StatefulSetUpdateStrategy.type': UPDATE_STRATEGIES,
	'apps.v1.DaemonSetUpdateStrategy.type': UPDATE_STRATEGIES,
	'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': RETAIN_DELETE,
	'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': RETAIN_DELETE,
	'batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
	'batch.v1.JobSpec.completionMode': ['NonIndexed', 'Indexed'],
	'networking.v1.HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
	'networking.v1.NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
	'networking.v1.NetworkPolicyPort.protocol': PROTOCOLS,
	'storage.v1.StorageClass.reclaimPolicy': RETAIN_DELETE,
	'storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
	'autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
	'autoscaling.v2.MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
	'autoscaling.v2.HPAScalingPolicy.type': ['Pods', 'Percent'],
	'autoscaling.v2.HPAScalingRules.selectPolicy': ['Max', 'Min', 'Disabled'],
	'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
};

/** Required in the OpenAPI documents, accepted absent by the API server (boolean fields are never enforced). */
export const NOT_ENFORCED = new Set([
	'networking.v1.NetworkPolicySpec.podSelector', // empty selector: every pod of the namespace
	'apps.v1.StatefulSetSpec.serviceName', // optional since 1.32, never validated before
	'scheduling.v1.PriorityClass.value', // 0 is a valid priority
	'rbac.v1.RoleRef.apiGroup', // defaulted to rbac.authorization.k8s.io
	'core.v1.HTTPHeader.value', // an empty header value is valid
	'core.v1.Sysctl.value',
	'discovery.v1.EndpointSlice.endpoints', // an empty slice is valid
	'core.v1.LimitRangeSpec.limits',
	'core.v1.ISCSIVolumeSource.lun', // LUN 0 is valid
	'core.v1.ISCSIPersistentVolumeSource.lun',
	'core.v1.SleepAction.seconds', // 0 allowed from 1.32
	'core.v1.PreferredSchedulingTerm.preference',
]);

/**
 * The syntax the API server checks `metadata.name` with, per kind (ValidateXName in
 * pkg/apis/<group>/validation). Kinds not listed are not checked: RBAC roles take any path
 * segment (`system:controller:x`), a CRD's name is `<plural>.<group>`.
 */
export const NAME_SYNTAX: Record<string, { syntax: 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label'; max?: number }> = {
	Service: { syntax: 'dns1035-label' },
	Namespace: { syntax: 'dns1123-label' },
	// The CronJob controller appends an 11-character suffix to name its Jobs.
	CronJob: { syntax: 'dns1123-subdomain', max: 52 },
	...Object.fromEntries(
		['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'PodTemplate', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceAccount', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PriorityClass', 'RuntimeClass', 'LimitRange', 'ResourceQuota'].map((kind) => [kind, { syntax: 'dns1123-subdomain' as const }]),
	),
};

/**
 * Fields the API has that kubernetes-types leaves out (their names are not TypeScript identifiers):
 * the `x-kubernetes-*` extensions of a CRD's schema. Type references as in format.ts.
 */
export const MISSING_FIELDS: Record<string, Record<string, string>> = {
	'apiextensions.v1.JSONSchemaProps': {
		'x-kubernetes-embedded-resource': 'b',
		'x-kubernetes-int-or-string': 'b',
		'x-kubernetes-list-map-keys': '[s',
		'x-kubernetes-list-type': 's',
		'x-kubernetes-map-type': 's',
		'x-kubernetes-preserve-unknown-fields': 'b',
		'x-kubernetes-validations': '*',
	},
};
