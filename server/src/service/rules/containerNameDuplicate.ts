import { validatedContainers } from './containers';
import { relatedAt } from './findingParts';
import { POD_SPEC_KINDS } from './podSpec';
import type { Finding, Rule } from './types';

/** Two containers of one pod with the same name (init containers included): the API server rejects it. */
export const containerNameDuplicate: Rule = {
	id: 'container-name-duplicate',
	severity: 'error',
	description: { en: 'Two containers of a pod share a name.', zh: 'Pod 的两个容器同名。' },
	kinds: POD_SPEC_KINDS,
	local: true,
	check(context) {
		const { entry } = context;
		const findings: Finding[] = [];
		const seen = new Map<string, (string | number)[]>();
		for (const container of validatedContainers(context)) {
			if (!container.name) continue;
			const first = seen.get(container.name);
			if (!first) {
				seen.set(container.name, container.path);
				continue;
			}
			findings.push({
				path: [...container.path, 'name'],
				message: {
					en: `The API server rejects this ${entry.resource.kind}: the container name "${container.name}" is already used in this pod (Duplicate value). Names must be unique across containers and init containers; logs, exec and restarts address containers by name. Rename one of them.`,
					zh: `API Server 会拒绝这个 ${entry.resource.kind}：容器名 "${container.name}" 在该 Pod 中已被使用（Duplicate value）。容器和 Init 容器的名称必须互不相同，日志、exec 和重启都按名称定位容器。请重命名其中一个。`,
				},
				related: [relatedAt(entry, [...first, 'name'], { en: `first container named "${container.name}"`, zh: `第一个名为 "${container.name}" 的容器` })],
			});
		}
		return findings;
	},
};
