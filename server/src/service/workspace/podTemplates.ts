import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from './index';
import { namespaceOf, type Scope } from './scope';
import { matchLabels, templateLabels, WORKLOAD_KINDS } from './selectors';

/** The resource being looked at and what is around it (a rule's context satisfies it). */
export interface ScopeContext {
	entry: IndexedResource;
	index: WorkspaceIndex;
	settings: Settings;
	/** Resources in the same namespace and scope. */
	scope: Scope;
}

/** The pods a resource makes: their labels and spec, and where the labels are written. */
export interface PodTemplate {
	entry: IndexedResource;
	labels: Record<string, string>;
	/** The label values, for looking a value up under any key. */
	labelValues: string[];
	labelsPath: NodePath;
	specPath: NodePath;
	spec: Record<string, unknown>;
}

/** A port a container of a pod template declares. */
export interface ContainerPort {
	name?: string;
	containerPort?: number;
	protocol: string;
	path: NodePath;
}

/**
 * The pod template of a resource: the built-in workload kinds, and any other kind that carries
 * `spec.template` with containers (Argo Rollouts, OpenKruise CloneSets and the like).
 */
export function podTemplateOf(entry: IndexedResource): PodTemplate | undefined {
	const { resource } = entry;
	// Another kind has a pod template only with `containers` in its value: one without is not read.
	if (resource.mayHold?.('containers') === false && !WORKLOAD_KINDS.includes(resource.kind)) return undefined;
	const base = resource.kind === 'Pod' ? POD_BASE : resource.kind === 'CronJob' ? CRON_JOB_BASE : TEMPLATE_BASE;
	const known = templateLabels(resource);
	// A workload's spec is read when asked for (most templates are looked up by their labels only).
	if (known) return new Template(entry, known, base);
	// Most resources of other kinds have none: their paths are not made for them.
	const template = at(resource.value, base);
	const spec = isRecord(template) ? template.spec : undefined;
	if (!(isRecord(spec) && Array.isArray(spec.containers))) return undefined;
	const labels: Record<string, string> = {};
	const written = at(template, ['metadata', 'labels']);
	if (isRecord(written)) for (const [k, v] of Object.entries(written)) labels[k] = String(v);
	return new Template(entry, labels, base, spec);
}

/** Where the pod template is in a resource of each kind (read only: copied into each template's paths). */
const POD_BASE: NodePath = [];
const CRON_JOB_BASE: NodePath = ['spec', 'jobTemplate', 'spec', 'template'];
const TEMPLATE_BASE: NodePath = ['spec', 'template'];

/** A pod template whose spec is read from its resource's value on first use, unless given (one class: every template has the same shape). */
class Template implements PodTemplate {
	readonly labelValues: string[];
	#spec: Record<string, unknown> | undefined;

	readonly labelsPath: NodePath;
	readonly specPath: NodePath;

	/** `base`: where the pod template is in the resource (see POD_BASE). */
	constructor(
		readonly entry: IndexedResource,
		readonly labels: Record<string, string>,
		base: NodePath,
		spec?: Record<string, unknown>,
	) {
		this.labelValues = Object.values(labels);
		this.labelsPath = [...base, 'metadata', 'labels'];
		this.specPath = [...base, 'spec'];
		this.#spec = spec;
	}

	get spec(): Record<string, unknown> {
		if (this.#spec === undefined) {
			const read = at(this.entry.resource.value, this.specPath);
			this.#spec = isRecord(read) ? read : {};
		}
		return this.#spec;
	}
}

interface ScopeResources {
	templates: PodTemplate[];
	/** Pod templates by `key=value` of each of their labels. */
	byLabel: Map<string, PodTemplate[]>;
	/** Custom resources by name. */
	custom: Map<string, IndexedResource[]>;
}

const cache = new WeakMap<WorkspaceIndex, { generation: number; byFolder: Map<string, ScopeResources> }>();

/** The pod templates and custom resources of a scope folder, in any namespace (cached per index generation). */
function scopeResources(index: WorkspaceIndex, folder: string): ScopeResources {
	let cached = cache.get(index);
	if (!cached || cached.generation !== index.generation) {
		cached = { generation: index.generation, byFolder: new Map() };
		for (const uri of index.uris) {
			const documents = index.getFile(uri)?.manifest.documents ?? [];
			const key = index.scopeOf(uri);
			for (const document of documents) {
				if (!document.resource) continue;
				const entry = { uri, document, resource: document.resource };
				let bucket = cached.byFolder.get(key);
				if (!bucket) cached.byFolder.set(key, (bucket = { templates: [], byLabel: new Map(), custom: new Map() }));
				if (isCustomResource(entry.resource.apiVersion) && entry.resource.name) push(bucket.custom, entry.resource.name, entry);
				const template = podTemplateOf(entry);
				if (!template) continue;
				bucket.templates.push(template);
				for (const [k, v] of Object.entries(template.labels)) push(bucket.byLabel, `${k}=${v}`, template);
			}
		}
		cache.set(index, cached);
	}
	return cached.byFolder.get(folder) ?? { templates: [], byLabel: new Map(), custom: new Map() };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Pod templates in the checked resource's scope folder; `anyNamespace` widens to every namespace there. */
export function podTemplatesInScope(ctx: ScopeContext, anyNamespace = false): PodTemplate[] {
	const templates = scopeResources(ctx.index, ctx.index.scopeOf(ctx.entry.uri)).templates;
	return anyNamespace ? templates : templates.filter((t) => namespaceOf(t.entry, ctx.settings) === ctx.scope.namespace);
}

/** Pod templates of the scope, in any namespace, whose labels a Service selector (AND of all labels) matches. */
export function matchingTemplates(ctx: ScopeContext, selector: Record<string, unknown>): PodTemplate[] {
	const [first] = Object.entries(selector);
	if (!first) return [];
	const candidates = scopeResources(ctx.index, ctx.index.scopeOf(ctx.entry.uri)).byLabel.get(`${first[0]}=${String(first[1])}`) ?? [];
	return candidates.filter((t) => matchLabels(selector, t.labels));
}

/** Pod templates of the scope and namespace whose labels a Service selector (AND of all labels) matches. */
export function selectedTemplates(ctx: ScopeContext, selector: Record<string, unknown>): PodTemplate[] {
	return matchingTemplates(ctx, selector).filter((t) => namespaceOf(t.entry, ctx.settings) === ctx.scope.namespace);
}

/**
 * Custom resources of the scope and namespace that an operator may turn into pods labelled with
 * their name (a `Prometheus` named `k8s` makes pods labelled `prometheus: k8s`).
 */
export function customResourcesNamed(ctx: ScopeContext, names: string[]): IndexedResource[] {
	const custom = scopeResources(ctx.index, ctx.index.scopeOf(ctx.entry.uri)).custom;
	return names.flatMap((name) => custom.get(name) ?? []).filter((e) => namespaceOf(e, ctx.settings) === ctx.scope.namespace);
}

/** API groups with a dot that are not Kubernetes' own (`*.k8s.io`) belong to custom resources. */
function isCustomResource(apiVersion: string): boolean {
	const slash = apiVersion.indexOf('/');
	if (slash < 0) return false;
	const group = apiVersion.slice(0, slash);
	return group.includes('.') && !group.endsWith('.k8s.io') && group !== 'k8s.io';
}

/** Ports declared by the containers, init containers (sidecars) of a pod template. */
export function containerPorts(template: PodTemplate): ContainerPort[] {
	const out: ContainerPort[] = [];
	for (const list of ['containers', 'initContainers']) {
		const containers = template.spec[list];
		if (!Array.isArray(containers)) continue;
		containers.forEach((container, c) => {
			const ports = isRecord(container) ? container.ports : undefined;
			if (!Array.isArray(ports)) return;
			ports.forEach((port, p) => {
				if (!isRecord(port)) return;
				const name = typeof port.name === 'string' && port.name ? port.name : undefined;
				const containerPort = typeof port.containerPort === 'number' ? port.containerPort : typeof port.containerPort === 'string' && /^\d+$/.test(port.containerPort) ? Number(port.containerPort) : undefined;
				const protocol = typeof port.protocol === 'string' && port.protocol ? port.protocol : 'TCP';
				out.push({ name, containerPort, protocol, path: [...template.specPath, list, c, 'ports', p] });
			});
		});
	}
	return out;
}

function at(value: unknown, path: NodePath): unknown {
	let node = value;
	for (const part of path) node = isRecord(node) ? node[part] : Array.isArray(node) && typeof part === 'number' ? node[part] : undefined;
	return node;
}
