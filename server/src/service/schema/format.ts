/**
 * The compact schema of one Kubernetes minor version, as written to dist/schemas/<version>.json at
 * build time (knowledge/build/schemas.ts) and read by the validator.
 *
 * A type reference is a string: `s` string, `n` number, `b` boolean, `q` quantity (string or
 * number), `x` int-or-string, `*` anything (RawExtension, JSON), `#12` the object type at index 12,
 * `[` + ref an array of ref, `{` + ref a map of string to ref.
 */
export interface CompactSchema {
	/** Minor version, e.g. "1.30". */
	version: string;
	/** Where the types come from, e.g. "kubernetes-types 1.30.0". */
	source: string;
	/** `apiVersion/kind` (e.g. `apps/v1/Deployment`, `v1/Service`) -> object type index. */
	kinds: Record<string, number>;
	types: CompactType[];
}

export interface CompactType {
	/** Group, version and name, e.g. `core.v1.Container`. */
	n: string;
	/** Field -> type reference. */
	p: Record<string, string>;
	/** Fields the API server rejects the object without. */
	r?: string[];
	/** Field -> the only values the API server accepts (for an array of strings: for each item). */
	e?: Record<string, string[]>;
}
