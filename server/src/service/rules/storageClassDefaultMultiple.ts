import { both } from '../l10n/text';
import { rangeOf } from '../manifest/nodes';
import { defaultClassAnnotations, isDefaultClass } from '../storage/volumes';
import type { RelatedLocation, Rule } from './types';

const MESSAGE = {
	en: '{0} StorageClasses in this scope are marked default ({1}). A claim without storageClassName gets only one default: older API servers reject such claims outright, and since 1.26 the most recently created default wins, which depends on the order things were applied. Keep the annotation "true" on one class and remove it (or set "false") on the others.',
	zh: '此范围内有 {0} 个 StorageClass 被标记为默认（{1}）。未写 storageClassName 的申领只能得到一个默认类：较旧的 API Server 会直接拒绝这样的申领，1.26 起则由最近创建的默认类胜出，结果取决于资源的应用顺序。请只在一个类上保留 "true"，其他类删除该注解（或设为 "false"）。',
};
const OTHER = { en: 'also marked default: {0}', zh: '同样被标记为默认：{0}' };

/** More than one StorageClass marked default in the same scope. */
export const storageClassDefaultMultiple: Rule = {
	id: 'storage-class-default-multiple',
	severity: 'warning',
	description: { en: 'More than one default StorageClass.', zh: '存在多个默认 StorageClass。' },
	kinds: ['StorageClass'],
	reads: ['StorageClass'],
	check({ entry, graph, scope }) {
		const annotations = defaultClassAnnotations(graph);
		const annotation = annotations.find((a) => entry.resource.annotations[a] === 'true');
		if (!annotation) return [];
		const defaults = scope.clusterScoped('StorageClass').filter((e) => isDefaultClass(e.resource, annotations));
		// The same class written twice (variants of one file) is still one default.
		const names = [...new Set(defaults.map((e) => e.resource.name ?? ''))];
		if (names.length < 2) return [];
		const related: RelatedLocation[] = [];
		for (const other of defaults) {
			if (other.resource.name === entry.resource.name) continue;
			const key = annotations.find((a) => other.resource.annotations[a] === 'true') ?? annotation;
			const span = rangeOf(other.document, ['metadata', 'annotations', key]) ?? rangeOf(other.document, ['metadata', 'name']);
			if (span) related.push({ uri: other.uri, start: span[0], end: span[1], message: both(OTHER, other.resource.name ?? '?') });
		}
		return [{ path: ['metadata', 'annotations', annotation], message: both(MESSAGE, names.length, names.join(', ')), related }];
	},
};
