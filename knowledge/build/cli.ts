/* Builds dist/graph.json from knowledge/entities and prints a summary: `npm run knowledge`. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { checkEntitiesAgainstTable, readApiTable } from './apiTable';
import { buildGraph, type Article, type SourceFile } from './builder';
import { GRAPH_CORE_FILE, withoutBodies } from './graphFiles';
import { readCoverage } from './coverage';
import { pluginTableProblems } from './pluginTable';

const root = join(__dirname, '..', '..');
const quiet = process.argv.includes('--quiet');
const out = join(root, 'dist', 'graph.json');

function walk(dir: string): string[] {
	let files: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) files = files.concat(walk(full));
		else if (entry.name.endsWith('.md')) files.push(full);
	}
	return files.sort();
}

const files: SourceFile[] = walk(join(root, 'knowledge', 'entities')).map((path) => ({
	path: relative(root, path),
	text: readFileSync(path, 'utf8'),
}));
const articles = parse(readFileSync(join(root, 'knowledge', 'sources.yaml'), 'utf8')) as Record<string, Article>;
const { graph, problems } = buildGraph(files, articles, { strict: true });
const apiTablePath = join('knowledge', 'tables', 'api-versions.yaml');
const apiTable = readApiTable(apiTablePath, readFileSync(join(root, apiTablePath), 'utf8'));
graph.apiVersions = apiTable.rows;
problems.push(...apiTable.problems, ...checkEntitiesAgainstTable(graph.entities, apiTable.rows), ...pluginTableProblems(graph.entities));
const coverage = readCoverage(readFileSync(join(root, 'knowledge', 'IDS.md'), 'utf8'));
const ids = new Set(graph.entities.map((e) => e.id));
for (const [category, list] of coverage) {
	for (const id of list) {
		if (!ids.has(id)) problems.push({ file: 'knowledge/IDS.md', line: 1, message: `coverage: "${id}" (${category}) has no document` });
	}
}

for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(graph));
writeFileSync(join(dirname(out), GRAPH_CORE_FILE), JSON.stringify(withoutBodies(graph)));

const relations = graph.entities.reduce((n, e) => n + e.relations.length, 0);
const mentions = graph.entities.reduce((n, e) => n + e.mentions.length, 0);
const bilingual = graph.entities.filter((e) => e.summary.en && e.summary.zh).length;
const sourced = graph.entities.filter((e) => e.sources.length > 0).length;
const covered = [...coverage.values()].flat().filter((id) => ids.has(id)).length;
const total = [...coverage.values()].flat().length;
if (!quiet) {
	const perCategory = new Map<string, number>();
	for (const e of graph.entities) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
	console.log(`entities: ${graph.entities.length}`);
	for (const [category, n] of [...perCategory].sort()) console.log(`  ${category.padEnd(14)} ${n}`);
	console.log(`relations: ${relations}`);
	console.log(`mentions: ${mentions}`);
	console.log(`languages: en+zh ${bilingual}/${graph.entities.length}`);
	console.log(`sourced: ${sourced}/${graph.entities.length}`);
	console.log(`coverage: ${covered}/${total} ids of knowledge/IDS.md`);
	console.log(`problems: ${problems.length}`);
	console.log(`wrote ${relative(process.cwd(), out)}`);
} else {
	console.log(`knowledge: ${graph.entities.length} entities, ${relations} relations, ${problems.length} problems`);
}
process.exitCode = problems.length > 0 ? 1 : 0;
