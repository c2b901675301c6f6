import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDocs } from '../service/features/hoverContext';
import { describeField, type FieldDocTable } from '../service/features/hovers/fieldDocTable';

/** Field descriptions from dist/fielddocs.json, read on the first key hover that needs them. */
export function loadFieldDocs(distDir: string): FieldDocs | undefined {
	const path = join(distDir, 'fielddocs.json');
	if (!existsSync(path)) return undefined;
	let table: FieldDocTable | undefined;
	return (apiVersion, kind, pattern) => {
		table ??= JSON.parse(readFileSync(path, 'utf8')) as FieldDocTable;
		return describeField(table, apiVersion, kind, pattern);
	};
}
