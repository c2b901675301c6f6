import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { CompactSchema, CompactType } from '../../server/src/service/schema/format';
import { ENUMS, MISSING_FIELDS, NOT_ENFORCED } from '../../server/src/service/schema/enforced';

/** Aliases of kubernetes-types whose Go types (de)serialize in their own way. */
const ALIASES: Record<string, string> = { Quantity: 'q', Time: 's', MicroTime: 's' };

interface Module {
	interfaces: Map<string, ts.InterfaceDeclaration>;
	aliases: Set<string>;
	/** Imported name -> module path (`meta/v1`). */
	imports: Map<string, string>;
}

/** Builds the compact schema of every kind in one copy of kubernetes-types (a package folder). */
export function buildSchema(packageDir: string, version: string, source: string): CompactSchema {
	const modules = new Map<string, Module>();
	for (const file of declarationFiles(packageDir)) {
		const name = relative(packageDir, file).replace(/\.d\.ts$/, '');
		modules.set(name, parseModule(name, readFileSync(file, 'utf8')));
	}
	const schema: CompactSchema = { version, source, kinds: {}, types: [] };
	const ids = new Map<string, number>();
	const visit = (module: string, name: string): string => {
		const declaration = modules.get(module)?.interfaces.get(name);
		if (!declaration) return '*';
		if (declaration.members.length === 0) return '*'; // RawExtension, JSON, FieldsV1: any value
		const id = `${module.replace('/', '.')}.${name}`;
		let index = ids.get(id);
		if (index !== undefined) return `#${index}`;
		const type: CompactType = { n: id, p: {} };
		index = schema.types.push(type) - 1;
		ids.set(id, index);
		const required: string[] = [];
		for (const member of declaration.members) {
			if (!ts.isPropertySignature(member) || !member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
			const field = member.name.text;
			const ref = member.type ? refOf(member.type, module) : '*';
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
	const refOf = (node: ts.TypeNode, module: string): string => {
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
			const kinds = node.types.map((t) => t.kind).sort();
			return kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword) ? 'x' : '*';
		}
		if (ts.isArrayTypeNode(node)) return `[${refOf(node.elementType, module)}`;
		if (ts.isTypeLiteralNode(node)) {
			const index = node.members.find(ts.isIndexSignatureDeclaration);
			return index ? `{${refOf(index.type, module)}` : '*';
		}
		if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
			const name = node.typeName.text;
			if (name === 'Array' && node.typeArguments?.length === 1) return `[${refOf(node.typeArguments[0], module)}`;
			if (ALIASES[name]) return ALIASES[name];
			const parsed = modules.get(module)!;
			if (parsed.interfaces.has(name)) return visit(module, name);
			const from = parsed.imports.get(name);
			if (from && modules.get(from)?.interfaces.has(name)) return visit(from, name);
		}
		return '*';
	};
	for (const [module, parsed] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
		for (const [name, declaration] of parsed.interfaces) {
			const apiVersion = literalOf(declaration, 'apiVersion');
			const kind = literalOf(declaration, 'kind');
			if (apiVersion && kind) schema.kinds[`${apiVersion}/${kind}`] = Number(visit(module, name).slice(1));
		}
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

function declarationFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : declarationFiles(path);
		return entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

function parseModule(module: string, text: string): Module {
	const source = ts.createSourceFile(`${module}.d.ts`, text, ts.ScriptTarget.Latest, false);
	const parsed: Module = { interfaces: new Map(), aliases: new Set(), imports: new Map() };
	for (const statement of source.statements) {
		if (ts.isInterfaceDeclaration(statement)) parsed.interfaces.set(statement.name.text, statement);
		else if (ts.isTypeAliasDeclaration(statement)) parsed.aliases.add(statement.name.text);
		else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
			const bindings = statement.importClause?.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) continue;
			const from = resolveModule(module, statement.moduleSpecifier.text);
			for (const element of bindings.elements) parsed.imports.set(element.name.text, from);
		}
	}
	return parsed;
}

/** `core/v1` importing `../meta/v1` -> `meta/v1`. */
function resolveModule(from: string, specifier: string): string {
	const parts = from.split('/').slice(0, -1);
	for (const segment of specifier.split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.') parts.push(segment);
	}
	return parts.join('/');
}

function literalOf(declaration: ts.InterfaceDeclaration, field: string): string | undefined {
	for (const member of declaration.members) {
		if (!ts.isPropertySignature(member) || !member.name || !ts.isIdentifier(member.name) || member.name.text !== field) continue;
		const type = member.type;
		if (type && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return type.literal.text;
	}
	return undefined;
}
