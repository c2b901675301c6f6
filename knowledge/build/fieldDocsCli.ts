/* Writes dist/fielddocs.json from the doc comments of the npm package kubernetes-types. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFieldDocTable } from './fieldDocs';

const root = join(__dirname, '..', '..');
const packageDir = dirname(require.resolve('kubernetes-types/package.json', { paths: [root] }));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
const read = (module: string) => {
	const path = join(packageDir, `${module}.d.ts`);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

const table = buildFieldDocTable(read, version);
const out = join(root, 'dist', 'fielddocs.json');
mkdirSync(dirname(out), { recursive: true });
const json = JSON.stringify(table);
writeFileSync(out, json);
if (!process.argv.includes('--quiet')) {
	const fields = Object.values(table.types).reduce((n, t) => n + Object.keys(t).length, 0);
	process.stdout.write(`field docs: kubernetes-types ${version}, ${Object.keys(table.kinds).length} kinds, ${Object.keys(table.types).length} types, ${fields} fields, ${(json.length / 1024).toFixed(0)} KiB -> ${out}\n`);
}
