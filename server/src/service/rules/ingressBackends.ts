import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { asIntOrString } from './serviceSpec';

/** One Service backend of an Ingress: where its name and port are written. */
export interface Backend {
	name: string;
	namePath: NodePath;
	port?: number | string;
	portPath?: NodePath;
}

/** The Service backends of an Ingress: networking.k8s.io/v1 (`service.name`, `service.port`) and the older `serviceName`/`servicePort`. */
export function backendsOf(value: Record<string, unknown>): Backend[] {
	const spec = value.spec;
	if (!isRecord(spec)) return [];
	const out: Backend[] = [];
	const read = (backend: unknown, path: NodePath) => {
		if (!isRecord(backend)) return;
		const service = backend.service;
		if (isRecord(service) && typeof service.name === 'string' && service.name) {
			const port = isRecord(service.port) ? service.port : undefined;
			const number = port && asIntOrString(port.number);
			const name = port && typeof port.name === 'string' && port.name ? port.name : undefined;
			const entry: Backend = { name: service.name, namePath: [...path, 'service', 'name'] };
			if (typeof number === 'number') Object.assign(entry, { port: number, portPath: [...path, 'service', 'port', 'number'] });
			else if (name) Object.assign(entry, { port: name, portPath: [...path, 'service', 'port', 'name'] });
			out.push(entry);
		} else if (typeof backend.serviceName === 'string' && backend.serviceName) {
			const port = asIntOrString(backend.servicePort);
			out.push({ name: backend.serviceName, namePath: [...path, 'serviceName'], port, portPath: port === undefined ? undefined : [...path, 'servicePort'] });
		}
	};
	read(spec.defaultBackend, ['spec', 'defaultBackend']);
	read(spec.backend, ['spec', 'backend']);
	if (Array.isArray(spec.rules)) {
		spec.rules.forEach((rule, r) => {
			const paths = isRecord(rule) && isRecord(rule.http) ? rule.http.paths : undefined;
			if (Array.isArray(paths)) paths.forEach((p, i) => isRecord(p) && read(p.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']));
		});
	}
	return out;
}
