import type { Category, Language, Localized, RelationType } from '../knowledge/types';
import { CLUSTER_FACT_NAMES } from './factNamesCluster';
import { PLATFORM_FACT_NAMES } from './factNamesPlatform';
import { t } from './text';

/** Category names, as search rows, hovers, the entry view and the graph filter show them. */
export const CATEGORY_TEXT: Record<Category, Localized> = {
	networking: { en: 'Networking', zh: '网络' },
	storage: { en: 'Storage', zh: '存储' },
	runtime: { en: 'Runtime', zh: '运行时' },
	security: { en: 'Security', zh: '安全' },
	'control-plane': { en: 'Control plane', zh: '控制平面' },
	operations: { en: 'Operations', zh: '运维' },
	platform: { en: 'Platforms', zh: '平台' },
	workloads: { en: 'Workloads', zh: '工作负载' },
};

/** A relation read from its source: "Calico implements CNI". */
export const RELATION_TEXT: Record<RelationType, Localized> = {
	'alternative-to': { en: 'alternative to', zh: '可替代' },
	implements: { en: 'implements', zh: '实现' },
	requires: { en: 'requires', zh: '依赖' },
	supports: { en: 'supports', zh: '支持' },
	'replaced-by': { en: 'replaced by', zh: '被其取代' },
	'part-of': { en: 'part of', zh: '属于' },
	'recommended-for': { en: 'recommended for', zh: '推荐用于' },
	'conflicts-with': { en: 'conflicts with', zh: '与之冲突' },
	replaces: { en: 'replaces', zh: '取代' },
	enforces: { en: 'enforces', zh: '执行' },
	audits: { en: 'audits', zh: '审计' },
	monitors: { en: 'monitors', zh: '监控' },
	manages: { en: 'manages', zh: '管理' },
	offers: { en: 'offers', zh: '提供' },
	uses: { en: 'uses', zh: '使用' },
	'runs-on': { en: 'runs on', zh: '运行于' },
};

/** The same relation read from its target: "CNI is implemented by Calico". */
export const INCOMING_RELATION_TEXT: Record<RelationType, Localized> = {
	'alternative-to': { en: 'alternative to', zh: '可替代' },
	implements: { en: 'implemented by', zh: '由其实现' },
	requires: { en: 'required by', zh: '被其依赖' },
	supports: { en: 'supported by', zh: '受其支持' },
	'replaced-by': { en: 'replaces', zh: '取代' },
	'part-of': { en: 'has part', zh: '包含' },
	'recommended-for': { en: 'has recommended', zh: '推荐' },
	'conflicts-with': { en: 'conflicts with', zh: '与之冲突' },
	replaces: { en: 'replaced by', zh: '被其取代' },
	enforces: { en: 'enforced by', zh: '由其执行' },
	audits: { en: 'audited by', zh: '由其审计' },
	monitors: { en: 'monitored by', zh: '由其监控' },
	manages: { en: 'managed by', zh: '由其管理' },
	offers: { en: 'offered by', zh: '由其提供' },
	uses: { en: 'used by', zh: '被其使用' },
	'runs-on': { en: 'runs', zh: '承载' },
};

/** Names of the facts knowledge/FORMAT.md documents and of the rarer ones entries carry; other keys are spelled out from camelCase. */
const FACT_NAMES: Record<string, Localized> = {
	...CLUSTER_FACT_NAMES,
	...PLATFORM_FACT_NAMES,
	networkPolicy: { en: 'Enforces NetworkPolicy', zh: '支持 NetworkPolicy' },
	network: { en: 'Data path', zh: '数据路径' },
	direction: { en: 'Direction', zh: '方向' },
	accessModes: { en: 'Access modes', zh: '访问模式' },
	volumeModes: { en: 'Volume modes', zh: '卷模式' },
	csiDriver: { en: 'CSI driver', zh: 'CSI 驱动' },
	inTreePlugin: { en: 'In-tree volume source', zh: '树内卷类型' },
	inTreeProvisioner: { en: 'In-tree provisioner', zh: '树内制备器' },
	deprecatedIn: { en: 'Deprecated in', zh: '弃用于' },
	removedIn: { en: 'Removed in', zh: '移除于' },
	capacityEnforced: { en: 'Size enforced', zh: '容量限制生效' },
	sandboxed: { en: 'Sandboxed', zh: '沙箱隔离' },
	runtimeHandlers: { en: 'RuntimeClass handlers', zh: 'RuntimeClass 处理程序' },
	nodePortRange: { en: 'NodePort range', zh: 'NodePort 端口范围' },
	unsupported: { en: 'Not supported', zh: '不支持' },
	apiVersions: { en: 'API versions', zh: 'API 版本' },
	default: { en: 'Default', zh: '默认' },
	encryption: { en: 'Encryption', zh: '加密' },
	dualStack: { en: 'IPv4/IPv6 dual-stack', zh: 'IPv4/IPv6 双栈' },
	windows: { en: 'Windows nodes', zh: 'Windows 节点' },
	snapshots: { en: 'Snapshots', zh: '快照' },
	expansion: { en: 'Volume expansion', zh: '卷扩容' },
	topology: { en: 'Topology-aware', zh: '拓扑感知' },
	csiMigrationGA: { en: 'CSI migration GA', zh: 'CSI 迁移正式发布' },
	zonal: { en: 'Zonal', zh: '限单个可用区' },
	stableIn: { en: 'Stable in', zh: '稳定于' },
	gaIn: { en: 'GA in', zh: '正式发布于' },
	archived: { en: 'Archived', zh: '已归档' },
	socket: { en: 'Socket', zh: '套接字' },
	namespaced: { en: 'Namespaced', zh: '属于命名空间' },
	policyEngines: { en: 'Policy engines', zh: '策略引擎' },
	podAddresses: { en: 'Pod addresses', zh: 'Pod 地址' },
	maintainer: { en: 'Maintainer', zh: '维护者' },
	levels: { en: 'Levels', zh: '级别' },
	modes: { en: 'Modes', zh: '模式' },
	protocols: { en: 'Protocols', zh: '协议' },
	capacity: { en: 'Capacity', zh: '容量' },
	replacement: { en: 'Replacement', zh: '替代' },
	backends: { en: 'Backends', zh: '后端' },
	defaultBackend: { en: 'Default backend', zh: '默认后端' },
	vxlanPort: { en: 'VXLAN port', zh: 'VXLAN 端口' },
	blockOnlyAccessModes: { en: 'Access modes with Block only', zh: '仅块设备模式可用的访问模式' },
	fixedIpAnnotation: { en: 'Fixed IP annotation', zh: '固定 IP 注解' },
	ipPoolAnnotation: { en: 'IP pool annotation', zh: 'IP 池注解' },
	dataplane: { en: 'Data plane', zh: '数据面' },
	kubeProxyReplacement: { en: 'Replaces kube-proxy', zh: '可替代 kube-proxy' },
	basedOn: { en: 'Based on', zh: '基于' },
	handlerImmutable: { en: 'Handler immutable', zh: 'handler 不可修改' },
	clusterScoped: { en: 'Cluster-scoped', zh: '集群级资源' },
	apiVersion: { en: 'API version', zh: 'API 版本' },
	apiGroup: { en: 'API group', zh: 'API 组' },
	maxSize: { en: 'Maximum size', zh: '大小上限' },
	immutableField: { en: 'Immutable field', zh: '不可变字段' },
	replicasDefault: { en: 'Default replicas', zh: '默认副本数' },
	selectorRequired: { en: 'Selector required', zh: '必须有选择算符' },
	types: { en: 'Types', zh: '类型' },
	deprecatedInArticle: { en: 'Deprecated in', zh: '弃用于' },
	controlPlaneManaged: { en: 'Control plane managed', zh: '托管控制平面' },
	isolation: { en: 'Isolation', zh: '隔离方式' },
	language: { en: 'Written in', zh: '实现语言' },
	stillInTree: { en: 'Still in-tree', zh: '仍在树内' },
	migrationAnnotation: { en: 'Migration annotation', zh: '迁移注解' },
	gitRepoDisabledIn: { en: 'gitRepo disabled in', zh: 'gitRepo 禁用于' },
	sharedByContainers: { en: 'Shared by containers', zh: '容器间共享' },
	restartPolicyDefault: { en: 'Default restart policy', zh: '默认重启策略' },
	defaultReclaimPolicy: { en: 'Default reclaim policy', zh: '默认回收策略' },
	defaultVolumeBindingMode: { en: 'Default binding mode', zh: '默认绑定模式' },
	defaultClassAnnotation: { en: 'Default class annotation', zh: '默认存储类注解' },
	immutable: { en: 'Immutable', zh: '不可修改' },
	values: { en: 'Values', zh: '取值' },
	clientPort: { en: 'Client port', zh: '客户端端口' },
	peerPort: { en: 'Peer port', zh: '对等端口' },
	port: { en: 'Port', zh: '端口' },
	securePort: { en: 'Secure port', zh: '安全端口' },
	configDir: { en: 'Configuration directory', zh: '配置目录' },
	binDir: { en: 'Binary directory', zh: '二进制目录' },
	maxEndpointsPerSlice: { en: 'Endpoints per slice', zh: '每片端点数' },
	serviceLabel: { en: 'Service label', zh: 'Service 标签' },
	podSecurityPolicyRemovedIn: { en: 'PodSecurityPolicy removed in', zh: 'PodSecurityPolicy 移除于' },
	namespaceLabel: { en: 'Namespace label', zh: '命名空间标签' },
	versionSkew: { en: 'Version skew', zh: '版本偏差' },
	multiAttach: { en: 'Multi-attach', zh: '多重挂载' },
	dockershimRemovedIn: { en: 'dockershim removed in', zh: 'dockershim 移除于' },
	neededSince: { en: 'Needed since', zh: '需要自' },
};
const ACRONYMS = new Set(['api', 'bgp', 'cidr', 'cli', 'cni', 'cpu', 'cri', 'crd', 'csi', 'dns', 'ebpf', 'ha', 'http', 'https', 'id', 'ip', 'ipam', 'ipip', 'ipvs', 'k8s', 'nfs', 'oci', 'pv', 'pvc', 'rbac', 'sla', 'tcp', 'tls', 'udp', 'url', 'vm', 'vxlan']);

/** Whether a fact has a name of its own in both languages (else it is spelled out from camelCase, in English). */
export function hasFactName(key: string): boolean {
	return key in FACT_NAMES;
}

/** A fact name for people: `fixedIpAnnotation` -> "Fixed IP annotation". */
export function factName(key: string, language: Language): string {
	const known = FACT_NAMES[key];
	if (known) return t(known, language);
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[\s_-]+/)
		.map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
	const text = words.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
