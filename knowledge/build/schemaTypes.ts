/* The declarations of kubernetes-types: one `.d.ts` module per group version (`core/v1`). */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { resolveModule } from './fieldDocs';
import { declarationFiles, kindRootOf, type Declared, type TypeTable } from './schemas';

interface Module {
	declarations: Map<string, Declared>;
	/** Imported name -> module path (`meta/v1`). */
	imports: Map<string, string>;
}

/** The type table of one copy of kubernetes-types (a package folder). */
export function kubernetesTypesTable(packageDir: string): TypeTable {
	const modules = new Map<string, Module>();
	for (const file of declarationFiles(packageDir)) {
		const name = relative(packageDir, file).replace(/\.d\.ts$/, '');
		modules.set(name, parseModule(name, readFileSync(file, 'utf8')));
	}
	return {
		lookup(name, module) {
			const parsed = modules.get(module);
			if (!parsed) return undefined;
			const local = parsed.declarations.get(name);
			if (local) return local;
			const from = parsed.imports.get(name);
			return from === undefined ? undefined : modules.get(from)?.declarations.get(name);
		},
		roots: () =>
			[...modules]
				.sort(([a], [b]) => a.localeCompare(b))
				.flatMap(([, parsed]) => [...parsed.declarations.values()].flatMap((d) => kindRootOf(d) ?? [])),
	};
}

function parseModule(module: string, text: string): Module {
	const source = ts.createSourceFile(`${module}.d.ts`, text, ts.ScriptTarget.Latest, false);
	const parsed: Module = { declarations: new Map(), imports: new Map() };
	for (const statement of source.statements) {
		if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
			const name = statement.name.text;
			parsed.declarations.set(name, { id: `${module.replace('/', '.')}.${name}`, file: module, node: statement });
		} else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
			const bindings = statement.importClause?.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) continue;
			const from = resolveModule(module, statement.moduleSpecifier.text);
			for (const element of bindings.elements) parsed.imports.set(element.name.text, from);
		}
	}
	return parsed;
}
