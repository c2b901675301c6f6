import type { CompactSchema } from './format';

/** A scalar's type: string, number, integer, boolean, quantity, int-or-string, or anything. */
export type ScalarType = 's' | 'n' | 'i' | 'b' | 'q' | 'x' | '*';

/** Limits a custom resource's schema may set (the built-in types carry none). */
export interface Limits {
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: RegExp;
}

export type SchemaNode =
	| { kind: 'scalar'; type: ScalarType; enum?: readonly unknown[]; limits?: Limits }
	| { kind: 'array'; items: SchemaNode }
	| { kind: 'map'; values: SchemaNode }
	| ObjectNode;

export interface ObjectNode {
	kind: 'object';
	/** Type name for messages, e.g. `core.v1.Container`. */
	name: string;
	fields: Map<string, SchemaNode>;
	required: readonly string[];
	/** Unknown fields are kept (x-kubernetes-preserve-unknown-fields), not rejected. */
	open?: boolean;
}

export const ANY: SchemaNode = { kind: 'scalar', type: '*' };

/** The object types of a compact schema as linked nodes (types that refer to themselves stay shared). */
export function linkCompact(schema: CompactSchema): ObjectNode[] {
	const objects: ObjectNode[] = schema.types.map((t) => ({ kind: 'object', name: t.n, fields: new Map(), required: t.r ?? [] }));
	const parse = (ref: string, values?: readonly string[]): SchemaNode => {
		if (ref.startsWith('#')) return objects[Number(ref.slice(1))] ?? ANY;
		if (ref.startsWith('[')) return { kind: 'array', items: parse(ref.slice(1), values) };
		if (ref.startsWith('{')) return { kind: 'map', values: parse(ref.slice(1)) };
		if (values) return { kind: 'scalar', type: ref as ScalarType, enum: values };
		return SCALARS[ref] ?? ANY;
	};
	schema.types.forEach((t, i) => {
		for (const [field, ref] of Object.entries(t.p)) objects[i].fields.set(field, parse(ref, t.e?.[field]));
	});
	return objects;
}

const SCALARS: Record<string, SchemaNode> = Object.fromEntries(['s', 'n', 'i', 'b', 'q', 'x', '*'].map((type) => [type, { kind: 'scalar', type: type as ScalarType }]));
