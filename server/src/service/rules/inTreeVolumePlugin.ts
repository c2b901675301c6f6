import { KnowledgeGraph } from '../knowledge/graph';
import type { Entity, Language, Localized } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { versionAtLeast } from '../settings';
import { csiFormFix } from './csiForm';
import { fillEach, joinText, replaceScalar } from './findingParts';
import { POD_SPEC_KINDS, podSpecOf, podVolumes, valueAt } from './podSpec';
import { pvSourceKey } from '../storage/volumes';
import { inTreeEntity } from './storageObjects';
import type { Finding, Rule, RuleContext } from './types';

const T = {
	what: { en: '{0} is the in-tree {1} plugin{2}.', zh: '{0} 是「{1}」的树内（in-tree）插件{2}。' },
	deprecated: { en: ', deprecated since Kubernetes {0}', zh: '，自 Kubernetes {0} 起弃用' },
	removed: { en: ' and removed in {0}', zh: '，并已在 {0} 中移除' },
	toBeRemoved: { en: ' and due to be removed in {0}', zh: '，计划在 {0} 中移除' },
	migrated: {
		en: 'On Kubernetes {0} the in-tree code is gone: this only works through CSI migration, which needs the {1} driver installed in the cluster.',
		zh: '在 Kubernetes {0} 中树内代码已不存在：只能通过 CSI 迁移工作，而这需要集群中安装了 {1} 驱动。',
	},
	broken: {
		en: 'On Kubernetes {0} nothing handles it any more, so these volumes cannot be provisioned or mounted.',
		zh: '在 Kubernetes {0} 中已没有任何组件处理它，这类卷无法再被制备或挂载。',
	},
	still: { en: 'It still works for now, but it gets no new features and will go away.', zh: '目前仍可使用，但不再有新功能，并且终将被移除。' },
	useCsi: { en: 'Use the CSI driver {0} instead{1}.', zh: '请改用 CSI 驱动 {0}{1}。' },
	classNote: {
		en: ' (check the parameters against the driver\'s documentation; a StorageClass cannot be changed in place, so create a new class and move claims to it)',
		zh: '（请对照驱动文档检查 parameters；StorageClass 不能原地修改，需要新建一个类并把申领迁移过去）',
	},
	volumeNote: { en: ' (a `csi` volume source with that driver, or a claim of a class that uses it)', zh: '（使用该驱动的 `csi` 卷来源，或使用该驱动的存储类的申领）' },
	noCsi: { en: 'No CSI driver replaces it: move the data to storage that has one.', zh: '没有对应的 CSI 驱动可以替代：请把数据迁移到有 CSI 驱动的存储上。' },
	replacement: { en: 'Replace it with a {0} for the same storage.', zh: '请为同一存储改用 {0}。' },
	fix: { en: 'Switch the provisioner to the CSI driver {0} (check the parameters)', zh: '将 provisioner 改为 CSI 驱动 {0}（请检查 parameters）' },
};

/** In-tree volume plugins and `kubernetes.io/*` provisioners that Kubernetes deprecated or removed: the CSI driver to use instead. */
export const inTreeVolumePlugin: Rule = {
	id: 'in-tree-volume-plugin',
	severity: 'warning',
	description: { en: 'A deprecated or removed in-tree volume plugin.', zh: '已弃用或已移除的树内卷插件。' },
	kinds: ['PersistentVolume', 'StorageClass', ...POD_SPEC_KINDS],
	local: true,
	check(ctx) {
		const { entry, graph } = ctx;
		const resource = entry.resource;
		const findings: Finding[] = [];
		if (resource.kind === 'StorageClass') {
			const provisioner = resource.value.provisioner;
			if (typeof provisioner === 'string') push(ctx, findings, provisioner, inTreeEntity(graph, provisioner), ['provisioner'], false, 'class');
			return findings;
		}
		if (resource.kind === 'PersistentVolume') {
			const spec = resource.value.spec;
			const key = isRecord(spec) ? pvSourceKey(spec) : undefined;
			if (key && isRecord(spec)) push(ctx, findings, key, inTreeEntity(graph, key), ['spec', key], true, 'volume', spec[key]);
			return findings;
		}
		const pod = podSpecOf(resource);
		for (const volume of pod ? podVolumes(pod) : []) {
			if (volume.source) push(ctx, findings, volume.source, inTreeEntity(graph, volume.source), [...volume.path, volume.source], true, 'volume', volume.value[volume.source]);
		}
		return findings;
	},
};

function push(ctx: RuleContext, findings: Finding[], name: string, entity: Entity | undefined, path: NodePath, key: boolean, as: 'class' | 'volume', source?: unknown): void {
	if (!entity) return;
	const deprecatedIn = typeof entity.facts.deprecatedIn === 'string' ? entity.facts.deprecatedIn : undefined;
	const removedIn = typeof entity.facts.removedIn === 'string' ? entity.facts.removedIn : undefined;
	if (!deprecatedIn && !removedIn) return;
	const version = ctx.settings.kubernetesVersion;
	if (deprecatedIn && !versionAtLeast(version, deprecatedIn)) return;
	const removed = !!removedIn && versionAtLeast(version, removedIn);
	const migrationGA = typeof entity.facts.csiMigrationGA === 'string' && versionAtLeast(version, entity.facts.csiMigrationGA);
	// A FlexVolume driver may have its own CSI successor (alicloud/disk -> diskplugin.csi.alibabacloud.com).
	const driverName = valueAt(source, ['driver']);
	const driverEntity = typeof driverName === 'string' ? ctx.graph.forProvisioner(driverName) : undefined;
	const csiDriver = [driverEntity?.facts.csiDriver, entity.facts.csiDriver].find((v): v is string => typeof v === 'string');
	const title = (lang: Language) => KnowledgeGraph.text(entity.title, lang);
	const parts: Localized[] = [
		fillEach(T.what, (lang) => [name, title(lang), `${deprecatedIn ? fillEach(T.deprecated, () => [deprecatedIn])[lang] : ''}${removedIn ? fillEach(removed ? T.removed : T.toBeRemoved, () => [removedIn])[lang] : ''}`]),
	];
	if (removed) parts.push(migrationGA && csiDriver ? fillEach(T.migrated, () => [version, csiDriver]) : fillEach(T.broken, () => [version]));
	else parts.push(T.still);
	const replacement = typeof entity.facts.replacement === 'string' ? entity.facts.replacement : undefined;
	if (csiDriver) parts.push(fillEach(T.useCsi, (lang) => [csiDriver, (as === 'class' ? T.classNote : T.volumeNote)[lang]]));
	else parts.push(replacement ? fillEach(T.replacement, () => [replacement]) : T.noCsi);
	const fixes = [];
	if (as === 'class' && csiDriver) {
		const edit = replaceScalar(ctx.entry.document, path, csiDriver);
		if (edit) fixes.push({ title: fillEach(T.fix, () => [csiDriver]), edits: [edit] });
	}
	// A PersistentVolume names an existing volume: its CSI form points the driver at the same one.
	const csiForm = ctx.entry.resource.kind === 'PersistentVolume' && csiDriver ? csiFormFix(ctx.entry.document, path, entity, csiDriver, source) : undefined;
	if (csiForm) fixes.push(csiForm);
	// Removed with GA migration still works where the CSI driver is installed: certain breakage only without it.
	const certainlyBroken = removed && !(migrationGA && csiDriver);
	findings.push({ path, key, severity: certainlyBroken ? 'error' : 'warning', message: joinText(...parts), fixes });
}
