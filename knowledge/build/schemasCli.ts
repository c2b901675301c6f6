/* Writes dist/schemas/<minor>.json, one compact schema per copy of kubernetes-types (npm aliases per version). */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSchema } from './schemas';

const root = join(__dirname, '..', '..');
const out = join(root, 'dist', 'schemas');
mkdirSync(out, { recursive: true });
const packages = readdirSync(join(root, 'node_modules')).filter((name) => /^kubernetes-types(-\d+-\d+)?$/.test(name));
const versions: string[] = [];
for (const name of packages) {
	const packageDir = dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
	const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
	const minor = version.split('.').slice(0, 2).join('.');
	if (versions.includes(minor)) continue;
	const started = performance.now();
	const schema = buildSchema(packageDir, minor, `kubernetes-types ${version}`);
	const json = JSON.stringify(schema);
	writeFileSync(join(out, `${minor}.json`), json);
	versions.push(minor);
	if (!process.argv.includes('--quiet')) {
		process.stdout.write(`schema ${minor}: ${schema.source}, ${Object.keys(schema.kinds).length} kinds, ${schema.types.length} types, ${(json.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms\n`);
	}
}
writeFileSync(join(out, 'index.json'), JSON.stringify(versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))));
