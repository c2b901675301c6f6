import type { ApiVersionRow, Entity, GraphData, Language, TeamNote } from './types';

/** Field values of API version facts. */
export interface ApiVersionFact {
	version: string;
	deprecatedIn?: string;
	removedIn?: string;
	replacement?: string;
}

/** Read access to the knowledge: lookup by id, alias and by what a manifest shows. */
export class KnowledgeGraph {
	private readonly byId = new Map<string, Entity>();
	private readonly byAlias = new Map<string, Entity>();
	private readonly byKind = new Map<string, Entity>();
	private readonly byField = new Map<string, Entity[]>();
	private readonly byValue = new Map<string, Entity[]>();
	private readonly byProvisioner = new Map<string, Entity>();
	private readonly byHandler = new Map<string, Entity>();
	private readonly byVolumeSource = new Map<string, Entity>();
	private readonly images: [string, Entity][] = [];
	/** The image patterns by their last path segment (the image's own name), longest pattern first as in `images`. */
	private readonly imagesByName = new Map<string, [string, Entity][]>();
	private readonly annotations: [string, Entity][] = [];
	private readonly notes = new Map<string, TeamNote[]>();
	private readonly apiRows = new Map<string, ApiVersionRow[]>();

	constructor(
		data: GraphData,
		readonly teamEntities: Entity[] = [],
	) {
		for (const entity of [...data.entities, ...teamEntities]) this.add(entity);
		for (const row of data.apiVersions ?? []) push(this.apiRows, row.kind, row);
		this.images.sort((a, b) => b[0].length - a[0].length);
		for (const image of this.images) push(this.imagesByName, lastSegment(image[0]), image);
		this.annotations.sort((a, b) => b[0].length - a[0].length);
	}

	private add(entity: Entity): void {
		if (this.byId.has(entity.id)) return;
		this.byId.set(entity.id, entity);
		for (const alias of [entity.id, ...entity.aliases, entity.title.en, entity.title.zh]) {
			const key = alias.toLowerCase();
			if (!this.byAlias.has(key)) this.byAlias.set(key, entity);
		}
		const m = entity.matches;
		for (const kind of m.kinds ?? []) if (!this.byKind.has(kind)) this.byKind.set(kind, entity);
		for (const field of m.fields ?? []) push(this.byField, field, entity);
		for (const v of m.values ?? []) push(this.byValue, `${v.field}=${v.value}`, entity);
		for (const p of m.provisioners ?? []) if (!this.byProvisioner.has(p)) this.byProvisioner.set(p, entity);
		for (const h of m.runtimeHandlers ?? []) if (!this.byHandler.has(h)) this.byHandler.set(h, entity);
		for (const s of m.volumeSources ?? []) if (!this.byVolumeSource.has(s)) this.byVolumeSource.set(s, entity);
		for (const i of m.images ?? []) this.images.push([i.toLowerCase(), entity]);
		for (const a of m.annotations ?? []) this.annotations.push([a, entity]);
	}

	get entities(): Entity[] {
		return [...this.byId.values()];
	}

	get(id: string): Entity | undefined {
		return this.byId.get(id);
	}

	/** By id, alias or title, case-insensitive. */
	find(name: string): Entity | undefined {
		return this.byId.get(name) ?? this.byAlias.get(name.toLowerCase());
	}

	forKind(kind: string): Entity | undefined {
		return this.byKind.get(kind);
	}

	forField(pattern: string): Entity[] {
		return this.byField.get(pattern) ?? [];
	}

	/** Entities for a value at a field path; `kind` filters value matches restricted to a kind. */
	forValue(pattern: string, value: string, kind?: string): Entity[] {
		const all = this.byValue.get(`${pattern}=${value}`) ?? [];
		return all.filter((e) => e.matches.values?.some((v) => v.field === pattern && v.value === value && (!v.kind || v.kind === kind)));
	}

	forProvisioner(name: string): Entity | undefined {
		return this.byProvisioner.get(name);
	}

	forRuntimeHandler(handler: string): Entity | undefined {
		return this.byHandler.get(handler);
	}

	forVolumeSource(key: string): Entity | undefined {
		return this.byVolumeSource.get(key);
	}

	/** The entity whose image pattern the image reference ends with (registry and tag ignored). */
	forImage(image: string): Entity | undefined {
		const repo = imageRepository(image);
		// Every workload image is looked up again after each edit (the cluster profile): remembered per repository.
		if (this.imageMemo.has(repo)) return this.imageMemo.get(repo);
		let found: Entity | undefined;
		// A pattern the repository is or ends with has the repository's last segment as its own.
		for (const [pattern, entity] of this.imagesByName.get(lastSegment(repo)) ?? []) {
			if (repo === pattern || repo.endsWith(`/${pattern}`)) {
				found = entity;
				break;
			}
		}
		if (this.imageMemo.size > 10_000) this.imageMemo.clear();
		this.imageMemo.set(repo, found);
		return found;
	}

	private readonly imageMemo = new Map<string, Entity | undefined>();

	forAnnotation(key: string): Entity | undefined {
		return this.annotations.find(([prefix]) => key.startsWith(prefix))?.[1];
	}

	/** Entities related to this one, in either direction, with the relation type. */
	neighbours(id: string): { entity: Entity; type: string; outgoing: boolean }[] {
		const out: { entity: Entity; type: string; outgoing: boolean }[] = [];
		const self = this.byId.get(id);
		if (!self) return out;
		for (const r of self.relations) {
			const target = this.byId.get(r.target);
			if (target) out.push({ entity: target, type: r.type, outgoing: true });
		}
		for (const other of this.byId.values()) {
			for (const r of other.relations) {
				if (r.target !== id || other.id === id) continue;
				// alternative-to holds both ways (the builder adds the reverse edge): list it once.
				if (r.type === 'alternative-to' && self.relations.some((o) => o.type === r.type && o.target === other.id)) continue;
				out.push({ entity: other, type: r.type, outgoing: false });
			}
		}
		return out;
	}

	/** Team notes attached to an entity. */
	notesFor(id: string): TeamNote[] {
		return this.notes.get(id) ?? [];
	}

	/** Replaces every team note (after the team folders were indexed again). */
	setNotes(notes: Map<string, TeamNote[]>): void {
		this.notes.clear();
		for (const [id, list] of notes) this.notes.set(id, list);
	}

	// ---- facts the rules read ----

	/** A fact of an entity, or undefined. */
	fact<T = unknown>(id: string, key: string): T | undefined {
		return this.byId.get(id)?.facts[key] as T | undefined;
	}

	/** API versions known for a kind (from the kind's entity). */
	apiVersionsOf(kind: string): ApiVersionFact[] {
		const facts = this.byKind.get(kind)?.facts.apiVersions;
		return Array.isArray(facts) ? (facts as ApiVersionFact[]) : [];
	}

	/** Rows of the API version table (deprecated or no longer served group/versions) for a kind. */
	retiredApiVersions(kind: string): ApiVersionRow[] {
		return this.apiRows.get(kind) ?? [];
	}

	/** The table row of a kind's group/version, if upstream deprecated or stopped serving it. */
	retiredApiVersion(kind: string, version: string): ApiVersionRow | undefined {
		return this.apiRows.get(kind)?.find((r) => r.version === version);
	}

	/** The entity whose in-tree volume source or provisioner has this name. */
	inTreePlugin(nameOrProvisioner: string): Entity | undefined {
		for (const entity of this.byId.values()) {
			const f = entity.facts;
			if (f.inTreePlugin === nameOrProvisioner || f.inTreeProvisioner === nameOrProvisioner) return entity;
		}
		return undefined;
	}

	/** Language-aware text of an entity field. */
	static text(value: Record<Language, string>, language: Language): string {
		return value[language] || value.en || value.zh;
	}
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** `calico/node` -> `node`: what follows the last slash. */
function lastSegment(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/** `docker.io/calico/node:v3.27` -> `calico/node`. */
export function imageRepository(image: string): string {
	let ref = image.trim().toLowerCase();
	const at = ref.indexOf('@');
	if (at >= 0) ref = ref.slice(0, at);
	const slash = ref.lastIndexOf('/');
	const colon = ref.lastIndexOf(':');
	if (colon > slash) ref = ref.slice(0, colon);
	const parts = ref.split('/');
	if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) parts.shift();
	return parts.join('/');
}
