import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language, Localized } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { clusterProfile, isCniPlugin, pluginForGroup, type ClusterProfile } from '../workspace/profile';
import { fillEach, joinText } from './findingParts';
import { podSpecOf, valueAt } from './podSpec';
import { evidenceRelated, originText } from './profileFindings';
import { READS, type Finding, type Rule, type RuleContext } from './types';

const RESOURCE = {
	en: '{0} ({1}) is a resource of {2}, but the cluster\'s CNI plugin is {3} ({4}): without {2}\'s CRDs the API server rejects it, and with them nothing acts on it. Say it in what {3} offers (a Kubernetes NetworkPolicy works under every plugin that enforces policies), or set `cni` in .kubelore.yaml if the cluster runs {2}.',
	zh: '{0}（{1}）是 {2} 的资源，但集群的 CNI 插件是 {3}（{4}）：没有 {2} 的 CRD 时 API Server 会拒绝它，有了 CRD 也没有组件执行它。请改用 {3} 提供的方式表达（Kubernetes NetworkPolicy 在所有执行策略的插件下都有效）；如果集群实际使用 {2}，请在 .kubelore.yaml 中设置 `cni`。',
};
const ANNOTATION = {
	en: 'The annotation {0} is read by {1}, but the cluster\'s CNI plugin is {2} ({3}): nothing reads it, so what it asks for (an address, a pool, a policy) silently does not happen. Remove it or use what {2} offers, or set `cni` in .kubelore.yaml if the cluster runs {1}.',
	zh: '注解 {0} 由 {1} 读取，但集群的 CNI 插件是 {2}（{3}）：没有组件读取它，它要求的内容（地址、地址池、策略）会悄无声息地失效。请删除它或改用 {2} 提供的方式；如果集群实际使用 {1}，请在 .kubelore.yaml 中设置 `cni`。',
};
const FIXED_IP = { en: '{0} takes a fixed address from the annotation {1}.', zh: '{0} 通过注解 {1} 指定固定地址。' };
const MULTUS = {
	en: 'The annotation {0} attaches extra networks through Multus, but the workspace installs the cluster network ({1}) and no Multus (no Multus DaemonSet, CRD or NetworkAttachmentDefinition): without Multus the annotation is ignored and the pod gets only its default network. Install Multus and define the NetworkAttachmentDefinition, or remove the annotation.',
	zh: '注解 {0} 通过 Multus 附加额外网络，但工作区安装了集群网络（{1}），却没有 Multus（没有 Multus 的 DaemonSet、CRD 或 NetworkAttachmentDefinition）：没有 Multus 时该注解被忽略，Pod 只有默认网络。请安装 Multus 并定义 NetworkAttachmentDefinition，或删除该注解。',
};

/**
 * Resources and annotations of a CNI plugin other than the cluster's (CiliumNetworkPolicy under
 * Calico, Kube-OVN's fixed-address annotation under Calico), and Multus network annotations in a
 * workspace that installs its network without Multus. Silent when the plugin is unknown.
 */
export const cniResourceMismatch: Rule = {
	id: 'cni-resource-mismatch',
	severity: 'warning',
	description: { en: 'Resources or annotations of another CNI plugin than the cluster\'s.', zh: '使用了集群 CNI 插件以外的插件的资源或注解。' },
	reads: [...READS.profilePlaces, 'NetworkAttachmentDefinition'],
	check(ctx) {
		const { entry, index, graph, settings } = ctx;
		const profile = clusterProfile(index, graph, settings);
		const cni = profile.cni && graph.get(profile.cni.value);
		if (!profile.cni || !cni) return [];
		const origin = originText(profile.cni, index);
		const related = evidenceRelated(profile.cni, cni);
		const findings: Finding[] = [];
		const { apiVersion, kind } = entry.resource;
		const owner = apiVersion.includes('/') ? pluginForGroup(graph, apiVersion.slice(0, apiVersion.indexOf('/'))) : undefined;
		if (owner && isCniPlugin(owner) && owner.id !== cni.id) {
			findings.push({ path: ['kind'], related, message: fillEach(RESOURCE, (l) => [kind, apiVersion, title(owner, l), title(cni, l), origin[l]]) });
		}
		for (const { path, key } of annotationKeys(ctx)) {
			const plugin = graph.forAnnotation(key);
			if (!plugin || plugin.id === cni.id) continue;
			if (isCniPlugin(plugin)) findings.push({ path, key: true, related, message: annotationMessage(key, plugin, cni, origin) });
			else if (plugin.facts.metaPlugin === true && lacksMultus(ctx, profile) && key === plugin.facts.networksAnnotation) {
				findings.push({ path, key: true, related, message: fillEach(MULTUS, (l) => [key, `${title(cni, l)}${l === 'zh' ? '，' : ', '}${origin[l]}`]) });
			}
		}
		return findings;
	},
};

function annotationMessage(key: string, plugin: Entity, cni: Entity, origin: Localized): Localized {
	const message = fillEach(ANNOTATION, (l) => [key, title(plugin, l), title(cni, l), origin[l]]);
	const own = cni.facts.fixedIpAnnotation;
	if (typeof own !== 'string' || key !== plugin.facts.fixedIpAnnotation) return message;
	return joinText(message, fillEach(FIXED_IP, (l) => [title(cni, l), own]));
}

/** Multus counts as missing only when the workspace itself installs the network and shows no trace of Multus. */
function lacksMultus({ index }: RuleContext, profile: ClusterProfile): boolean {
	return !profile.cni?.configured && profile.multus.length === 0 && index.ofKind('NetworkAttachmentDefinition').length === 0;
}

/** Annotation keys of the resource and of its pod template, with their paths. */
function annotationKeys({ entry }: RuleContext): { path: NodePath; key: string }[] {
	const places: NodePath[] = [['metadata', 'annotations']];
	const pod = podSpecOf(entry.resource);
	if (pod && pod.path.length > 1) places.push([...pod.path.slice(0, -1), 'metadata', 'annotations']);
	const out: { path: NodePath; key: string }[] = [];
	for (const at of places) {
		const annotations = valueAt(entry.resource.value, at);
		if (isRecord(annotations)) for (const key of Object.keys(annotations)) out.push({ path: [...at, key], key });
	}
	return out;
}

function title(entity: Entity, language: Language): string {
	return KnowledgeGraph.text(entity.title, language);
}
