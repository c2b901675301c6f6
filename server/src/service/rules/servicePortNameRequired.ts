import type { Rule } from './types';

/** A Service with more than one port must name every port (the API server rejects it otherwise). */
export const servicePortNameRequired: Rule = {
	id: 'service-port-name-required',
	severity: 'error',
	description: { en: 'Every port of a multi-port Service needs a name.', zh: '多端口 Service 的每个端口都需要名称。' },
	kinds: ['Service'],
	check({ entry, file }) {
		const ports = (entry.resource.value.spec as { ports?: unknown } | undefined)?.ports;
		if (!Array.isArray(ports) || ports.length < 2) return [];
		const document = entry.document;
		return ports.flatMap((port, i) => {
			if (port && typeof port === 'object' && typeof (port as { name?: unknown }).name === 'string' && (port as { name: string }).name) return [];
			const portNumber = (port as { port?: unknown } | null)?.port;
			const name = typeof portNumber === 'number' ? (portNumber === 80 ? 'http' : portNumber === 443 ? 'https' : `port-${portNumber}`) : `port-${i + 1}`;
			const item = document.yaml?.getIn(['spec', 'ports', i], true) as { range?: number[] } | undefined;
			const at = item?.range?.[0];
			const indent = at === undefined ? '' : ' '.repeat(file.text.positionAt(document.start + at).character);
			return [
				{
					path: ['spec', 'ports', i],
					message: {
						en: `This Service has ${ports.length} ports and port ${i + 1} has no name. The API server rejects a multi-port Service unless every port is named; add \`name: ${name}\`.`,
						zh: `该 Service 有 ${ports.length} 个端口，第 ${i + 1} 个端口没有名称。多端口 Service 的每个端口都必须命名，否则 API Server 会拒绝；请添加 \`name: ${name}\`。`,
					},
					fixes:
						at === undefined
							? []
							: [{ title: { en: `Name the port "${name}"`, zh: `将端口命名为 "${name}"` }, preferred: true, edits: [{ start: document.start + at, end: document.start + at, newText: `name: ${name}\n${indent}` }] }],
				},
			];
		});
	},
};
