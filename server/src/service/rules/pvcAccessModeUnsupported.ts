import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { IndexedResource } from '../workspace/index';
import { fillEach, joinText, listText, relatedAt } from './findingParts';
import { claimClassOf, defaultStorageClasses, NO_PROVISIONER, provisionerOf, pvFacts, volumeModeOf } from '../storage/volumes';
import { accessModeFixes } from './accessModeFixes';
import { claimSpecs, findStorageClass, listFact, volumeSourceEntity, type ClaimSpecAt } from './storageObjects';
import type { Finding, RelatedLocation, Rule, RuleContext } from './types';

const T = {
	unsupported: {
		en: 'The storage behind this, {1} ({2}), does not offer the access mode {0}: only {3}.',
		zh: '这里使用的存储 {1}（{2}）不提供访问模式 {0}，只支持 {3}。',
	},
	blockOnly: {
		en: 'The storage behind this, {1} ({2}), offers {0} only for raw block volumes (volumeMode: Block{3}); this one is a file system, where it offers only {4}.',
		zh: '这里使用的存储 {1}（{2}）只对裸块设备卷（volumeMode: Block{3}）提供 {0}；这里是文件系统卷，只支持 {4}。',
	},
	blockOnlyNote: { en: ', {0}', zh: '，{0}' },
	provisioned: {
		en: 'The provisioner refuses to create a volume with this mode, so the claim stays Pending. Ask for {0}, or use a class whose storage supports {1}{2}.',
		zh: '制备器不会创建这种模式的卷，申领会一直 Pending。请改为申请 {0}，或使用存储支持 {1} 的存储类{2}。',
	},
	existingShared: {
		en: 'The API server does not check this, but the storage cannot deliver it: pods on several nodes at once fail to attach the volume or do not see the same data. List only {0}, or use storage that supports {1}{2}.',
		zh: 'API Server 不会检查这一点，但存储做不到：同时在多个节点上的 Pod 会挂载失败，或者看到的不是同一份数据。请只列出 {0}，或使用支持 {1} 的存储{2}。',
	},
	existingOther: {
		en: 'The API server does not check this, but the storage cannot deliver what {1} promises. List only {0}, or use storage that supports {1}{2}.',
		zh: 'API Server 不会检查这一点，但存储无法兑现 {1} 的承诺。请只列出 {0}，或使用支持 {1} 的存储{2}。',
	},
	alternatives: { en: ' such as {0}', zh: '，例如 {0}' },
	viaClass: { en: 'StorageClass "{0}" uses {1}', zh: 'StorageClass "{0}" 使用 {1}' },
	viaVolume: { en: 'PersistentVolume "{0}" is {1}', zh: 'PersistentVolume "{0}" 是 {1}' },
};

/** Where a claim's or PV's storage comes from: the knowledge entity, the name the manifest uses, and where it says so. */
interface Backend {
	entity: Entity;
	name: string;
	volumeMode: string;
	/** A provisioner makes the volume (a class), or the volume exists already (a PV). */
	provisioned: boolean;
	related?: RelatedLocation;
}

/** An access mode that the volume's driver or plugin does not support (facts from the knowledge graph). */
export const pvcAccessModeUnsupported: Rule = {
	id: 'pvc-access-mode-unsupported',
	severity: 'warning',
	description: { en: 'An access mode the storage driver does not support.', zh: '存储驱动不支持的访问模式。' },
	kinds: ['PersistentVolume', 'PersistentVolumeClaim', 'StatefulSet', 'Pod', 'PodTemplate', 'Deployment', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'],
	reads: ['PersistentVolume', 'StorageClass'],
	check(ctx) {
		const { entry, graph } = ctx;
		const findings: Finding[] = [];
		if (entry.resource.kind === 'PersistentVolume') {
			const spec = entry.resource.value.spec;
			const source = pvFacts(entry.resource).source;
			if (!isRecord(spec) || !source) return [];
			const entity = volumeSourceEntity(graph, source, spec[source]);
			const driver = isRecord(spec[source]) ? (spec[source] as Record<string, unknown>).driver : undefined;
			const name = typeof driver === 'string' ? driver : source;
			if (entity) check(ctx, findings, ['spec'], spec, { entity, name, volumeMode: volumeModeOf(spec), provisioned: false });
			return findings;
		}
		for (const claim of claimSpecs(entry.resource)) {
			const backend = claimBackend(ctx, claim);
			if (backend) check(ctx, findings, claim.path, claim.spec, backend);
		}
		return findings;
	},
};

function check(ctx: RuleContext, findings: Finding[], path: (string | number)[], spec: Record<string, unknown>, backend: Backend): void {
	const { graph } = ctx;
	const supported = listFact(backend.entity, 'accessModes');
	if (!supported) return;
	const blockOnly = listFact(backend.entity, 'blockOnlyAccessModes') ?? [];
	const requested = Array.isArray(spec.accessModes) ? spec.accessModes : [];
	requested.forEach((mode, i) => {
		if (typeof mode !== 'string' || supported.includes(mode)) return;
		if (blockOnly.includes(mode) && backend.volumeMode === 'Block') return;
		const title = (lang: Language) => KnowledgeGraph.text(backend.entity.title, lang);
		const modes = (or: boolean) => listText(supported, or);
		// A mode the storage offers for Block only: say that, not that it lacks the mode.
		const note = typeof backend.entity.facts.multiAttach === 'string' ? fillEach(T.blockOnlyNote, () => [backend.entity.facts.multiAttach as string]) : { en: '', zh: '' };
		const parts = blockOnly.includes(mode)
			? [fillEach(T.blockOnly, (lang) => [mode, title(lang), backend.name, note[lang], modes(false)[lang]])]
			: [fillEach(T.unsupported, (lang) => [mode, title(lang), backend.name, modes(false)[lang]])];
		const others = alternativesFor(graph, backend.entity, mode);
		const shared = mode === 'ReadWriteMany' || mode === 'ReadOnlyMany';
		const consequence = backend.provisioned ? T.provisioned : shared ? T.existingShared : T.existingOther;
		parts.push(fillEach(consequence, (lang) => [modes(true)[lang], mode, others ? fillEach(T.alternatives, () => [others(lang)])[lang] : '']));
		const fixes = accessModeFixes(ctx, { path, spec, mode, index: i, supported, provisioned: backend.provisioned });
		findings.push({ path: [...path, 'accessModes', i], message: joinText(...parts), related: backend.related ? [backend.related] : [], fixes });
	});
}

/** Storage the graph names as an alternative to this entity that does support the mode. */
function alternativesFor(graph: KnowledgeGraph, entity: Entity, mode: string): ((lang: Language) => string) | undefined {
	const fits = graph
		.neighbours(entity.id)
		.filter((n) => n.type === 'alternative-to' && listFact(n.entity, 'accessModes')?.includes(mode))
		.map((n) => n.entity);
	const unique = fits.filter((e, i) => fits.findIndex((o) => o.id === e.id) === i);
	return unique.length ? (lang) => listText(unique.map((e) => KnowledgeGraph.text(e.title, lang)), true)[lang] : undefined;
}

/** The storage behind a claim: the PV it names, else its class's provisioner (the default class when unset). */
function claimBackend(ctx: RuleContext, claim: ClaimSpecAt): Backend | undefined {
	const { graph, scope } = ctx;
	const volumeName = claim.spec.volumeName;
	if (typeof volumeName === 'string' && volumeName) {
		const pv = scope.clusterScoped('PersistentVolume', volumeName)[0];
		const facts = pv && pvFacts(pv.resource);
		const spec = pv?.resource.value.spec;
		const entity = facts?.source && isRecord(spec) ? volumeSourceEntity(graph, facts.source, spec[facts.source]) : undefined;
		if (!pv || !entity || !facts?.source) return undefined;
		return { entity, name: facts.source, volumeMode: volumeModeOf(claim.spec), provisioned: false, related: relatedAt(pv, ['spec', facts.source], fillEach(T.viaVolume, (lang) => [volumeName, KnowledgeGraph.text(entity.title, lang)]), true) };
	}
	let storageClass: IndexedResource | undefined;
	const className = claimClassOf(claim);
	if (className) storageClass = findStorageClass(ctx, className);
	else if (className === undefined) {
		const defaults = defaultStorageClasses(scope, graph);
		if (defaults.length === 1) storageClass = defaults[0];
	}
	const provisioner = storageClass && provisionerOf(storageClass);
	if (!storageClass || !provisioner || provisioner === NO_PROVISIONER) return undefined;
	const entity = graph.forProvisioner(provisioner);
	if (!entity) return undefined;
	const name = storageClass.resource.name ?? '';
	return { entity, name: provisioner, volumeMode: volumeModeOf(claim.spec), provisioned: true, related: relatedAt(storageClass, ['provisioner'], fillEach(T.viaClass, (lang) => [name, KnowledgeGraph.text(entity.title, lang)])) };
}
