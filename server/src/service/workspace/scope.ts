import type { Settings } from '../settings';
import { chartCouldLabel, chartCouldName } from './charts';
import type { IndexedResource, WorkspaceIndex } from './index';

/** The resources a cross-resource rule may consider: same namespace, same scope folder. */
export class Scope {
	private readonly folder: string;
	readonly namespace: string;

	constructor(
		private readonly index: WorkspaceIndex,
		readonly entry: IndexedResource,
		private readonly settings: Settings,
	) {
		this.folder = index.scopeOf(entry.uri);
		this.namespace = namespaceOf(entry, settings);
	}

	/** Resources of a kind in this namespace and scope (partial documents included). */
	ofKind(kind: string, namespace = this.namespace): IndexedResource[] {
		return this.index.ofKind(kind).filter((e) => this.holds(e, namespace));
	}

	/** Resources of a kind and name in this namespace and scope. */
	named(kind: string, name: string, namespace = this.namespace): IndexedResource[] {
		return this.index.named(kind, name).filter((e) => this.holds(e, namespace));
	}

	/** Cluster-scoped resources (PV, StorageClass, RuntimeClass) of the same scope folder. */
	clusterScoped(kind: string, name?: string): IndexedResource[] {
		const list = name === undefined ? this.index.ofKind(kind) : this.index.named(kind, name);
		return list.filter((e) => this.index.scopeOf(e.uri) === this.folder);
	}

	/** Resources of a kind and name in another namespace of the scope (to say "it exists elsewhere"). */
	elsewhere(kind: string, name: string): IndexedResource[] {
		return this.index.named(kind, name).filter((e) => this.index.scopeOf(e.uri) === this.folder && namespaceOf(e, this.settings) !== this.namespace);
	}

	/**
	 * True when the scope holds Helm templates or Kustomize patches (a chart and an overlay are scopes
	 * of their own): what they produce is unknown, so rules must not say that something is missing.
	 */
	get hasPartial(): boolean {
		return this.index.partialScopes().has(this.folder);
	}

	/** True when a Helm chart outside this scope could render pods with all these labels. */
	chartCouldLabel(labels: Record<string, string>): boolean {
		return chartCouldLabel(this.index, this.folder, labels);
	}

	/** True when a Helm chart outside this scope could render a resource of this name. */
	chartCouldName(name: string): boolean {
		return chartCouldName(this.index, this.folder, name);
	}

	private holds(e: IndexedResource, namespace: string): boolean {
		return namespaceOf(e, this.settings) === namespace && this.index.scopeOf(e.uri) === this.folder;
	}
}

/** The namespace a resource lands in: its own, else the configured default. */
export function namespaceOf(entry: IndexedResource, settings: Settings): string {
	return entry.resource.namespace ?? settings.defaultNamespace;
}
