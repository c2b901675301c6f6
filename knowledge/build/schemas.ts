import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { CompactSchema, CompactType } from '../../server/src/service/schema/format';
import { ENUMS, MISSING_FIELDS, NOT_ENFORCED } from '../../server/src/service/schema/enforced';

/** Type aliases whose Go types (de)serialize in their own way, by their short name. */
const ALIASES: Record<string, string> = { Quantity: 'q', Time: 's', MicroTime: 's', IntOrString: 'x', Date: 's' };

/** A declared type: `core.v1.Container`, the file it is declared in, and its declaration. */
export interface Declared {
	id: string;
	file: string;
	node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.ClassDeclaration;
}

/** The root type of a kind. */
export interface KindRoot {
	apiVersion: string;
	kind: string;
	declared: Declared;
}

/**
 * The declarations of one package of API types (kubernetes-types, kubernetes-models), as the
 * builder needs them: what a reference names, and the kinds (interfaces with a literal
 * apiVersion and kind).
 */
export interface TypeTable {
	/** The declaration a type reference names, seen from the file it is written in. */
	lookup(name: string, file: string): Declared | undefined;
	roots(): KindRoot[];
}

/** Builds the compact schema of every kind in one package of API types. */
export function buildSchema(table: TypeTable, version: string, source: string): CompactSchema {
	const schema: CompactSchema = { version, source, kinds: {}, types: [] };
	const ids = new Map<string, number>();
	const visit = (declared: Declared): string => {
		const { node, id, file } = declared;
		// kubernetes-models names its declarations with an `I` in front (`IQuantity`).
		if (ts.isTypeAliasDeclaration(node)) return ALIASES[node.name.text.replace(/^I(?=[A-Z])/, '')] ?? refOf(node.type, file, id);
		const members = fieldsOf(node);
		if (members.length === 0) return '*'; // RawExtension, JSON, FieldsV1: any value
		return objectType(id, members, file);
	};
	const objectType = (id: string, members: readonly (ts.PropertySignature | ts.PropertyDeclaration)[], file: string): string => {
		let index = ids.get(id);
		if (index !== undefined) return `#${index}`;
		const type: CompactType = { n: id, p: {} };
		index = schema.types.push(type) - 1;
		ids.set(id, index);
		const required: string[] = [];
		for (const member of members) {
			if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) continue;
			const field = member.name.text;
			const ref = member.type ? refOf(member.type, file, `${id}.${field}`) : '*';
			type.p[field] = ref;
			const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
			if (!member.questionToken && !readonly && isEnforced(id, field, ref)) required.push(field);
			const values = ENUMS[`${id}.${field}`];
			if (values) (type.e ??= {})[field] = values;
		}
		Object.assign(type.p, MISSING_FIELDS[id]);
		if (required.length) type.r = required;
		return `#${index}`;
	};
	/** A field's type; `owner` (`apps.v1.StatefulSetSpec.volumeClaimTemplates`) names an object type written in place. */
	const refOf = (node: ts.TypeNode, file: string, owner: string): string => {
		switch (node.kind) {
			case ts.SyntaxKind.StringKeyword:
				return 's';
			case ts.SyntaxKind.NumberKeyword:
				return 'n';
			case ts.SyntaxKind.BooleanKeyword:
				return 'b';
		}
		if (ts.isLiteralTypeNode(node)) return ts.isStringLiteral(node.literal) ? 's' : '*';
		if (ts.isUnionTypeNode(node)) {
			// A union of string literals is an enum (kubernetes-models writes them): a string here; which values the API server really rejects is ENUMS' business.
			if (node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return 's';
			const kinds = node.types.map((t) => t.kind).sort();
			return kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword) ? 'x' : '*';
		}
		if (ts.isArrayTypeNode(node)) return `[${refOf(node.elementType, file, owner)}`;
		if (ts.isTypeLiteralNode(node)) {
			const index = node.members.find(ts.isIndexSignatureDeclaration);
			if (index) return `{${refOf(index.type, file, owner)}`;
			// kubernetes-models writes an embedded object in place (a StatefulSet's claim templates).
			const fields = node.members.filter(ts.isPropertySignature);
			return fields.length ? objectType(owner, fields, file) : '*';
		}
		if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
			const name = node.typeName.text;
			if (name === 'Array' && node.typeArguments?.length === 1) return `[${refOf(node.typeArguments[0], file, owner)}`;
			if (ALIASES[name]) return ALIASES[name];
			const declared = table.lookup(name, file);
			if (declared) return visit(declared);
		}
		return '*';
	};
	for (const { apiVersion, kind, declared } of table.roots()) {
		const ref = visit(declared);
		if (ref.startsWith('#')) schema.kinds[`${apiVersion}/${kind}`] = Number(ref.slice(1));
	}
	return schema;
}

/** Required fields the API server really rejects the object without (see NOT_ENFORCED). */
function isEnforced(id: string, field: string, ref: string): boolean {
	if (ref === 'b' || field === 'apiVersion' || field === 'kind') return false; // false is a valid boolean; the kind is known already
	if (field === 'items' && id.endsWith('List')) return false;
	if (/(Status|Condition)$/.test(id)) return false; // written by controllers, not by manifests
	return !NOT_ENFORCED.has(`${id}.${field}`);
}

/** Every `.d.ts` file under a folder, in a stable order, skipping the folders named. */
export function declarationFiles(dir: string, skip: readonly string[] = ['node_modules']): string[] {
	return readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return skip.includes(entry.name) ? [] : declarationFiles(path, skip);
			return entry.name.endsWith('.d.ts') ? [path] : [];
		});
}

/** The fields of an interface or a class (not its static members). */
function fieldsOf(node: ts.InterfaceDeclaration | ts.ClassDeclaration): (ts.PropertySignature | ts.PropertyDeclaration)[] {
	if (ts.isInterfaceDeclaration(node)) return node.members.filter(ts.isPropertySignature);
	return node.members.filter((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword));
}

/** The kind of an interface with a string literal `apiVersion` and `kind`, the way kubernetes-types and kubernetes-models write a kind's root type. */
export function kindRootOf(declared: Declared): KindRoot | undefined {
	const node = declared.node;
	if (!ts.isInterfaceDeclaration(node)) return undefined;
	const apiVersion = literalOf(node, 'apiVersion');
	const kind = literalOf(node, 'kind');
	return apiVersion && kind ? { apiVersion, kind, declared } : undefined;
}

function literalOf(declaration: ts.InterfaceDeclaration, field: string): string | undefined {
	for (const member of declaration.members) {
		if (!ts.isPropertySignature(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) || member.name.text !== field) continue;
		const type = member.type;
		if (type && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return type.literal.text;
	}
	return undefined;
}
