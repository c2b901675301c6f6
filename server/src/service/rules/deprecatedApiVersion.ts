import { apiVersionStatus } from '../knowledge/apiVersions';
import { both } from '../l10n/text';
import { migrationEdits } from './apiMigrations';
import { joinText } from './findingParts';
import type { Fix, Rule } from './types';

const REMOVED = {
	en: '{0} {1} is no longer served since Kubernetes {2}: the API server of the target version {3} rejects this manifest ("no matches for kind {0} in version {1}").',
	zh: '{0} {1} 自 Kubernetes {2} 起不再提供：目标版本 {3} 的 API Server 会拒绝此清单（"no matches for kind {0} in version {1}"）。',
};
const DEPRECATED = {
	en: '{0} {1} is deprecated since Kubernetes {2} and stops being served in {3}: the target version {4} still accepts it, with a warning, and an upgrade will break this manifest.',
	zh: '{0} {1} 自 Kubernetes {2} 起弃用，并将在 {3} 中停止提供：目标版本 {4} 仍接受它（会给出警告），但升级后此清单将无法应用。',
};
const SCHEDULED = {
	en: '{0} {1} stops being served in Kubernetes {2}: the target version {3} still accepts it, and an upgrade will break this manifest.',
	zh: '{0} {1} 将在 Kubernetes {2} 中停止提供：目标版本 {3} 仍接受它，但升级后此清单将无法应用。',
};
const DEPRECATED_ONLY = {
	en: '{0} {1} is deprecated since Kubernetes {2}.',
	zh: '{0} {1} 自 Kubernetes {2} 起弃用。',
};
const MOVE = { en: 'Use {0}, served since {1}.', zh: '请改用 {0}（自 {1} 起提供）。' };
const MOVE_LATER = {
	en: 'Its replacement {0} is served from {1} on: move to it together with the cluster upgrade.',
	zh: '其替代版本 {0} 从 {1} 起才提供：请在升级集群时一并迁移。',
};
const MANUAL = {
	en: 'The quick fix cannot make these changes for you: edit the fields, then the apiVersion.',
	zh: '快速修复无法代为完成这些修改：请先修改字段，再修改 apiVersion。',
};
const NO_SELECTOR = {
	en: 'Add spec.selector yourself: the pod template has no labels to take it from.',
	zh: '请自行添加 spec.selector：Pod 模板中没有可用的标签。',
};
const FIX = { en: 'Move to {0} (and the fields that changed with it)', zh: '迁移到 {0}（连同随之变化的字段）' };

/**
 * An apiVersion that upstream deprecated (warning) or stopped serving (error) at the target version,
 * from the API version table of the knowledge; the fix moves to the replacement and rewrites the
 * fields that changed with it.
 */
export const deprecatedApiVersion: Rule = {
	id: 'deprecated-api-version',
	severity: 'warning',
	description: { en: 'An apiVersion that the target Kubernetes version deprecates or no longer serves.', zh: '目标 Kubernetes 版本已弃用或不再提供的 apiVersion。' },
	local: true,
	check({ entry, file, graph, settings }) {
		const { kind, apiVersion } = entry.resource;
		const target = settings.kubernetesVersion;
		const status = apiVersionStatus(graph, kind, apiVersion, target);
		if (!status || status.state === 'not-yet') return [];
		const { row } = status;
		let message =
			status.state === 'removed'
				? both(REMOVED, kind, apiVersion, row.removedIn ?? '', target)
				: status.state === 'scheduled'
					? both(SCHEDULED, kind, apiVersion, row.removedIn ?? '', target)
					: row.removedIn
						? both(DEPRECATED, kind, apiVersion, row.deprecatedIn ?? '', row.removedIn, target)
						: both(DEPRECATED_ONLY, kind, apiVersion, row.deprecatedIn ?? '');
		if (row.replacement) message = joinText(message, both(status.replacementServed ? MOVE : MOVE_LATER, row.replacement, row.replacementSince ?? ''));
		if (row.changes) message = joinText(message, row.changes);
		const fixes: Fix[] = [];
		if (row.replacement && status.replacementServed) {
			const edits = migrationEdits(row.migration, row.replacement, entry.document, file);
			if (edits) fixes.push({ title: both(FIX, row.replacement), edits, preferred: true });
			else if (row.migration === 'apps-v1-selector') message = joinText(message, NO_SELECTOR);
			else if (row.migration === 'manual') message = joinText(message, MANUAL);
		}
		return [{ path: ['apiVersion'], message, severity: status.state === 'removed' ? 'error' : 'warning', fixes }];
	},
};
