import { isRecord } from '../manifest/parse';
import { validatedContainers } from './containers';
import { relatedAt } from './findingParts';
import { POD_SPEC_KINDS } from './podSpec';
import type { Finding, Rule } from './types';

/** Two ports of one container with the same name: the API server rejects it. */
export const containerPortNameDuplicate: Rule = {
	id: 'container-port-name-duplicate',
	severity: 'error',
	description: { en: 'Two ports of a container share a name.', zh: '容器的两个端口同名。' },
	kinds: POD_SPEC_KINDS,
	local: true,
	check(context) {
		const { entry } = context;
		const findings: Finding[] = [];
		for (const container of validatedContainers(context)) {
			const ports = container.value.ports;
			if (!Array.isArray(ports)) continue;
			const seen = new Map<string, number>();
			ports.forEach((port, i) => {
				if (!isRecord(port) || typeof port.name !== 'string' || port.name === '') return;
				const first = seen.get(port.name);
				if (first === undefined) return void seen.set(port.name, i);
				findings.push({
					path: [...container.path, 'ports', i, 'name'],
					message: {
						en: `The API server rejects this ${entry.resource.kind}: the port name "${port.name}" is already used by port ${first + 1} of this container (Duplicate value). A Service's named targetPort could not tell them apart; rename one of them.`,
						zh: `API Server 会拒绝这个 ${entry.resource.kind}：端口名 "${port.name}" 已被该容器的第 ${first + 1} 个端口使用（Duplicate value）。Service 的具名 targetPort 将无法区分它们；请重命名其中一个。`,
					},
					related: [relatedAt(entry, [...container.path, 'ports', first, 'name'], { en: `first port named "${port.name}"`, zh: `第一个名为 "${port.name}" 的端口` })],
				});
			});
		}
		return findings;
	},
};
