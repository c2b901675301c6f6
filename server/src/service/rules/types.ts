import type { KnowledgeGraph } from '../knowledge/graph';
import type { Localized } from '../knowledge/types';
import type { NodePath } from '../manifest/types';
import type { Severity, Settings } from '../settings';
import type { SchemaCatalog } from '../schema/catalog';
import type { Scope } from '../workspace/scope';
import type { IndexedFile, IndexedResource, WorkspaceIndex } from '../workspace/index';

/** What a rule gets: the resource to check and read access to everything around it. */
export interface RuleContext {
	entry: IndexedResource;
	file: IndexedFile;
	index: WorkspaceIndex;
	graph: KnowledgeGraph;
	settings: Settings;
	/** Resources in the same namespace and scope (nearest kustomization, else workspace folder). */
	scope: Scope;
	/** The built-in API schemas per Kubernetes version, when the front end has them. */
	schemas?: SchemaCatalog;
}

/** Another resource involved in a finding, shown as related information. */
export interface RelatedLocation {
	uri: string;
	/** Absolute offsets in that file. */
	start: number;
	end: number;
	message: Localized;
}

/** A text edit as absolute offsets in the checked file, or in the file `uri` names. */
export interface OffsetEdit {
	start: number;
	end: number;
	newText: string;
	/** Another indexed file the edit applies to (a fix that changes the resource a finding points at). */
	uri?: string;
}

export interface Fix {
	title: Localized;
	edits: OffsetEdit[];
	/** The preferred fix of a diagnostic (applied by "auto fix"). */
	preferred?: boolean;
}

/** One problem a rule found. */
export interface Finding {
	/** Path of the offending node in the document; `key` targets the map key instead of the value. */
	path: NodePath;
	key?: boolean;
	message: Localized;
	/** Overrides the rule's severity for this finding (rules with two levels). */
	severity?: Severity;
	related?: RelatedLocation[];
	fixes?: Fix[];
}

/** A rule: one file, one fixture. */
export interface Rule {
	id: string;
	severity: Severity;
	/** One line: what the rule looks for. */
	description: Localized;
	/** Kinds the rule looks at; the runner skips the others. Omit for every kind. */
	kinds?: string[];
	/**
	 * True when the findings depend only on the document itself, the graph and the settings
	 * (never on other resources): validation then reuses them while the document is unchanged.
	 */
	local?: boolean;
	/**
	 * What a cross-resource rule reads besides its own document: resource kinds, `Kind:names` for a
	 * rule that reads only the names and namespaces of a kind (whether one exists, a near name,
	 * where it sits), and the keys of READS for broader inputs. Validation keeps the rule's findings for an unchanged document
	 * until something of these changes (the scope's layout always counts: kustomizations, charts,
	 * templates, broken documents). A rule without it runs again after every change; `'*'` says
	 * the same. Settings and the graph are always part of the key.
	 */
	reads?: string[];
	check(context: RuleContext): Finding[];
}

/** Keys a rule's `reads` may hold beside kinds (see WorkspaceIndex.changedAt). */
export const READS = {
	/** Every resource that carries a pod template (any kind: workloads, Argo Rollouts...). */
	podTemplates: '#pods',
	/** Every custom resource (an API group with a dot). */
	customResources: '#custom',
	/** The kinds the cluster profile is inferred from (workspace/profile.ts). */
	profile: ['DaemonSet', 'Deployment', 'CustomResourceDefinition', 'RuntimeClass', 'StorageClass'],
	/**
	 * The same, including where their documents sit: a message that names the file and line of the
	 * profile's evidence (originText) changes when text above the evidence changes. `@Kind` keys
	 * count only while the rule has findings for the document (no finding, no place to move).
	 */
	profilePlaces: ['DaemonSet', 'Deployment', 'CustomResourceDefinition', 'RuntimeClass', 'StorageClass', '@DaemonSet', '@Deployment', '@CustomResourceDefinition'],
	/** Anything in the workspace: the rule runs again after every change. */
	anything: '*',
} as const;
