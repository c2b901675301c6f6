import { isRecord } from '../manifest/parse';
import { validationApplies } from './validationGate';
import type { NodePath } from '../manifest/types';
import { portNameProblem } from '../schema/names';
import { PLACEHOLDER } from '../schema/validate';
import { containersOf } from './containers';
import { podSpecOf, valueAt } from './podSpec';
import type { Finding, Rule } from './types';

/** Port numbers outside 1-65535 and port names that are not IANA service names: the API server rejects them. */
export const portInvalid: Rule = {
	id: 'port-invalid',
	severity: 'error',
	description: { en: 'A port number or port name the API server does not accept.', zh: 'API Server 不接受的端口号或端口名。' },
	kinds: ['Service', 'Pod', 'PodTemplate', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'],
	local: true,
	check(context) {
		const { entry } = context;
		if (!validationApplies(context)) return [];
		const findings: Finding[] = [];
		// Paths are made for findings only: most ports have none.
		const number = (at: NodePath, field: string, value: unknown, allowZero: boolean) => {
			if (typeof value !== 'number' || !Number.isInteger(value) || (value >= 1 && value <= 65535) || (allowZero && value === 0)) return;
			const path = [...at, field];
			findings.push({
				path,
				message: {
					en: `The API server rejects port ${value} (Invalid value): "${path[path.length - 1]}" must be between 1 and 65535. Use a port number in that range.`,
					zh: `API Server 会拒绝端口 ${value}（Invalid value）："${path[path.length - 1]}" 必须在 1 到 65535 之间。请使用该范围内的端口号。`,
				},
			});
		};
		const name = (at: NodePath, field: string, value: unknown) => {
			if (typeof value !== 'string' || value === '' || PLACEHOLDER.test(value)) return;
			const problem = portNameProblem(value);
			if (!problem) return;
			findings.push({
				path: [...at, field],
				message: {
					en: `The API server rejects the port name "${value}" (Invalid value): it must be an IANA service name, and ${problem.en}. Use at most 15 lower-case letters, digits and '-', with at least one letter, e.g. "http" or "metrics".`,
					zh: `API Server 会拒绝端口名 "${value}"（Invalid value）：它必须是 IANA 服务名，而它${problem.zh}。请使用最多 15 个小写字母、数字和“-”，至少含一个字母，例如 "http" 或 "metrics"。`,
				},
			});
		};
		const pod = podSpecOf(entry.resource);
		for (const container of pod ? containersOf(pod) : []) {
			const ports = container.value.ports;
			if (!Array.isArray(ports)) continue;
			ports.forEach((port, i) => {
				if (!isRecord(port)) return;
				const at = [...container.path, 'ports', i];
				number(at, 'containerPort', port.containerPort, false);
				number(at, 'hostPort', port.hostPort, true); // 0 means "no host port"
				name(at, 'name', port.name);
			});
		}
		if (entry.resource.kind === 'Service') {
			const ports = valueAt(entry.resource.value, ['spec', 'ports']);
			if (Array.isArray(ports)) {
				ports.forEach((port, i) => {
					if (!isRecord(port)) return;
					const at = ['spec', 'ports', i];
					number(at, 'port', port.port, false);
					number(at, 'targetPort', port.targetPort, true); // 0 defaults to port
					name(at, 'targetPort', port.targetPort);
				});
			}
		}
		return findings;
	},
};
