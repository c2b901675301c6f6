import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDocs } from '../service/features/hoverContext';

/** Table written at build time: kind -> field path -> description. */
type FieldTable = Record<string, Record<string, string>>;

/** Field descriptions from dist/fielddocs.json, read on the first key hover that needs them. */
export function loadFieldDocs(distDir: string): FieldDocs | undefined {
	const path = join(distDir, 'fielddocs.json');
	if (!existsSync(path)) return undefined;
	let table: FieldTable | undefined;
	return (_apiVersion, kind, fieldPath) => {
		table ??= JSON.parse(readFileSync(path, 'utf8')) as FieldTable;
		return table[kind]?.[fieldPath];
	};
}
