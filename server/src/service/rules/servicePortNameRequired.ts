import { insertFirstKeyEdit } from './serviceEdits';
import { readService, type ServicePort } from './serviceSpec';
import type { Fix, OffsetEdit, Rule } from './types';

const WELL_KNOWN: Record<number, string> = { 80: 'http', 443: 'https' };
/** IANA service name: what the API server accepts as a port name. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

/** A Service with more than one port must name every port (the API server rejects it otherwise). */
export const servicePortNameRequired: Rule = {
	id: 'service-port-name-required',
	severity: 'error',
	description: { en: 'Every port of a multi-port Service needs a name.', zh: '多端口 Service 的每个端口都需要名称。' },
	kinds: ['Service'],
	local: true,
	check({ entry, file }) {
		const service = readService(entry.resource);
		if (!service || service.ports.length < 2) return [];
		const unnamed = service.ports.filter((p) => !p.name);
		if (unnamed.length === 0) return [];
		const names = suggestNames(service.ports);
		const edits = new Map<number, OffsetEdit>();
		for (const port of unnamed) {
			const edit = insertFirstKeyEdit(file.manifest.text, entry.document, ['spec', 'ports', port.index], `name: ${names.get(port.index)}`);
			if (edit) edits.set(port.index, edit);
		}
		const total = service.ports.length;
		return unnamed.map((port) => {
			const name = names.get(port.index) ?? '';
			const label = port.port === undefined ? `#${port.index + 1}` : String(port.port);
			const fixes: Fix[] = [];
			const edit = edits.get(port.index);
			if (edit) fixes.push({ title: { en: `Name the port "${name}"`, zh: `将端口命名为 "${name}"` }, preferred: true, edits: [edit] });
			if (unnamed.length > 1 && edits.size === unnamed.length) {
				fixes.push({ title: { en: `Name all ${unnamed.length} unnamed ports`, zh: `为全部 ${unnamed.length} 个未命名端口命名` }, edits: [...edits.values()] });
			}
			// The `port` key names the entry on one line; a block map would squiggle every line of it.
			return {
				path: port.port === undefined ? ['spec', 'ports', port.index] : ['spec', 'ports', port.index, 'port'],
				key: port.port !== undefined,
				message: {
					en: `Port ${label} has no name, but this Service has ${total} ports. The API server rejects a multi-port Service unless every port has a unique name (Endpoints and Ingress backends refer to ports by name); add \`name: ${name}\`.`,
					zh: `端口 ${label} 没有名称，而该 Service 有 ${total} 个端口。多端口 Service 的每个端口都必须有唯一的名称（Endpoints 和 Ingress 后端按名称引用端口），否则 API Server 会拒绝；请添加 \`name: ${name}\`。`,
				},
				fixes,
			};
		});
	},
};

/** A unique, valid name for each unnamed port: its named targetPort, a well-known name, else `port-<number>`. */
function suggestNames(ports: ServicePort[]): Map<number, string> {
	const taken = new Set(ports.flatMap((p) => (p.name ? [p.name] : [])));
	const out = new Map<number, string>();
	for (const port of ports) {
		if (port.name) continue;
		const protocol = port.protocol.toLowerCase();
		const candidates = [
			typeof port.targetPort === 'string' ? port.targetPort : undefined,
			port.port !== undefined && protocol === 'tcp' ? WELL_KNOWN[port.port] : undefined,
			port.port !== undefined ? (protocol === 'tcp' ? `port-${port.port}` : `port-${port.port}-${protocol}`) : undefined,
			port.port !== undefined ? `port-${port.port}-${protocol}` : undefined,
			port.port !== undefined ? `port-${port.port}` : undefined,
		];
		let name = candidates.find((c): c is string => c !== undefined && PORT_NAME.test(c) && !taken.has(c));
		for (let n = port.index + 1; !name; n++) if (!taken.has(`port-${n}`)) name = `port-${n}`;
		taken.add(name);
		out.set(port.index, name);
	}
	return out;
}
