import type { CompactSchema } from './format';
import { linkCompact, type ObjectNode } from './nodes';

/** What the front end hands in: the schema versions built into the package, read on demand. */
export interface SchemaSource {
	/** Minor versions available, e.g. ["1.25", "1.26", "1.29", "1.30"]. */
	versions: string[];
	load(version: string): CompactSchema | undefined;
}

/** The schema of one Kubernetes version: a kind's root object type by apiVersion and kind. */
export interface VersionSchemas {
	version: string;
	source: string;
	rootOf(apiVersion: string, kind: string): ObjectNode | undefined;
}

/**
 * Linked schemas per source, shared by every catalog over it: a service made anew (settings
 * changed, a benchmark's fresh open) neither reads nor links a version twice.
 */
const linkedBySource = new WeakMap<SchemaSource, Map<string, VersionSchemas | undefined>>();

/** Picks and links the schema of the version nearest to the target, once per version. */
export class SchemaCatalog {
	private readonly linked: Map<string, VersionSchemas | undefined>;
	private readonly nearest = new Map<string, string>();

	constructor(private readonly source: SchemaSource) {
		let linked = linkedBySource.get(source);
		if (!linked) linkedBySource.set(source, (linked = new Map()));
		this.linked = linked;
	}

	/** The schemas of the nearest built-in version (the lower one on a tie). */
	forVersion(target: string): VersionSchemas | undefined {
		let version = this.nearest.get(target);
		if (version === undefined) this.nearest.set(target, (version = nearestVersion(this.source.versions, target) ?? ''));
		if (!version) return undefined;
		if (!this.linked.has(version)) this.linked.set(version, this.link(version));
		return this.linked.get(version);
	}

	private link(version: string): VersionSchemas | undefined {
		const schema = this.source.load(version);
		if (!schema) return undefined;
		const objects = linkCompact(schema);
		return {
			version: schema.version,
			source: schema.source,
			rootOf: (apiVersion, kind) => {
				const index = schema.kinds[`${apiVersion}/${kind}`];
				return index === undefined ? undefined : objects[index];
			},
		};
	}
}

/** The available minor version nearest to the target ("1.27" -> "1.26" among 1.26 and 1.29). */
export function nearestVersion(versions: string[], target: string): string | undefined {
	const minor = (v: string) => Number(v.split('.')[1]);
	const wanted = minor(target);
	if (!Number.isFinite(wanted)) return versions[versions.length - 1];
	let best: string | undefined;
	for (const v of versions) {
		if (best === undefined || Math.abs(minor(v) - wanted) < Math.abs(minor(best) - wanted)) best = v;
	}
	return best;
}
