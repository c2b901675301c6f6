/** The two display languages. */
export type Language = 'en' | 'zh';

export type Localized = Record<Language, string>;

export const RELATION_TYPES = [
	'alternative-to',
	'implements',
	'requires',
	'supports',
	'replaced-by',
	'part-of',
	'recommended-for',
	'conflicts-with',
	'replaces',
	'enforces',
	'audits',
	'monitors',
	'manages',
	'offers',
	'uses',
	'runs-on',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const CATEGORIES = [
	'networking',
	'storage',
	'runtime',
	'security',
	'control-plane',
	'operations',
	'platform',
	'workloads',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Relation {
	type: RelationType;
	target: string;
}

/** A value at a field path that points at an entity: `spec.type: NodePort`. */
export interface ValueMatch {
	field: string;
	value: string;
	kind?: string;
}

/** What in a manifest points at an entity. */
export interface Matches {
	kinds?: string[];
	fields?: string[];
	values?: ValueMatch[];
	annotations?: string[];
	images?: string[];
	provisioners?: string[];
	runtimeHandlers?: string[];
	volumeSources?: string[];
}

export interface SourceRef {
	article: string;
	title: string;
	address?: string;
	origin?: string;
	section: string;
}

/** A passage of a team's own document that mentions an entity. */
export interface TeamNote {
	file: string;
	/** 0-based line of the passage in its file. */
	line: number;
	excerpt: string;
}

/** One entity of the knowledge graph, as graph.json stores it. */
export interface Entity {
	id: string;
	category: Category;
	title: Localized;
	aliases: string[];
	/** The first paragraph of each language's body (markdown). */
	summary: Localized;
	/** The whole body of each language (markdown). */
	body: Localized;
	relations: Relation[];
	facts: Record<string, unknown>;
	matches: Matches;
	docs: string[];
	sources: SourceRef[];
	/** Ids of other entities that the body mentions by alias. */
	mentions: string[];
	/** Where the entity was defined (relative path; team entities: the file). */
	file: string;
	/** Set for entities that a team document added: their text is untrusted. */
	team?: boolean;
}

export interface GraphData {
	version: 1;
	entities: Entity[];
	/** The API version table (knowledge/tables/api-versions.yaml). */
	apiVersions?: ApiVersionRow[];
}

export interface KnowledgeProblem {
	file: string;
	/** 1-based line. */
	line: number;
	message: string;
}

/** What the quick fix of a retired API version does (knowledge/tables/api-versions.yaml). */
export const API_MIGRATIONS = ['apiVersion', 'ingress-v1', 'apps-v1-selector', 'hpa-v2-metrics', 'flowcontrol-v1-shares', 'manual'] as const;
export type ApiMigration = (typeof API_MIGRATIONS)[number];

/** One row of the API version table: a group/version of a kind that upstream deprecated or stopped serving. */
export interface ApiVersionRow {
	kind: string;
	version: string;
	deprecatedIn?: string;
	removedIn?: string;
	replacement?: string;
	replacementSince?: string;
	migration: ApiMigration;
	changes?: Localized;
	/** The upstream guide's section. */
	source: string;
}
