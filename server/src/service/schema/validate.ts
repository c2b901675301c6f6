import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { parseQuantity } from '../storage/quantity';
import type { Limits, ObjectNode, ScalarType, SchemaNode } from './nodes';

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
	// One path stack for the whole walk, copied only into issues: most values have none.
	const walk: Walk = { issues: [], path: [...base], depth: base.length, options };
	walkNode(walk, value, root);
	return walk.issues;
}

/** The state of one walk: module-level functions over it, so that a walk makes no closures. */
interface Walk {
	issues: SchemaIssue[];
	path: NodePath;
	/** Length of the path at the root. */
	depth: number;
	options: WalkOptions;
}

const at = (walk: Walk, ...more: (string | number)[]): NodePath => [...walk.path, ...more];

function walkNode(walk: Walk, v: unknown, node: SchemaNode): void {
	// null is accepted everywhere: decoding leaves the field unset.
	if (v === null || v === undefined || walk.path.length > 100) return;
	if (node.kind === 'scalar') return scalar(walk, v, node);
	if (node.kind === 'object') return object(walk, v, node);
	const { path } = walk;
	if (node.kind === 'array') {
		if (!Array.isArray(v)) return void walk.issues.push({ code: 'type', path: at(walk), expected: 'array', value: v });
		for (let i = 0; i < v.length; i++) {
			path.push(i);
			walkNode(walk, v[i], node.items);
			path.pop();
		}
		return;
	}
	if (!isRecord(v)) return void walk.issues.push({ code: 'type', path: at(walk), expected: 'object', value: v });
	for (const key in v) {
		path.push(key);
		walkNode(walk, v[key], node.values);
		path.pop();
	}
}

function object(walk: Walk, v: unknown, node: ObjectNode): void {
	if (!isRecord(v)) return void walk.issues.push({ code: 'type', path: at(walk), expected: 'object', value: v });
	const { path, options } = walk;
	const atRoot = path.length === walk.depth;
	for (const key in v) {
		if (atRoot && options.skipRoot?.includes(key)) continue;
		const field = node.fields.get(key);
		if (field) {
			path.push(key);
			walkNode(walk, v[key], field);
			path.pop();
		} else if (!node.open && !PLACEHOLDER.test(key)) walk.issues.push({ code: 'unknown', path: at(walk, key), field: key, known: [...node.fields.keys()], type: node.name });
	}
	for (const field of node.required) {
		if (v[field] === undefined || v[field] === null) walk.issues.push({ code: 'required', path: at(walk), field, type: node.name });
	}
}

function scalar(walk: Walk, v: unknown, node: Extract<SchemaNode, { kind: 'scalar' }>): void {
	if (node.type === '*') return;
	if (typeof v === 'string' && v.includes('$') && PLACEHOLDER.test(v)) return;
	if (!typeMatches(v, node.type, walk.options)) return void walk.issues.push({ code: 'type', path: at(walk), expected: node.type, value: v });
	if (node.enum && v !== '' && !node.enum.includes(v)) return void walk.issues.push({ code: 'enum', path: at(walk), value: v, allowed: node.enum });
	if (node.limits) limitIssues(v, node.limits, () => at(walk), walk.issues);
}

function limitIssues(v: unknown, limits: Limits, at: () => NodePath, issues: SchemaIssue[]): void {
	const push = (limit: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern', bound: string) => issues.push({ code: 'limit', path: at(), value: v, limit, bound });
	if (typeof v === 'number') {
		if (limits.minimum !== undefined && v < limits.minimum) push('minimum', String(limits.minimum));
		if (limits.maximum !== undefined && v > limits.maximum) push('maximum', String(limits.maximum));
	} else if (typeof v === 'string') {
		const length = [...v].length;
		if (limits.minLength !== undefined && length < limits.minLength) push('minLength', String(limits.minLength));
		if (limits.maxLength !== undefined && length > limits.maxLength) push('maxLength', String(limits.maxLength));
		if (limits.pattern && !limits.pattern.test(v)) push('pattern', limits.pattern.source);
	}
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
