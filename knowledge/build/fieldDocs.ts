import ts from 'typescript';
import type { FieldDocTable } from '../../server/src/service/features/hovers/fieldDocTable';

/** The group/version modules of kubernetes-types whose kinds get descriptions. */
export const FIELD_DOC_MODULES = ['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'storage/v1', 'node/v1', 'rbac/v1', 'policy/v1', 'autoscaling/v2'];

const MAX_LENGTH = 320;

/** Reads one module's source (a .d.ts of kubernetes-types) by module path, e.g. `core/v1`. */
export type ModuleReader = (module: string) => string | undefined;

interface ParsedModule {
	interfaces: Map<string, ts.InterfaceDeclaration>;
	/** Imported name -> module path. */
	imports: Map<string, string>;
}

/** Builds the table from the modules' doc comments, following imports to the types they use. */
export function buildFieldDocTable(read: ModuleReader, version: string, modules = FIELD_DOC_MODULES): FieldDocTable {
	const parsed = new Map<string, ParsedModule | undefined>();
	const parse = (module: string): ParsedModule | undefined => {
		if (!parsed.has(module)) {
			const text = read(module);
			parsed.set(module, text === undefined ? undefined : parseModule(module, text));
		}
		return parsed.get(module);
	};
	const table: FieldDocTable = { version, texts: [], types: {}, kinds: {} };
	const textIndex = new Map<string, number>();
	const indexOf = (text: string): number => {
		let i = textIndex.get(text);
		if (i === undefined) textIndex.set(text, (i = table.texts.push(text) - 1));
		return i;
	};
	const visit = (module: string, name: string): string | undefined => {
		const declaration = parse(module)?.interfaces.get(name);
		if (!declaration) return undefined;
		const id = `${module.replace('/', '.')}.${name}`;
		if (table.types[id]) return id;
		const fields: FieldDocTable['types'][string] = {};
		table.types[id] = fields;
		for (const member of declaration.members) {
			if (!ts.isPropertySignature(member) || !member.name || !ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) continue;
			const field = member.name.text;
			const doc = firstSentences(docComment(member));
			const target = member.type && objectTypeOf(member.type, module, parse(module)!);
			const child = target && visit(target.module, target.name);
			if (!doc && !child) continue;
			fields[field] = child ? [indexOf(doc), child] : [indexOf(doc)];
		}
		return id;
	};
	for (const module of modules) {
		const parsedModule = parse(module);
		if (!parsedModule) continue;
		for (const [name, declaration] of parsedModule.interfaces) {
			const kind = literalOf(declaration, 'kind');
			const apiVersion = literalOf(declaration, 'apiVersion');
			if (!kind || !apiVersion || kind.endsWith('List') || table.kinds[kind]) continue;
			const id = visit(module, name);
			if (id) table.kinds[kind] = [apiVersion, id];
		}
	}
	return table;
}

function parseModule(module: string, text: string): ParsedModule {
	const source = ts.createSourceFile(`${module}.d.ts`, text, ts.ScriptTarget.Latest, true);
	const interfaces = new Map<string, ts.InterfaceDeclaration>();
	const imports = new Map<string, string>();
	for (const statement of source.statements) {
		if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
		else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
			const from = resolveModule(module, statement.moduleSpecifier.text);
			const bindings = statement.importClause?.namedBindings;
			if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) imports.set(element.name.text, from);
		}
	}
	return { interfaces, imports };
}

/** `core/v1` importing `../meta/v1` -> `meta/v1`; `./v1` -> `core/v1`. */
export function resolveModule(from: string, specifier: string): string {
	const parts = from.split('/').slice(0, -1);
	for (const segment of specifier.split('/')) {
		if (segment === '..') parts.pop();
		else if (segment !== '.') parts.push(segment);
	}
	return parts.join('/');
}

/** The interface a property's type names, through `Array<T>` and `T[]`; maps and scalars have none. */
function objectTypeOf(type: ts.TypeNode, module: string, parsed: ParsedModule): { module: string; name: string } | undefined {
	if (ts.isArrayTypeNode(type)) return objectTypeOf(type.elementType, module, parsed);
	if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
	const name = type.typeName.text;
	if (name === 'Array' && type.typeArguments?.length === 1) return objectTypeOf(type.typeArguments[0], module, parsed);
	if (parsed.interfaces.has(name)) return { module, name };
	const imported = parsed.imports.get(name);
	return imported ? { module: imported, name } : undefined;
}

function literalOf(declaration: ts.InterfaceDeclaration, field: string): string | undefined {
	for (const member of declaration.members) {
		if (!ts.isPropertySignature(member) || !member.name || !ts.isIdentifier(member.name) || member.name.text !== field) continue;
		const type = member.type;
		if (type && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return type.literal.text;
	}
	return undefined;
}

function docComment(node: ts.Node): string {
	const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	const comment = docs[0]?.comment;
	return (typeof comment === 'string' ? comment : ts.getTextOfJSDocComment(comment)) ?? '';
}

const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl|ex)\.$/i;

/** The first sentence of a description, or two when the first is very short; no "More info" links. */
export function firstSentences(description: string): string {
	const text = description.replace(/\s+/g, ' ').replace(/\s*More info:\s*\S+\s*/g, ' ').trim();
	const sentences: string[] = [];
	let start = 0;
	for (const match of text.matchAll(/[.!?](?=\s+["'(`]?[A-Z0-9])/g)) {
		const end = match.index + 1;
		const sentence = text.slice(start, end).trim();
		if (ABBREVIATIONS.test(sentence) || /\b[A-Z]\.$/.test(sentence)) continue;
		sentences.push(sentence);
		start = end;
		if (sentences.join(' ').length >= 80) break;
	}
	if (sentences.length === 0 || (sentences.join(' ').length < 80 && start < text.length)) sentences.push(text.slice(start).trim());
	const joined = sentences.filter(Boolean).slice(0, 2).join(' ');
	if (joined.length <= MAX_LENGTH) return joined;
	const cut = joined.slice(0, MAX_LENGTH);
	return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
