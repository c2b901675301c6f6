import { both } from '../l10n/text';
import { namespaceOf } from '../workspace/scope';
import { joinText } from './findingParts';
import { missingFinding } from './missingPolicy';
import { claimVolumes, POD_SPEC_KINDS, podSpecOf, valueAt } from './podSpec';
import type { Finding, Rule, RuleContext } from './types';

const MISSING = {
	en: 'The volume "{0}" uses the claim "{1}", but no PersistentVolumeClaim of that name exists in namespace "{2}" in this scope. The scheduler does not place a pod whose claim does not exist: it stays Pending (event FailedScheduling, "persistentvolumeclaim "{1}" not found") until the claim exists. Create the claim, or correct the name.',
	zh: '卷 "{0}" 使用申领 "{1}"，但此范围内命名空间 "{2}" 中没有这个名字的 PersistentVolumeClaim。调度器不会调度申领不存在的 Pod：它会一直处于 Pending（事件 FailedScheduling，"persistentvolumeclaim "{1}" not found"），直到申领出现。请创建该申领，或改正名字。',
};
const ELSEWHERE = {
	en: 'A claim of that name exists in namespace {0}; claims are namespaced and a pod can only use one of its own namespace, so move the claim or the workload.',
	zh: '命名空间 {0} 中有同名申领；申领属于命名空间，Pod 只能使用自己命名空间中的申领，请移动申领或工作负载。',
};

/** A pod volume whose claimName names no PVC in the pod's namespace (closed-world policy: see missingPolicy). */
export const pvcClaimMissing: Rule = {
	id: 'pvc-claim-missing',
	severity: 'warning',
	description: { en: 'A pod uses a PersistentVolumeClaim that does not exist.', zh: 'Pod 使用了不存在的 PersistentVolumeClaim。' },
	kinds: POD_SPEC_KINDS,
	reads: ['PersistentVolumeClaim:names', 'StatefulSet'],
	check(ctx) {
		const { entry, scope } = ctx;
		const pod = podSpecOf(entry.resource);
		if (!pod) return [];
		const findings: Finding[] = [];
		for (const { volume, claim } of claimVolumes(entry.resource, pod)) {
			if (scope.named('PersistentVolumeClaim', claim).length > 0 || madeByStatefulSet(ctx, claim)) continue;
			const path = [...volume.path, 'persistentVolumeClaim', 'claimName'];
			let message = both(MISSING, volume.name, claim, scope.namespace);
			const elsewhere = scope.elsewhere('PersistentVolumeClaim', claim);
			if (elsewhere.length > 0) message = joinText(message, both(ELSEWHERE, [...new Set(elsewhere.map((e) => namespaceOf(e, ctx.settings)))].join(', ')));
			const finding = missingFinding(ctx, 'PersistentVolumeClaim', claim, path, message);
			if (finding) findings.push(finding);
		}
		return findings;
	},
};

/** True when a StatefulSet of the scope makes a claim of this name (`<template>-<statefulset>-<ordinal>`). */
function madeByStatefulSet(ctx: RuleContext, claim: string): boolean {
	return ctx.scope.ofKind('StatefulSet').some((set) => {
		const templates = valueAt(set.resource.value, ['spec', 'volumeClaimTemplates']);
		if (!Array.isArray(templates) || !set.resource.name) return false;
		return templates.some((t) => {
			const name = valueAt(t, ['metadata', 'name']);
			return typeof name === 'string' && new RegExp(`^${escape(`${name}-${set.resource.name}`)}-\\d+$`).test(claim);
		});
	});
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
