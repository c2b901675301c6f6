/*
 * The declarations of kubernetes-models: one `.d.ts` file per type, each exporting its interface
 * (`IContainer`) under the upstream OpenAPI name (`IIoK8sApiCoreV1Container`), which is how the
 * other files refer to it. The meta/v1 types come from @kubernetes-models/apimachinery.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { declarationFiles, kindRootOf, type Declared, type TypeTable } from './schemas';

/** `IIoK8sApiCoreV1Container` -> `core.v1.Container`, the ids kubernetes-types gives (enforced.ts keys on them). */
const OPENAPI_NAME = /^IIoK8s(?:Api|ApimachineryPkgApis|ApiextensionsApiserverPkgApis|KubeAggregatorPkgApis)([A-Z][a-z0-9]*)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;

/** The type table of one copy of kubernetes-models and the apimachinery package it depends on. */
export function kubernetesModelsTable(packageDirs: string[]): TypeTable {
	/** Per file: its own declarations by local name. */
	const files = new Map<string, Map<string, Declared>>();
	/** Upstream OpenAPI name -> declaration. */
	const global = new Map<string, Declared>();
	for (const dir of packageDirs) {
		// _schemas holds compiled validators, not types.
		for (const file of declarationFiles(dir, ['node_modules', '_schemas'])) {
			const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
			const local = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
			const exported = new Map<string, string>();
			for (const statement of source.statements) {
				if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) local.set(statement.name.text, statement);
				else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
					for (const element of statement.exportClause.elements) exported.set((element.propertyName ?? element.name).text, element.name.text);
				}
			}
			const declarations = new Map<string, Declared>();
			for (const [name, node] of local) {
				const openapi = exported.get(name);
				const declared: Declared = { id: openapi ? idOf(openapi) : name, file, node };
				declarations.set(name, declared);
				if (openapi && !global.has(openapi)) global.set(openapi, declared);
			}
			files.set(file, declarations);
		}
	}
	return {
		lookup: (name, file) => files.get(file)?.get(name) ?? global.get(name),
		roots: () => [...files.values()].flatMap((declarations) => [...declarations.values()].flatMap((d) => kindRootOf(d) ?? [])),
	};
}

function idOf(openapi: string): string {
	const match = OPENAPI_NAME.exec(openapi);
	return match ? `${match[1].toLowerCase()}.${match[2].toLowerCase()}.${match[3]}` : openapi.replace(/^I/, '');
}
