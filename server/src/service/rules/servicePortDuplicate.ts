import type { ManifestDocument } from '../manifest/types';
import { replaceScalar } from './findingParts';
import { readService, relatedAt } from './serviceSpec';
import type { Finding, Fix, Rule } from './types';

/** Two ports of a Service with the same port and protocol, or the same name: the API server rejects it. */
export const servicePortDuplicate: Rule = {
	id: 'service-port-duplicate',
	severity: 'error',
	description: { en: 'Two ports of a Service share a port number and protocol, or a name.', zh: 'Service 的两个端口使用了相同的端口号和协议，或相同的名称。' },
	kinds: ['Service'],
	local: true,
	check({ entry }) {
		const service = readService(entry.resource);
		if (!service || service.ports.length < 2) return [];
		const findings: Finding[] = [];
		const byNumber = new Map<string, number>();
		const byName = new Map<string, number>();
		for (const port of service.ports) {
			if (port.port !== undefined) {
				const key = `${port.port}/${port.protocol}`;
				const first = byNumber.get(key);
				if (first === undefined) byNumber.set(key, port.index);
				else
					findings.push({
						path: ['spec', 'ports', port.index, 'port'],
						message: {
							en: `Port ${port.port}/${port.protocol} is already listed as port ${first + 1} of this Service. The API server rejects two ports with the same number and protocol, since traffic to it could not tell them apart; remove this entry or give it another port number.`,
							zh: `端口 ${port.port}/${port.protocol} 已经作为该 Service 的第 ${first + 1} 个端口列出。同一端口号和协议出现两次时流量无法区分，API Server 会拒绝；请删除此项或换一个端口号。`,
						},
						related: [relatedAt(entry, ['spec', 'ports', first, 'port'], { en: `first use of ${port.port}/${port.protocol}`, zh: `${port.port}/${port.protocol} 首次出现处` })],
					});
			}
			if (port.name !== undefined) {
				const first = byName.get(port.name);
				if (first === undefined) byName.set(port.name, port.index);
				else
					findings.push({
						path: ['spec', 'ports', port.index, 'name'],
						message: {
							en: `The port name "${port.name}" is already used by port ${first + 1} of this Service. Port names must be unique: Endpoints, Ingress backends and named targetPorts refer to ports by name, and the API server rejects duplicates; rename one of them.`,
							zh: `端口名 "${port.name}" 已被该 Service 的第 ${first + 1} 个端口使用。端口名必须唯一：Endpoints、Ingress 后端和具名 targetPort 都按名称引用端口，API Server 会拒绝重复的名称；请重命名其中一个。`,
						},
						related: [relatedAt(entry, ['spec', 'ports', first, 'name'], { en: `first use of "${port.name}"`, zh: `"${port.name}" 首次出现处` })],
						fixes: renameFix(entry.document, port.index, `${port.name}-${port.port ?? port.index + 1}`, byName),
					});
			}
		}
		return findings;
	},
};

/** Renaming the second use of a name to `<name>-<port>`, when no port has that name yet (lower case, 15 characters at most). */
function renameFix(document: ManifestDocument, index: number, name: string, taken: Map<string, number>): Fix[] {
	const valid = name.toLowerCase().slice(0, 15).replace(/-+$/, '');
	const edit = taken.has(valid) ? undefined : replaceScalar(document, ['spec', 'ports', index, 'name'], valid);
	return edit ? [{ title: { en: `Rename it "${valid}"`, zh: `重命名为 "${valid}"` }, edits: [edit] }] : [];
}
