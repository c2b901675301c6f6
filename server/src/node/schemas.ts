import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SchemaSource } from '../service/schema/catalog';
import type { CompactSchema } from '../service/schema/format';

/** The API schemas built into dist/schemas, each version read when first needed. */
export function loadSchemas(distDir: string): SchemaSource | undefined {
	const folder = join(distDir, 'schemas');
	const indexPath = join(folder, 'index.json');
	if (!existsSync(indexPath)) return undefined;
	let versions: string[];
	try {
		versions = (JSON.parse(readFileSync(indexPath, 'utf8')) as unknown[]).filter((v): v is string => typeof v === 'string');
	} catch {
		return undefined;
	}
	return {
		versions,
		load(version) {
			try {
				return JSON.parse(readFileSync(join(folder, `${version}.json`), 'utf8')) as CompactSchema;
			} catch {
				// A damaged package loses schema validation, not the other checks.
				return undefined;
			}
		},
	};
}
