/*
 * Writes dist/schemas/<minor>.json, one compact schema per Kubernetes minor version, from the
 * copies of kubernetes-types (1.25 to 1.30), kubernetes-models and @kubernetes/client-node (newer)
 * installed under npm aliases (`kubernetes-types-1-29`, `kubernetes-models-1-33`,
 * `kubernetes-client-1-36`). No package on the registry is generated from 1.31 or 1.35 (client
 * 0.22 is release-1.30, 1.0 is 1.32, 2.0 is 1.36; kubernetes-models goes from 1.29 to 1.33 and
 * from 1.33 to 1.36): those targets use the nearest schema built in. 1.36 comes from the client,
 * not from kubernetes-models 5.1.0, which asks for Node 22 and would make `npm ci` warn on the
 * Node 20 the project supports; built from either, the 1.36 types agree field for field.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readApiTable } from './apiTable';
import { buildSchema, type TypeTable } from './schemas';
import { jsonNames, kubernetesClientTable, refineScalars } from './schemaClient';
import type { CompactSchema } from '../../server/src/service/schema/format';
import { kubernetesModelsTable } from './schemaModels';
import { kubernetesTypesTable } from './schemaTypes';
import { checkRelease } from './schemaReleases';

const root = join(__dirname, '..', '..');
const out = join(root, 'dist', 'schemas');
// A version no longer built must not linger in the package.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const modules = join(root, 'node_modules');
const apiTablePath = join('knowledge', 'tables', 'api-versions.yaml');
const apiRows = readApiTable(apiTablePath, readFileSync(join(root, apiTablePath), 'utf8')).rows;

interface Candidate {
	minor: string;
	source: string;
	/** The client's tables need a schema built from typed sources: they come last. */
	client?: boolean;
	table: () => TypeTable & { renames?: Map<string, Map<string, string>> };
}

/** Schemas built so far, the reference of the client's tables. */
const built: CompactSchema[] = [];
/** The built schema nearest to a minor version (the newer one on a tie: fields are added, not removed). */
const referenceFor = (minor: string): CompactSchema => {
	const distance = (s: CompactSchema) => Math.abs(Number(s.version.split('.')[1]) - Number(minor.split('.')[1]));
	const best = [...built].sort((a, b) => distance(a) - distance(b) || b.version.localeCompare(a.version, undefined, { numeric: true }))[0];
	if (!best) throw new Error('the client schemas need kubernetes-types or kubernetes-models installed');
	return best;
};

const candidates: Candidate[] = [];
for (const name of readdirSync(modules)) {
	const types = /^kubernetes-types(-\d+-\d+)?$/.test(name);
	const models = /^kubernetes-models-(\d+)-(\d+)$/.exec(name);
	const client = /^kubernetes-client-(\d+)-(\d+)$/.exec(name);
	if (!types && !models && !client) continue;
	const packageDir = join(modules, name);
	const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
	if (types) {
		// kubernetes-types is versioned as the Kubernetes release it was generated from.
		candidates.push({ minor: version.split('.').slice(0, 2).join('.'), source: `kubernetes-types ${version}`, table: () => kubernetesTypesTable(packageDir) });
	} else if (models) {
		// kubernetes-models and the client have versions of their own: the alias names the release, checked below against fields that release added.
		candidates.push({ minor: `${models[1]}.${models[2]}`, source: `kubernetes-models ${version}`, table: () => kubernetesModelsTable([packageDir, apimachineryOf(packageDir)]) });
	} else if (client) {
		const minor = `${client[1]}.${client[2]}`;
		candidates.push({ minor, source: `@kubernetes/client-node ${version}`, client: true, table: () => kubernetesClientTable(packageDir, referenceFor(minor)) });
	}
}

const versions: string[] = [];
for (const candidate of candidates.sort((a, b) => Number(a.client ?? false) - Number(b.client ?? false) || a.source.localeCompare(b.source))) {
	const { minor } = candidate;
	if (versions.includes(minor)) continue;
	const started = performance.now();
	const table = candidate.table();
	const schema = buildSchema(table, minor, candidate.source);
	if (table.renames) jsonNames(schema, table.renames);
	if (candidate.client) refineScalars(schema, referenceFor(minor));
	checkRelease(schema);
	built.push(schema);
	// kubernetes-models keeps the API versions that older releases removed: drop those this release no longer serves.
	for (const row of apiRows) {
		if (!row.removedIn || Number(row.removedIn.split('.')[1]) > Number(minor.split('.')[1])) continue;
		delete schema.kinds[`${row.version}/${row.kind}`];
		delete schema.kinds[`${row.version}/${row.kind}List`];
	}
	const json = JSON.stringify(schema);
	writeFileSync(join(out, `${minor}.json`), json);
	versions.push(minor);
	if (!process.argv.includes('--quiet')) {
		process.stdout.write(`schema ${minor}: ${schema.source}, ${Object.keys(schema.kinds).length} kinds, ${schema.types.length} types, ${(json.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms\n`);
	}
}
writeFileSync(join(out, 'index.json'), JSON.stringify(versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))));

/** The @kubernetes-models/apimachinery a copy of kubernetes-models resolves to (its own node_modules first). */
function apimachineryOf(packageDir: string): string {
	for (let dir = packageDir; ; dir = dirname(dir)) {
		const candidate = join(dir, 'node_modules', '@kubernetes-models', 'apimachinery');
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) throw new Error(`${packageDir}: @kubernetes-models/apimachinery is not installed`);
	}
}
