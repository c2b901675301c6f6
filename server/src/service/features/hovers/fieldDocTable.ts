import type { FieldDoc } from '../hoverContext';

/**
 * The compact field description table written at build time (dist/fielddocs.json) from the
 * npm package kubernetes-types. Types are stored once (one PodSpec for every workload kind),
 * so a lookup walks the path through them.
 */
export interface FieldDocTable {
	/** The kubernetes-types version the descriptions come from. */
	version: string;
	/** Every description once; fields refer to them by index. */
	texts: string[];
	/** Type name -> field -> [text index, type name of the field's value when it is an object]. */
	types: Record<string, Record<string, [number] | [number, string]>>;
	/** Kind -> [apiVersion, root type name]; the first group listed wins a shared kind name. */
	kinds: Record<string, [string, string]>;
}

/**
 * The description of the field at a path pattern (`spec.template.spec.containers[].image`) of a
 * kind. A custom resource that shares a built-in kind's name (Knative's `Service`) gets none.
 */
export function describeField(table: FieldDocTable, apiVersion: string, kind: string, pattern: string): FieldDoc | undefined {
	const root = Object.prototype.hasOwnProperty.call(table.kinds, kind) ? table.kinds[kind] : undefined;
	if (!root || !pattern || !isBuiltInGroup(apiVersion)) return undefined;
	let type: string | undefined = root[1];
	let entry: [number] | [number, string] | undefined;
	for (const segment of pattern.split('.')) {
		const fields: FieldDocTable['types'][string] | undefined = type && Object.prototype.hasOwnProperty.call(table.types, type) ? table.types[type] : undefined;
		const name = segment.replace(/(\[\])+$/, '');
		entry = fields && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
		if (!entry) return undefined;
		type = entry[1];
	}
	const text = entry && table.texts[entry[0]];
	return text ? { text, apiVersion: root[0], version: table.version } : undefined;
}

/** Kubernetes' own API groups: the core group, the dotless ones (`apps`, `extensions`) and `*.k8s.io`. */
function isBuiltInGroup(apiVersion: string): boolean {
	const slash = apiVersion.indexOf('/');
	const group = slash < 0 ? '' : apiVersion.slice(0, slash);
	return !group.includes('.') || group.endsWith('.k8s.io');
}
