import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { parseQuantity } from '../storage/quantity';
import type { ObjectNode, ScalarType, SchemaNode } from './nodes';

/** One thing the API server would reject, found by walking a value along its schema. */
export type SchemaIssue =
	| { code: 'unknown'; path: NodePath; field: string; known: string[]; type: string }
	| { code: 'type'; path: NodePath; expected: ScalarType | 'array' | 'object'; value: unknown }
	| { code: 'enum'; path: NodePath; value: unknown; allowed: readonly unknown[] }
	| { code: 'required'; path: NodePath; field: string; type: string }
	| { code: 'limit'; path: NodePath; value: unknown; limit: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern'; bound: string };

export interface WalkOptions {
	/** Check the text of quantities (off where another rule already does). */
	quantities?: boolean;
	/** Root fields not to walk (`status`: written by controllers, dropped on create). */
	skipRoot?: readonly string[];
}

/** `${VAR}` or `$(VAR)`: the value is filled in later (envsubst, Flux, kubectl-style substitution). */
export const PLACEHOLDER = /\$\{[^}]*\}|\$\([^)]*\)/;

/** YAML 1.1 booleans: kubectl reads manifests as YAML 1.1, so `yes` and `on` are booleans there. */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

/** Every issue of a value against a root object type, in document order. */
export function walkSchema(value: unknown, root: ObjectNode, options: WalkOptions = {}, base: NodePath = []): SchemaIssue[] {
	const issues: SchemaIssue[] = [];
	const walk = (v: unknown, node: SchemaNode, path: NodePath, depth: number): void => {
		// null is accepted everywhere: decoding leaves the field unset.
		if (v === null || v === undefined || depth > 100) return;
		switch (node.kind) {
			case 'scalar':
				return scalar(v, node.type, node, path);
			case 'array':
				if (!Array.isArray(v)) return void issues.push({ code: 'type', path, expected: 'array', value: v });
				return v.forEach((item, i) => walk(item, node.items, [...path, i], depth + 1));
			case 'map':
				if (!isRecord(v)) return void issues.push({ code: 'type', path, expected: 'object', value: v });
				for (const [key, item] of Object.entries(v)) walk(item, node.values, [...path, key], depth + 1);
				return;
			case 'object':
				return object(v, node, path, depth);
		}
	};
	const object = (v: unknown, node: ObjectNode, path: NodePath, depth: number): void => {
		if (!isRecord(v)) return void issues.push({ code: 'type', path, expected: 'object', value: v });
		for (const [key, item] of Object.entries(v)) {
			if (path.length === base.length && options.skipRoot?.includes(key)) continue;
			const field = node.fields.get(key);
			if (field) walk(item, field, [...path, key], depth + 1);
			else if (!node.open && !PLACEHOLDER.test(key)) issues.push({ code: 'unknown', path: [...path, key], field: key, known: [...node.fields.keys()], type: node.name });
		}
		for (const field of node.required) {
			if (v[field] === undefined || v[field] === null) issues.push({ code: 'required', path, field, type: node.name });
		}
	};
	const scalar = (v: unknown, type: ScalarType, node: Extract<SchemaNode, { kind: 'scalar' }>, path: NodePath): void => {
		if (typeof v === 'string' && PLACEHOLDER.test(v)) return;
		if (!typeMatches(v, type, options)) return void issues.push({ code: 'type', path, expected: type, value: v });
		if (node.enum && v !== '' && !node.enum.includes(v)) return void issues.push({ code: 'enum', path, value: v, allowed: node.enum });
		const limits = node.limits;
		if (!limits) return;
		const push = (limit: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern', bound: string) => issues.push({ code: 'limit', path, value: v, limit, bound });
		if (typeof v === 'number') {
			if (limits.minimum !== undefined && v < limits.minimum) push('minimum', String(limits.minimum));
			if (limits.maximum !== undefined && v > limits.maximum) push('maximum', String(limits.maximum));
		} else if (typeof v === 'string') {
			if (limits.minLength !== undefined && [...v].length < limits.minLength) push('minLength', String(limits.minLength));
			if (limits.maxLength !== undefined && [...v].length > limits.maxLength) push('maxLength', String(limits.maxLength));
			if (limits.pattern && !limits.pattern.test(v)) push('pattern', limits.pattern.source);
		}
	};
	walk(value, root, base, 0);
	return issues;
}

function typeMatches(v: unknown, type: ScalarType, options: WalkOptions): boolean {
	switch (type) {
		case '*':
			return true;
		case 's':
			return typeof v === 'string';
		case 'n':
			return typeof v === 'number';
		case 'i':
			return typeof v === 'number' && Number.isInteger(v);
		case 'b':
			return typeof v === 'boolean' || (typeof v === 'string' && YAML11_BOOLEAN.test(v));
		case 'x':
			return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
		case 'q':
			return typeof v === 'number' || (typeof v === 'string' && (!options.quantities || parseQuantity(v.trim()) !== undefined));
	}
}
