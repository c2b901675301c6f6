import type { Localized } from '../knowledge/types';
import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { checkCandidates, claimToBind, failureReason, type BindingFailure, type Criterion } from '../storage/binding';
import { defaultStorageClasses, NO_PROVISIONER, provisionerOf, pvFacts } from '../storage/volumes';
import { joinText, relatedAt } from './findingParts';
import { claimSpecs, findStorageClass, persistentVolumesInScope, type ClaimSpecAt } from './storageObjects';
import type { Finding, Rule, RuleContext } from './types';

const T = {
	intro: { en: 'This claim can only bind to an existing PersistentVolume ({0}), and no PV in this scope satisfies it, so it stays Pending.', zh: '这个申领只能绑定到已有的 PersistentVolume（{0}），而此范围内没有满足条件的 PV，它会一直 Pending。' },
	emptyClass: { en: 'storageClassName is ""', zh: 'storageClassName 为 ""' },
	noProvisioner: { en: 'its StorageClass "{0}" has no provisioner', zh: '它的 StorageClass "{0}" 没有制备器' },
	volumeName: { en: 'it names volumeName "{0}"', zh: '它指定了 volumeName "{0}"' },
	selector: { en: 'it has a selector, which dynamic provisioning does not serve', zh: '它带有 selector，动态制备不处理这种申领' },
	classOfPvs: { en: 'no StorageClass "{0}" is defined, and PersistentVolumes here carry that class, so it binds statically', zh: '没有定义 StorageClass "{0}"，而此处的 PersistentVolume 带有这个存储类，所以它是静态绑定' },
	none: { en: 'There is no PersistentVolume in this scope.', zh: '此范围内没有任何 PersistentVolume。' },
	missingPv: { en: 'No PersistentVolume named "{0}" is defined here; unless it already exists in the cluster, the claim waits for it.', zh: '这里没有名为 "{0}" 的 PersistentVolume；除非集群中已经有它，否则申领会一直等待。' },
	candidates: { en: 'Candidates: {0}.', zh: '候选 PV：{0}。' },
	more: { en: '{0} and {1} more', zh: '{0} 等另外 {1} 个' },
	todo: { en: 'Create a PV that matches, or change the claim to match one.', zh: '请创建匹配的 PV，或修改申领使其与某个 PV 匹配。' },
	related: { en: 'PV "{0}": {1}', zh: 'PV "{0}"：{1}' },
};
const SHOWN = 5;
const RELATED_LIMIT = 20;

/** Where the claim says what every candidate failed on. */
const CLAIM_FIELD: Record<Criterion, NodePath> = {
	capacity: ['spec', 'resources', 'requests', 'storage'],
	accessModes: ['spec', 'accessModes'],
	storageClass: ['spec', 'storageClassName'],
	volumeMode: ['spec', 'volumeMode'],
	selector: ['spec', 'selector'],
	claimRef: ['metadata', 'name'],
};

/**
 * A claim that must bind statically (class "", a no-provisioner class, a class only PVs carry,
 * volumeName, or a selector) with no PV that fits: a PVC, or a StatefulSet's volumeClaimTemplates.
 */
export const pvcUnbindable: Rule = {
	id: 'pvc-unbindable',
	severity: 'warning',
	description: { en: 'A claim that no PersistentVolume can satisfy.', zh: '没有任何 PersistentVolume 能满足的申领。' },
	kinds: ['PersistentVolumeClaim', 'StatefulSet'],
	reads: ['PersistentVolume', 'StorageClass'],
	check(ctx) {
		const { entry, scope } = ctx;
		if (scope.hasPartial || !entry.resource.name) return [];
		const claims = claimSpecs(entry.resource).filter((c) => entry.resource.kind === 'PersistentVolumeClaim' || c.path[1] === 'volumeClaimTemplates');
		return claims.flatMap((claimSpec) => {
			const finding = checkClaim(ctx, claimSpec, claimName(entry.resource.value, claimSpec.path, entry.resource.name ?? ''));
			return finding ? [finding] : [];
		});
	},
};

/** The claim's name: the PVC's own, or a template's (a StatefulSet's claims are `<template>-<set>-<ordinal>`). */
function claimName(value: Record<string, unknown>, path: NodePath, own: string): string {
	if (path[1] !== 'volumeClaimTemplates') return own;
	const templates = isRecord(value.spec) ? value.spec.volumeClaimTemplates : undefined;
	const template = Array.isArray(templates) ? (templates[path[2] as number] as unknown) : undefined;
	const name = isRecord(template) && isRecord(template.metadata) ? template.metadata.name : undefined;
	return `${typeof name === 'string' ? name : 'claim'}-${own}-0`;
}

function checkClaim(ctx: RuleContext, claimSpec: ClaimSpecAt, name: string): Finding | undefined {
	const { scope } = ctx;
	const spec = claimSpec.spec;
	const written = claimToBind(name, scope.namespace, claimSpec);
	const { className, volumeName } = written;
	const selector = written.selector && hasTerms(written.selector) ? written.selector : undefined;
	const storageClass = className ? findStorageClass(ctx, className) : undefined;
	const pvs = persistentVolumesInScope(ctx);
	// A class no StorageClass object defines, but PVs of the scope carry: the claim binds to one of them.
	const classOfPvs = !!className && !storageClass && !ctx.settings.storageClasses.includes(className) && pvs.some((pv) => pvFacts(pv.resource).storageClass === className);
	const why = staticReason(className, storageClass && provisionerOf(storageClass), volumeName, selector, classOfPvs);
	if (!why) return undefined;
	const claim = className === undefined ? { ...written, storageClass: onlyDefaultClass(ctx) } : written;
	const checks = checkCandidates(claim, volumeName ? scope.clusterScoped('PersistentVolume', volumeName) : pvs);
	const failures = checks.map((c) => c.failure);
	if (!failures.every((f): f is BindingFailure => !!f)) return undefined;
	const shown = failures.slice(0, RELATED_LIMIT).map((f, i) => ({ ...f, pv: checks[i].pv, name: checks[i].pv.resource.name ?? '?', reason: failureReason(f) }));
	const listed = shown.slice(0, SHOWN);
	const more = checks.length - listed.length;
	const detail: Localized =
		checks.length === 0
			? volumeName
				? both(T.missingPv, volumeName)
				: T.none
			: {
					en: both(T.candidates, withMore(listed.map((f) => `${f.name}: ${f.reason.en}`).join('; '), more, 'en')).en,
					zh: both(T.candidates, withMore(listed.map((f) => `${f.name}：${f.reason.zh}`).join('；'), more, 'zh')).zh,
				};
	const related = shown.map((f) => relatedAt(f.pv, f.pvPath, { en: both(T.related, f.name, f.reason.en).en, zh: both(T.related, f.name, f.reason.zh).zh }, f.key));
	const intro = { en: both(T.intro, why.en).en, zh: both(T.intro, why.zh).zh };
	const at = where(spec, failures.map((f) => f.criterion), volumeName, className, selector);
	// `where` answers relative to a PVC; a template's fields sit under its own path.
	const path = at.path[0] === 'spec' ? [...claimSpec.path, ...at.path.slice(1)] : [...claimSpec.path.slice(0, -1), ...at.path];
	return { path, key: at.key, message: joinText(intro, detail, T.todo), related };
}

function withMore(text: string, more: number, lang: 'en' | 'zh'): string {
	return more > 0 ? both(T.more, text, more)[lang] : text;
}

function hasTerms(selector: Record<string, unknown>): boolean {
	const labels = selector.matchLabels;
	const expressions = selector.matchExpressions;
	return (isRecord(labels) && Object.keys(labels).length > 0) || (Array.isArray(expressions) && expressions.length > 0);
}

/** Why the claim cannot be provisioned dynamically, or undefined when a provisioner may serve it. */
function staticReason(className: string | undefined, provisioner: string | undefined, volumeName: string | undefined, selector: unknown, classOfPvs: boolean): Localized | undefined {
	if (volumeName) return both(T.volumeName, volumeName);
	if (className === '') return T.emptyClass;
	if (className && provisioner === NO_PROVISIONER) return both(T.noProvisioner, className);
	if (className && classOfPvs) return both(T.classOfPvs, className);
	if (selector) return T.selector;
	return undefined;
}

/** The class a claim without one gets: the one default class of the scope; undefined when the cluster decides. */
function onlyDefaultClass(ctx: RuleContext): string | undefined {
	const defaults = defaultStorageClasses(ctx.scope, ctx.graph);
	return defaults.length === 1 ? defaults[0].resource.name : undefined;
}

/** The claim's field every candidate failed on; else what made the claim static. */
function where(spec: Record<string, unknown>, criteria: Criterion[], volumeName?: string, className?: string, selector?: unknown): { path: NodePath; key?: boolean } {
	const first = criteria[0];
	if (first && criteria.every((c) => c === first)) {
		const path = CLAIM_FIELD[first];
		const present = path[0] === 'metadata' || path.slice(1).reduce<unknown>((node, part) => (isRecord(node) ? node[part as string] : undefined), spec) !== undefined;
		if (present) return { path, key: first === 'selector' };
	}
	if (volumeName) return { path: ['spec', 'volumeName'] };
	if (className !== undefined) return { path: ['spec', 'storageClassName'] };
	if (selector) return { path: ['spec', 'selector'], key: true };
	return { path: ['metadata', 'name'] };
}
