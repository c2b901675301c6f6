/* The command line: `kubelore lint | search | explain`, over the same language service as the editor. */
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FileFilter } from './node/files';
import { graphWithTeam, loadGraphData } from './node/knowledge';
import { indexPaths, lintIndexed } from './node/lint';
import { KnowledgeSearch, titleOf } from './service/knowledge/search';
import type { Language } from './service/knowledge/types';
import { createLanguageService } from './service/service';
import { DEFAULT_SETTINGS, languageForLocale } from './service/settings';
import { WorkspaceIndex } from './service/workspace/index';

const USAGE = `Usage:
  kubelore lint [paths...] [--language en|zh] [--fail-on error|warning|info]
  kubelore search "<query>" [--json]
  kubelore explain <id|alias> [--language en|zh]`;

const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const SEVERITY_RANK: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	const flags = new Map<string, string>();
	const args: string[] = [];
	for (let i = 0; i < rest.length; i++) {
		const a = rest[i];
		if (a === '--json') flags.set('json', 'true');
		else if (a.startsWith('--')) {
			const [key, inline] = a.slice(2).split('=', 2);
			const value = inline ?? rest[++i];
			if (value === undefined) return usage(`--${key} needs a value`);
			flags.set(key, value);
		} else args.push(a);
	}
	const language: Language = flags.get('language') === 'zh' ? 'zh' : flags.get('language') === 'en' ? 'en' : languageForLocale(process.env.LANG);
	const distDir = __dirname;
	const graph = graphWithTeam(loadGraphData(distDir), undefined);
	if (command === 'search') {
		if (args.length === 0) return usage('search needs a query');
		const hits = new KnowledgeSearch(graph.entities).search(args.join(' '), 10);
		if (flags.has('json')) process.stdout.write(`${JSON.stringify(hits.map((h) => ({ id: h.entity.id, title: h.entity.title, category: h.entity.category, score: h.score })), null, 2)}\n`);
		else for (const h of hits) process.stdout.write(`${h.entity.id.padEnd(28)} ${titleOf(h.entity, language)} (${h.entity.category})\n`);
		return 0;
	}
	if (command === 'explain') {
		const entity = args[0] ? graph.find(args.join(' ')) : undefined;
		if (!entity) return usage(`no entry named "${args.join(' ')}"`);
		process.stdout.write(`${titleOf(entity, language)} [${entity.id}, ${entity.category}]\n\n${entity.body[language] || entity.body.en}\n`);
		return 0;
	}
	if (command !== 'lint') return usage(command ? `unknown command "${command}"` : 'no command');
	const failOn = flags.get('fail-on') ?? 'error';
	if (!(failOn in SEVERITY_RANK)) return usage('--fail-on must be error, warning or info');
	const service = createLanguageService({ index: new WorkspaceIndex(), graph, docsBase: pathToFileURL(join(distDir, '..', 'docs', 'rules')).toString() });
	let ioErrors = 0;
	const uris = await indexPaths(service, args.length ? args : ['.'], new FileFilter(), (path, message) => {
		ioErrors++;
		process.stderr.write(`kubelore: ${path}: ${message}\n`);
	});
	const results = lintIndexed(service, uris, { ...DEFAULT_SETTINGS, language });
	let failing = 0;
	let total = 0;
	for (const result of results) {
		for (const d of result.diagnostics) {
			total++;
			const severity = SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
			if (SEVERITY_RANK[severity] <= SEVERITY_RANK[failOn]) failing++;
			process.stdout.write(`${relative(process.cwd(), result.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code}: ${d.message}\n`);
		}
	}
	process.stdout.write(`${results.length} files, ${total} findings\n`);
	if (ioErrors && results.length === 0) return 2;
	return failing > 0 ? 1 : 0;
}

function usage(message: string): number {
	process.stderr.write(`kubelore: ${message}\n${USAGE}\n`);
	return 2;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		process.stderr.write(`kubelore: ${(error as Error).message}\n`);
		process.exitCode = 2;
	},
);
