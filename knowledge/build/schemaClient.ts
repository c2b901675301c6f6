/*
 * The declarations of @kubernetes/client-node, the official JavaScript client, generated from the
 * upstream OpenAPI document of one release: one class per type (`V1Container`; a group in front
 * where two groups share a name, `CoreV1EndpointPort`), and one API class per group version whose
 * `create...` methods take the kinds that group version serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { CompactSchema } from '../../server/src/service/schema/format';
import type { Declared, TypeTable } from './schemas';

const CLASS_NAME = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;
/** The first request path of an API class: `/apis/apps/v1/...` or `/api/v1/...`. */
const ATTRIBUTE = /"name": "([^"]+)",\s*"baseName": "([^"]+)"/g;
/** A kind, and the model class of its root. */
interface ClientRoot {
	apiVersion: string;
	kind: string;
	model: string;
}

/** An API class in the package's index: `ObjectAppsV1Api as AppsV1Api`. */
const EXPORTED_API = /\bas (\w+Api)\b/g;
const API_PATH = /'\/apis?\/(?:([a-z0-9.-]+)\/)?(v\d+(?:(?:alpha|beta)\d+)?)\//;

/**
 * The type table of one copy of the client. The client writes neither the group of a type nor
 * the literal apiVersion and kind of a root: the group comes from `reference` (a schema with the
 * ids kubernetes-types gives, `core.v1.Container`), else from the one group whose kinds use the
 * type (1.36 `V1MutatingAdmissionPolicySpec`, beta before, is only under admissionregistration
 * kinds); the kinds come from the API classes.
 */
export function kubernetesClientTable(packageDir: string, reference: CompactSchema): TypeTable & { renames: Map<string, Map<string, string>> } {
	const groups = new Map<string, string>();
	for (const type of reference.types) {
		const [group, version, name] = type.n.split('.');
		if (name && !groups.has(`${version}.${name}`)) groups.set(`${version}.${name}`, group);
	}
	const models = join(packageDir, 'dist', 'gen', 'models');
	const parsed = new Map<string, { path: string; node: ts.ClassDeclaration }>();
	for (const file of readdirSync(models).filter((f) => f.endsWith('.d.ts'))) {
		const path = join(models, file);
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
		for (const statement of source.statements) if (ts.isClassDeclaration(statement) && statement.name) parsed.set(statement.name.text, { path, node: statement });
	}
	const roots = kindRoots(join(packageDir, 'dist', 'gen'), parsed);
	const used = groupsOfUse(roots, parsed);
	const classes = new Map<string, Declared>();
	const renames = new Map<string, Map<string, string>>();
	for (const [name, { path, node }] of parsed) {
		const id = idOf(name, groups, used.get(name));
		classes.set(name, { id, file: path, node });
		// Fields whose JSON name is no identifier (`$ref`) or a reserved word (`continue`, `default`) are renamed in the class; attributeTypeMap keeps the JSON name.
		const renamed = new Map<string, string>();
		for (const [, field, json] of readFileSync(path.replace(/\.d\.ts$/, '.js'), 'utf8').matchAll(ATTRIBUTE)) if (field !== json) renamed.set(field, json);
		if (renamed.size) renames.set(id, renamed);
	}
	return {
		renames,
		lookup: (name) => classes.get(name),
		roots: () => roots.flatMap(({ apiVersion, kind, model }) => [{ apiVersion, kind, declared: classes.get(model)! }]),
	};
}

/** The group whose kinds alone use each class (`apps` for `V1DeploymentStrategy`); a class kinds of several groups use has none. */
function groupsOfUse(roots: ClientRoot[], parsed: Map<string, { node: ts.ClassDeclaration }>): Map<string, string | undefined> {
	const used = new Map<string, string | undefined>();
	for (const { apiVersion, model } of roots) {
		const group = apiVersion.includes('/') ? apiVersion.split('.')[0].split('/')[0] : 'core';
		const stack = [model];
		const seen = new Set<string>();
		while (stack.length) {
			const name = stack.pop()!;
			if (seen.has(name)) continue;
			seen.add(name);
			used.set(name, used.has(name) && used.get(name) !== group ? undefined : group);
			for (const member of parsed.get(name)?.node.members ?? []) {
				if (!ts.isPropertyDeclaration(member) || !member.type) continue;
				const visit = (node: ts.Node): void => {
					if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && parsed.has(node.typeName.text)) stack.push(node.typeName.text);
					node.forEachChild(visit);
				};
				visit(member.type);
			}
		}
	}
	return used;
}

/** `V1Container` -> `core.v1.Container`; a type neither the reference nor the kinds place keeps no group (`v1.Container`). */
function idOf(name: string, groups: Map<string, string>, used: string | undefined): string {
	const match = CLASS_NAME.exec(name);
	if (!match) return name;
	const [, prefix, version, type] = match;
	const key = `${version.toLowerCase()}.${type}`;
	const group = prefix?.toLowerCase() ?? groups.get(key) ?? used;
	return group ? `${group}.${key}` : key;
}

/**
 * The kinds each API class creates (`createNamespacedDeployment(namespace, body: V1Deployment)`),
 * and their lists. Only the API classes the package exports count: its generated folder keeps the
 * files of group versions that an earlier generation had and the release no longer serves
 * (`ResourceV1alpha2Api`, `FlowcontrolApiserverV1beta3Api`; 2.0 `SchedulingV1alpha1Api`).
 */
function kindRoots(gen: string, classes: Map<string, unknown>): ClientRoot[] {
	const apis = join(gen, 'apis');
	const exported = new Set([...readFileSync(join(gen, 'index.d.ts'), 'utf8').matchAll(EXPORTED_API)].map((m) => m[1]));
	if (exported.size === 0) throw new Error(`${gen}: index.d.ts exports no API class`);
	const roots: ClientRoot[] = [];
	for (const file of readdirSync(apis).filter((f) => /Api\.d\.ts$/.test(f) && exported.has(f.slice(0, -'.d.ts'.length))).sort()) {
		const path = API_PATH.exec(readFileSync(join(apis, file.replace(/\.d\.ts$/, '.js')), 'utf8'));
		if (!path) continue;
		const apiVersion = path[1] ? `${path[1]}/${path[2]}` : path[2];
		const source = ts.createSourceFile(file, readFileSync(join(apis, file), 'utf8'), ts.ScriptTarget.Latest, false);
		const api = source.statements.find(ts.isClassDeclaration);
		for (const method of api?.members.filter(ts.isMethodDeclaration) ?? []) {
			const body = method.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === 'body');
			if (!body?.type || !ts.isTypeReferenceNode(body.type) || !ts.isIdentifier(body.type.typeName) || !ts.isIdentifier(method.name)) continue;
			const model = body.type.typeName.text;
			const kind = CLASS_NAME.exec(model)?.[3];
			// Only a kind's own create: `createNamespacedPodEviction` posts an Eviction of another group to a pod.
			if (!kind || !/^create(Namespaced)?$/.test(method.name.text.slice(0, -kind.length)) || !method.name.text.endsWith(kind)) continue;
			for (const [name, root] of [[model, kind], [`${model}List`, `${kind}List`]]) {
				if (classes.has(name) && !roots.some((r) => r.apiVersion === apiVersion && r.kind === root)) roots.push({ apiVersion, kind: root, model: name });
			}
		}
	}
	return roots;
}

/** Gives renamed fields their JSON names back (`_continue` -> `continue`, `ref` -> `$ref`). */
export function jsonNames(schema: CompactSchema, renames: Map<string, Map<string, string>>): void {
	for (const type of schema.types) {
		const renamed = renames.get(type.n);
		if (!renamed) continue;
		type.p = Object.fromEntries(Object.entries(type.p).map(([field, ref]) => [renamed.get(field) ?? field, ref]));
		if (type.r) type.r = type.r.map((field) => renamed.get(field) ?? field);
	}
}

/**
 * The client types quantities as strings; a reference schema of a near release knows which fields
 * are quantities or int-or-string, and where it knows the field, its scalar type is kept.
 */
export function refineScalars(schema: CompactSchema, reference: CompactSchema): void {
	const known = new Map(reference.types.map((t) => [t.n, t]));
	for (const type of schema.types) {
		const other = known.get(type.n);
		const [group, , name] = type.n.split('.');
		for (const [field, ref] of Object.entries(type.p)) {
			const before = other?.p[field];
			if (before && /^[[{]?s$/.test(ref) && before.replace(/[qx]$/, 's') === ref) type.p[field] = before;
			else if (name && /^[[{]?s$/.test(ref) && QUANTITIES.has(`${group}.${name}.${field}`)) type.p[field] = ref.replace(/s$/, 'q');
		}
	}
}

/**
 * Quantities of the types no typed reference has (kubernetes-types stops at 1.30, and
 * kubernetes-models leaves out resource.k8s.io before 1.36): `group.Type.field` in every version
 * of the group, as the 1.36 API types of kubernetes-models 5.1.0 write them.
 */
const QUANTITIES = new Set([
	'resource.CapacityRequirements.requests',
	'resource.CapacityRequestPolicy.default',
	'resource.CapacityRequestPolicy.validValues',
	'resource.CapacityRequestPolicyRange.max',
	'resource.CapacityRequestPolicyRange.min',
	'resource.CapacityRequestPolicyRange.step',
	'resource.Counter.value',
	'resource.DeviceCapacity.value',
	'resource.DeviceRequestAllocationResult.consumedCapacity',
	'resource.NodeAllocatableResourceMapping.allocationMultiplier',
	'core.PodStatus.allocatedResources',
	'core.NodeAllocatableResourceClaimStatus.resources',
]);
