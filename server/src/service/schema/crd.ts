import { isRecord } from '../manifest/parse';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { ANY, type Limits, type ObjectNode, type SchemaNode } from './nodes';

/** Kinds whose definitions come from Gatekeeper ConstraintTemplates: checked by their own rules. */
const SKIPPED_GROUPS = new Set(['constraints.gatekeeper.sh']);

/** The served schema of a custom kind and the CRD that defines it. */
export interface CustomSchema {
	root: ObjectNode;
	crd: IndexedResource;
	version: string;
}

const byIndex = new WeakMap<WorkspaceIndex, { generation: number; schemas: Map<string, CustomSchema | null> }>();
const linked = new WeakMap<object, ObjectNode>();

/**
 * The schema of `apiVersion`/`kind` from the CustomResourceDefinitions of the workspace (apiextensions
 * v1, the served version's openAPIV3Schema); undefined when no CRD or more than one defines it.
 */
export function customSchemaOf(index: WorkspaceIndex, apiVersion: string, kind: string): CustomSchema | undefined {
	let cache = byIndex.get(index);
	if (!cache || cache.generation !== index.generation) byIndex.set(index, (cache = { generation: index.generation, schemas: collect(index) }));
	return cache.schemas.get(`${apiVersion}/${kind}`) ?? undefined;
}

function collect(index: WorkspaceIndex): Map<string, CustomSchema | null> {
	const out = new Map<string, CustomSchema | null>();
	for (const crd of index.ofKind('CustomResourceDefinition')) {
		if (crd.resource.apiVersion !== 'apiextensions.k8s.io/v1' || index.isPartial(crd)) continue;
		const spec = crd.resource.value.spec;
		if (!isRecord(spec) || typeof spec.group !== 'string' || SKIPPED_GROUPS.has(spec.group)) continue;
		const kind = isRecord(spec.names) ? spec.names.kind : undefined;
		if (typeof kind !== 'string' || !Array.isArray(spec.versions)) continue;
		for (const version of spec.versions) {
			if (!isRecord(version) || typeof version.name !== 'string' || version.served === false) continue;
			const schema = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
			const key = `${spec.group}/${version.name}/${kind}`;
			// Two CRDs for one kind (two copies of a chart's CRDs): which one the cluster has is unknown.
			if (out.has(key) || !isRecord(schema)) {
				out.set(key, null);
				continue;
			}
			let root = linked.get(schema);
			if (!root) linked.set(schema, (root = rootOf(schema, `${kind}`)));
			out.set(key, { root, crd, version: version.name });
		}
	}
	return out;
}

/** The root of a custom resource: apiVersion, kind and metadata are always there, whatever the schema says. */
function rootOf(schema: Record<string, unknown>, kind: string): ObjectNode {
	const node = convert(schema, kind, 0);
	const root: ObjectNode = node.kind === 'object' ? { ...node, fields: new Map(node.fields) } : { kind: 'object', name: kind, fields: new Map(), required: [], open: true };
	for (const field of ['apiVersion', 'kind', 'metadata']) root.fields.set(field, ANY);
	return root;
}

/** An OpenAPI v3 structural schema as a schema node. Parts it cannot judge for certain become "anything". */
function convert(schema: Record<string, unknown>, name: string, depth: number): SchemaNode {
	if (depth > 64) return ANY;
	if (schema['x-kubernetes-int-or-string'] === true) return { kind: 'scalar', type: 'x' };
	const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true || schema['x-kubernetes-embedded-resource'] === true;
	const values = Array.isArray(schema.enum) ? schema.enum : undefined;
	switch (schema.type) {
		case 'string':
			return { kind: 'scalar', type: 's', enum: values, limits: limitsOf(schema) };
		case 'integer':
			return { kind: 'scalar', type: 'i', enum: values, limits: limitsOf(schema) };
		case 'number':
			return { kind: 'scalar', type: 'n', enum: values, limits: limitsOf(schema) };
		case 'boolean':
			return { kind: 'scalar', type: 'b', enum: values };
		case 'array':
			return { kind: 'array', items: isRecord(schema.items) ? convert(schema.items, name, depth + 1) : ANY };
		case 'object': {
			const properties = isRecord(schema.properties) ? schema.properties : undefined;
			const additional = schema.additionalProperties;
			if (!properties) {
				if (isRecord(additional)) return { kind: 'map', values: convert(additional, name, depth + 1) };
				// An object without properties: what the cluster keeps of it depends on details left alone here.
				return ANY;
			}
			const fields = new Map<string, SchemaNode>();
			for (const [key, sub] of Object.entries(properties)) fields.set(key, isRecord(sub) ? convert(sub, `${name}.${key}`, depth + 1) : ANY);
			// A required field with a default is filled in before validation.
			const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string' && !(isRecord(properties[r]) && 'default' in properties[r])) : [];
			return { kind: 'object', name, fields, required, open: preserve || additional === true || isRecord(additional) };
		}
		default:
			return ANY;
	}
}

function limitsOf(schema: Record<string, unknown>): Limits | undefined {
	const limits: Limits = {};
	for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) if (typeof schema[key] === 'number') limits[key] = schema[key];
	if (typeof schema.pattern === 'string') {
		try {
			limits.pattern = new RegExp(schema.pattern, 'u');
		} catch {
			// A pattern JavaScript reads differently from Go is not judged.
		}
	}
	return Object.keys(limits).length ? limits : undefined;
}
