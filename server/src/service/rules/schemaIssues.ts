import { isRecord } from '../manifest/parse';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { VersionSchemas } from '../schema/catalog';
import { walkSchema, type SchemaIssue, type WalkOptions } from '../schema/validate';
import { writtenPath } from '../schema/written';
import { QUANTITY_KINDS } from './quantityFields';
import type { RuleContext } from './types';
import { validationApplies } from './validationGate';

/** A schema issue with the version whose schema found it. */
export interface VersionedIssue {
	issue: SchemaIssue;
	version: string;
}

/** What most resources have: one empty list for all, never written to. */
const NO_ISSUES: VersionedIssue[] = [];

const remembered = new WeakMap<object, { schemas: VersionSchemas; issues: SchemaIssue[] }>();

/**
 * The schema issues of the checked resource against the built-in schema of the target version,
 * worked out once per resource value and shared by the schema rules. `List` documents are
 * checked item by item, and documents with merge keys by their merged values. Empty when schema
 * checks are off, the document is partial, or the kind has no built-in schema.
 */
export function schemaIssues(context: RuleContext): VersionedIssue[] {
	const { entry, settings, schemas } = context;
	// Helm templates and Kustomize patches never reach the rules (validation skips partial documents).
	if (settings.validation !== 'all' || !schemas || !validationApplies(context)) return NO_ISSUES;
	const version = schemas.forVersion(settings.kubernetesVersion);
	if (!version) return NO_ISSUES;
	const value = entry.resource.value;
	let cached = remembered.get(value);
	if (!cached || cached.schemas !== version) remembered.set(value, (cached = { schemas: version, issues: asWritten(entry.document, issuesOf(value, version)) }));
	return cached.issues.length === 0 ? NO_ISSUES : cached.issues.map((issue) => ({ issue, version: version.version }));
}

/** Lets go of the issues remembered for a resource value: a run that checks each file once needs them no more after its file. */
export function forgetSchemaIssues(value: object): void {
	remembered.delete(value);
}

/**
 * Issues at the paths their values are written at. Values follow merge keys and aliases; a
 * field merged from an anchor is reported once, where the anchor writes it, though every place
 * that merges it inherits the problem.
 */
function asWritten(document: ManifestDocument, issues: SchemaIssue[]): SchemaIssue[] {
	// Without an anchor there is neither alias nor merge: every path is written as it reads.
	if (issues.length === 0 || !document.text.includes('&')) return issues;
	const seen = new Set<string>();
	const out: SchemaIssue[] = [];
	for (const issue of issues) {
		const path = writtenPath(document, issue.path) ?? issue.path;
		const key = `${issue.code} ${'field' in issue ? issue.field : ''} ${JSON.stringify(path)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(path === issue.path ? issue : { ...issue, path });
	}
	return out;
}

function issuesOf(value: Record<string, unknown>, version: VersionSchemas): SchemaIssue[] {
	if (value.kind === 'List' && value.apiVersion === 'v1') {
		if (!Array.isArray(value.items)) return [];
		return value.items.flatMap((item, i) => (isRecord(item) ? issuesOfObject(item, version, ['items', i]) : []));
	}
	return issuesOfObject(value, version, []);
}

function issuesOfObject(value: Record<string, unknown>, version: VersionSchemas, base: NodePath): SchemaIssue[] {
	const { apiVersion, kind } = value;
	if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
	const root = version.rootOf(apiVersion, kind);
	if (!root) return [];
	// Quantities of these kinds are read by quantity-invalid, with suggestions of its own.
	const issues = walkSchema(value, root, QUANTITY_KINDS.includes(kind) ? WITHOUT_QUANTITIES : WITH_QUANTITIES, base);
	return issues.length === 0 ? issues : issues.filter((issue) => !ownedElsewhere(issue, kind, base));
}

const SKIP_ROOT = ['status', 'apiVersion', 'kind'];
const WITH_QUANTITIES: WalkOptions = { quantities: true, skipRoot: SKIP_ROOT };
const WITHOUT_QUANTITIES: WalkOptions = { quantities: false, skipRoot: SKIP_ROOT };

const WORKLOAD_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** Issues that a more precise rule reports: a missing workload selector (workload-selector-required). */
function ownedElsewhere(issue: SchemaIssue, kind: string, base: NodePath): boolean {
	if (issue.code !== 'required') return false;
	if (issue.field === 'selector' && issue.path.length === base.length + 1 && WORKLOAD_SELECTOR_KINDS.has(kind)) return true;
	return false;
}

/** A type for people: `string`, `integer`, `boolean`, `object`... */
export function typeName(type: string): { en: string; zh: string } {
	switch (type) {
		case 's':
			return { en: 'a string', zh: '字符串' };
		case 'n':
		case 'i':
			return { en: 'an integer', zh: '整数' };
		case 'b':
			return { en: 'a boolean (true or false)', zh: '布尔值（true 或 false）' };
		case 'q':
			return { en: 'a quantity (such as 500m, 128Mi or 2)', zh: '数量（如 500m、128Mi 或 2）' };
		case 'x':
			return { en: 'an integer or a string', zh: '整数或字符串' };
		case 'array':
			return { en: 'a list', zh: '列表' };
		default:
			return { en: 'a mapping (an object)', zh: '映射（对象）' };
	}
}

/** What a value is, for people: `the string "3"`, `a number`, `a list`... */
export function valueName(value: unknown): { en: string; zh: string } {
	if (typeof value === 'string') return { en: `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`, zh: `字符串 "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` };
	if (typeof value === 'number') return { en: `the number ${value}`, zh: `数字 ${value}` };
	if (typeof value === 'boolean') return { en: `the boolean ${value}`, zh: `布尔值 ${value}` };
	if (Array.isArray(value)) return { en: 'a list', zh: '列表' };
	return { en: 'a mapping', zh: '映射' };
}

/** The field a path ends at, for messages (`protocol`; a list item is named by its list: `containers[0]`). */
export function fieldOf(path: NodePath): string {
	const last = path[path.length - 1];
	if (typeof last !== 'number') return String(last ?? '');
	const list = path[path.length - 2];
	return `${String(list ?? '')}[${last}]`;
}
