import type { Localized } from '../knowledge/types';
import { rangeOf } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { NodePath, Resource } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import type { RelatedLocation } from './types';

/** One entry of `spec.ports` of a Service, read leniently. */
export interface ServicePort {
	index: number;
	value: Record<string, unknown>;
	port?: number;
	name?: string;
	/** TCP unless the manifest says otherwise. */
	protocol: string;
	/** A number, a port name, or undefined (then it equals `port`). */
	targetPort?: number | string;
	nodePort?: number;
}

/** What the Service rules read from a core/v1 Service. */
export interface ServiceSpec {
	spec: Record<string, unknown>;
	/** `ClusterIP` when the manifest leaves it out. */
	type: string;
	/** A non-empty selector of label values, or undefined. */
	selector?: Record<string, unknown>;
	/** Something is written as the selector (perhaps not a map of labels). */
	selectorWritten: boolean;
	ports: ServicePort[];
	/** `clusterIP: None` (or `clusterIPs: [None]`). */
	headless: boolean;
}

/**
 * The spec of a core/v1 Service, or undefined for anything else: a Knative Service
 * (`serving.knative.dev/*`) shares the kind but none of these fields.
 */
export function readService(resource: Resource): ServiceSpec | undefined {
	// The Service rules run one after another on the same resource: each reads it once, not a dozen times.
	if (lastRead?.resource !== resource) lastRead = { resource, spec: readServiceOf(resource) };
	return lastRead.spec;
}

/** The resource read last and what it read (never changed by a rule: read only). */
let lastRead: { resource: Resource; spec: ServiceSpec | undefined } | undefined;

function readServiceOf(resource: Resource): ServiceSpec | undefined {
	if (resource.kind !== 'Service' || resource.apiVersion !== 'v1') return undefined;
	const spec = isRecord(resource.value.spec) ? resource.value.spec : {};
	const type = typeof spec.type === 'string' && spec.type ? spec.type : 'ClusterIP';
	const written = spec.selector !== undefined && spec.selector !== null && !(isRecord(spec.selector) && Object.keys(spec.selector).length === 0);
	const labels = isRecord(spec.selector) && Object.values(spec.selector).every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
	const selector = written && labels ? (spec.selector as Record<string, unknown>) : undefined;
	const ports = Array.isArray(spec.ports) ? spec.ports.flatMap((p, index) => (isRecord(p) ? [readPort(p, index)] : [])) : [];
	return { spec, type, selector, selectorWritten: written, ports, headless: isHeadless(spec) };
}

function readPort(value: Record<string, unknown>, index: number): ServicePort {
	const name = typeof value.name === 'string' && value.name ? value.name : undefined;
	const protocol = typeof value.protocol === 'string' && value.protocol ? value.protocol : 'TCP';
	return { index, value, port: asPortNumber(value.port), name, protocol, targetPort: asIntOrString(value.targetPort), nodePort: asPortNumber(value.nodePort) };
}

/** `clusterIP: None` or a first `clusterIPs` entry of None. */
export function isHeadless(spec: Record<string, unknown>): boolean {
	if (spec.clusterIP === 'None') return true;
	return Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None';
}

/** A port number written as a number or a string of digits. */
export function asPortNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

/** An IntOrString port: a number (digits count as one) or a non-empty name. */
export function asIntOrString(value: unknown): number | string | undefined {
	const number = asPortNumber(value);
	if (number !== undefined) return number;
	return typeof value === 'string' && value ? value : undefined;
}

/** `Deployment/web` (with its namespace when it is not the checked one). */
export function describeResource(entry: IndexedResource, namespace?: string): string {
	const name = `${entry.resource.kind}/${entry.resource.name ?? '?'}`;
	return namespace && entry.resource.namespace && entry.resource.namespace !== namespace ? `${name} (namespace ${entry.resource.namespace})` : name;
}

/** Related information at a path of another resource; its name, else its document start, when the path is absent. */
export function relatedAt(entry: IndexedResource, path: NodePath, message: Localized): RelatedLocation {
	const span = rangeOf(entry.document, path) ?? rangeOf(entry.document, ['metadata', 'name']) ?? [entry.document.start, entry.document.start];
	return { uri: entry.uri, start: span[0], end: span[1], message };
}

/** The ports of a Service, as `80/TCP (http)` for messages. */
export function describePorts(ports: ServicePort[]): string {
	return ports.map((p) => `${p.port ?? '?'}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}${p.name ? ` (${p.name})` : ''}`).join(', ') || '-';
}
