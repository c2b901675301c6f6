import { both } from '../l10n/text';
import { clusterProfile } from '../workspace/profile';
import { joinText, relatedAt, replaceScalar } from './findingParts';
import { nearestName } from './nearestName';
import { POD_SPEC_KINDS } from './podSpec';
import { podRuntime } from './runtimeClasses';
import { READS, type Fix, type Rule } from './types';

const UNKNOWN = {
	en: 'runtimeClassName "{0}" names no RuntimeClass in this workspace or in the profile\'s runtimeClasses: the API server accepts the pod, but it is never started ("RuntimeClass not found") until a RuntimeClass of that name exists.',
	zh: 'runtimeClassName "{0}" 既不是本工作区中的 RuntimeClass，也不在配置的 runtimeClasses 中：API Server 会接受该 Pod，但在同名 RuntimeClass 出现之前它不会被启动（"RuntimeClass not found"）。',
};
const TYPO = { en: 'Did you mean "{0}"?', zh: '是否想写 "{0}"？' };
const KNOWN = {
	en: 'The known classes are {0}; if the cluster has "{1}" (a platform may create it, as GKE does for gvisor), add it to runtimeClasses in .kubelore.yaml.',
	zh: '已知的类有 {0}；如果集群中确有 "{1}"（平台可能会创建它，例如 GKE 的 gvisor），请把它加入 .kubelore.yaml 的 runtimeClasses。',
};
const RELATED = { en: 'RuntimeClass "{0}"', zh: 'RuntimeClass "{0}"' };
const FIX = { en: 'Use the RuntimeClass "{0}"', zh: '改用 RuntimeClass "{0}"' };

/**
 * A pod naming a RuntimeClass nothing defines. The cluster's own classes are unknown unless the
 * workspace defines some or the profile lists them, so the rule speaks only then, or for a typo of a known name.
 */
export const runtimeClassUnknown: Rule = {
	id: 'runtime-class-unknown',
	severity: 'warning',
	description: { en: 'A pod names a RuntimeClass that does not exist.', zh: 'Pod 引用了不存在的 RuntimeClass。' },
	kinds: POD_SPEC_KINDS,
	reads: [...READS.profile],
	check(ctx) {
		const { scope, settings, index, graph, entry } = ctx;
		const runtime = podRuntime(ctx);
		if (!runtime || runtime.runtimeClass || settings.runtimeClasses.includes(runtime.name) || scope.hasPartial) return [];
		const known = new Set(clusterProfile(index, graph, settings).runtimeClasses.map((v) => v.value));
		if (known.has(runtime.name)) return [];
		const near = nearestName(runtime.name, known);
		if (!near && known.size === 0) return [];
		let message = both(UNKNOWN, runtime.name);
		const fixes: Fix[] = [];
		const related = [];
		if (near) {
			message = joinText(message, both(TYPO, near));
			const edit = replaceScalar(entry.document, runtime.path, near);
			if (edit) fixes.push({ title: both(FIX, near), edits: [edit], preferred: true });
			const target = scope.clusterScoped('RuntimeClass', near)[0];
			if (target) related.push(relatedAt(target, ['metadata', 'name'], both(RELATED, near)));
		} else message = joinText(message, both(KNOWN, [...known].join(', '), runtime.name));
		return [{ path: runtime.path, message, fixes, related }];
	},
};
