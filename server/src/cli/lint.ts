/* `kubelore lint`: reads the paths into the language service's index, then checks and reports file by file. */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { holdYoungGeneration } from '../heapGrowth';
import { MAX_FILE_BYTES, readTextFile, toPosix, type ReadFailure } from '../node/files';
import { graphWithTeam } from '../node/knowledge';
import { cleanFiles, gitPath, type CleanFiles } from '../node/gitTree';
import { allRead, indexSources, readRest, readSources, type SourceFile } from '../node/lint';
import { readProjectConfig, type ProjectConfig } from '../service/config';
import type { Language, Localized } from '../service/knowledge/types';
import type { Severity } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/index';
import type { FailOn, LintOptions } from './args';
import { cachePath, CacheFile, hashOf, indexTool, readIndexFile, reportKey, treeKey, type CachedFile } from './cache';
import { planRun, sameStamps } from './plan';
import { Checker, type CheckOptions } from './check';
import { JsonFormatter } from './formats/json';
import { SarifFormatter } from './formats/sarif';
import { TextFormatter } from './formats/text';
import { PathNames, severityOf, type FormatContext, type Formatter, type InputNote, type RunSummary } from './formats/types';
import { expandInputs } from './inputs';
import { CLI_TEXT, ERROR_CODES, say } from './messages';
import type { FileRecord } from './records';
import { CliError, docsDir, docsUrl, loadGraphFile, packageVersion, growHeapForIndex, readAll, slowHeapGrowth, toolKey, type Runtime } from './runtime';
import { inShard } from './shard';
import { readTeamKnowledge } from './team';
import { colourWanted, createStyle, Output, ProgressLine } from './terminal';
import { checkInWorkers } from './workers';

const RANK: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * Files read between two checks of the young generation's cap (holdYoungGeneration): a check reads
 * the heap's statistics, some 700 bytes of garbage each, and sixteen files make far less than the
 * young generation holds, so no collection it could grow at is missed.
 */
export const HOLD_EVERY = 16;

/** Runs `kubelore lint` and returns the exit status: 0 clean, 1 findings at or above --fail-on, 2 problems. */
export async function runLint(options: LintOptions, runtime: Runtime): Promise<number> {
	const { language, stdout, stderr } = runtime;
	// Asked of git while the knowledge and the index are read (see vouchedByGit).
	const clean = options.shard && options.index !== undefined && !options.cache ? cleanFiles(process.cwd()) : undefined;
	const { data: graphData, key: graphKey } = loadGraphFile(runtime);
	const profile = options.config === undefined ? undefined : { path: resolve(options.config), config: await readConfigOption(options.config, runtime) };
	const projectConfig = profile?.config;
	const progress = new ProgressLine(stderr, Boolean(stderr.isTTY) && !options.quiet);
	const out = new Output(stdout, () => stdout.isTTY && progress.clear());
	const notes: InputNote[] = [];
	const note = (path: string, message: Localized, args: (string | number)[], fatal: boolean) => {
		if (!fatal && options.quiet) return;
		const shown = relative(process.cwd(), resolve(path)) || path;
		const text = say(message, language, ...args.map((a) => (typeof a === 'string' ? errorText(a, language) : a)));
		progress.clear();
		stderr.write(`kubelore: ${toPosix(shown)}: ${text}\n`);
		notes.push({ path: toPosix(shown), message: text, fatal });
	};

	const rulesDir = docsDir(runtime);
	const cwd = process.cwd();
	const paths = new PathNames(cwd);
	const stdinPath = resolve(options.stdinFilename ?? '<stdin>');
	const stdinUri = URI.file(stdinPath).toString();
	if (options.stdinFilename === undefined) paths.name(stdinUri, '<stdin>');
	const roots = new Set<string>();
	const tool = toolKey(runtime);
	const cacheFile = options.cache ? cachePath(options.cacheLocation, cwd) : undefined;
	const cache = cacheFile ? CacheFile.read(cacheFile, tool) : CacheFile.empty(tool);
	// A run the cache may answer for whole leaves the heap's growth as it is until something has to be checked: limiting it costs collections.
	// A run with an index reads the parses of the whole tree, which live to its end (see growHeapForIndex).
	if (options.index !== undefined) growHeapForIndex();
	else if (!cache.header) slowHeapGrowth();
	const started = Date.now();
	const unreadable = (path: string, failure: ReadFailure) => note(path, ...readProblem(failure));
	const indexPath = options.index;
	const indexFile =
		indexPath === undefined
			? undefined
			: readIndexFile(resolve(indexPath), tool, (problem) => {
					if ('code' in problem) throw new CliError(say(CLI_TEXT.indexUnreadable, language, indexPath, errorText(problem.code, language)));
					if ('otherTool' in problem) throw new CliError(say(CLI_TEXT.indexOtherTool, language, indexPath, problem.otherTool, indexTool(tool)));
					throw new CliError(say(CLI_TEXT.indexDamaged, language, indexPath));
				});
	// Whether a file is the shard's own, worked out once per file (the reading and each plan of the run ask).
	const shard = options.shard;
	const own = new Map<string, boolean>();
	const ownFile = (path: string): boolean => {
		if (!shard) return true;
		let mine = own.get(path);
		if (mine === undefined) own.set(path, (mine = inShard(path, cwd, shard)));
		return mine;
	};
	const vouched = await vouchedByGit(indexFile, clean, ownFile, shard !== undefined);
	const files = await readSources(
		expandInputs(options.paths, { exclude: options.exclude, stdinPath, readStdin: () => readAll(runtime.stdin), findConfig: projectConfig === undefined }, roots, (p) =>
			note(p.path, p.message, p.args ?? [], p.fatal),
		),
		unreadable,
		(n) => {
			if (n % HOLD_EVERY === 0) holdYoungGeneration();
			progress.update(() => say(CLI_TEXT.progressReading, language, n));
		},
		// With a cache, a file whose stamp is unchanged is not read; profiles are read always (the team's knowledge is named there).
		cacheFile ? (uri, stamp) => (uri.endsWith('/.kubelore.yaml') ? undefined : cache.hashByStamp(uri, stamp)) : undefined,
		// Only the cache keeps the stamps.
		Boolean(cacheFile),
		vouched,
	);
	indexFile?.forgetBlobs();
	const team = await readTeamKnowledge(options.knowledge, profile, files, graphData, (path, message) => note(path, { en: message, zh: message }, [], false));
	const graph = graphWithTeam(graphData, team);
	const checkOptions: CheckOptions = { language, rules: options.rules, projectConfig, docsBase: pathToFileURL(rulesDir).toString(), cwd, distDir: runtime.distDir, identities: options.format === 'sarif' };
	// Everything a file's findings may depend on beyond its own text: when any of it changes, the cross-file rules run again.
	const base = [checkOptions, graphKey, team ? [[...team.notes], team.entities] : null, [...roots].sort()];
	const shardOf = (list: SourceFile[]) => list.filter((s) => s.report && ownFile(s.path));
	// The run key is for the cache alone: without one, the tree need not be hashed for it.
	const runKey = (list: SourceFile[]) => (cacheFile ? hashOf([...base, list.map((s) => [s.uri, s.hash])]) : '');
	let plan = planRun(cache, runKey(files), shardOf(files));
	let cachedProfile = cache.header?.run === plan.run ? cache.header.profile : undefined;
	// Without a cache, the files not read are those git vouched for: read when a rule needs their text (see indexSources).
	let sources: SourceFile[] | undefined = allRead(files) || !cacheFile ? files : undefined;
	if (!sources && (plan.tasks.length > 0 || (plan.reported.length > 0 && !cachedProfile))) {
		// Something has to be checked: every text is needed after all (a file may have changed since its stamp).
		slowHeapGrowth();
		sources = readRest(files, unreadable, holdYoungGeneration);
		plan = planRun(cache, runKey(sources), shardOf(sources));
		cachedProfile = cache.header?.run === plan.run ? cache.header.profile : undefined;
	}
	const { run, checked, tasks, reported } = plan;
	// The files a run only reads for the others' findings (the other shards' files) keep the values of the index as stored until a rule reads one.
	const checkedUris = new Set(reported.map((s) => s.uri));
	const known = (hash: string, uri?: string) => cache.parse(hash) ?? indexFile?.parse(hash, uri !== undefined && !checkedUris.has(uri));
	const remember = (hash: string, record: FileRecord) => cache.remember(hash, record);
	const folders = [...roots];

	const context: FormatContext = { language, style: createStyle(colourWanted(stdout, runtime.env)), paths, version: packageVersion(runtime), docsDir: rulesDir, docsUrl: docsUrl(runtime), shard: options.shard };
	const formatter = createFormatter(options.format, context);
	const summary: RunSummary = { files: 0, filesWithFindings: 0, counts: { error: 0, warning: 0, info: 0, hint: 0 }, notes };
	await out.write(formatter.begin());
	const report = async (uri: string, found: Diagnostic[]) => {
		const diagnostics = options.quiet ? found.filter((d) => severityOf(d) === 'error') : found;
		summary.files++;
		holdYoungGeneration();
		if (diagnostics.length) summary.filesWithFindings++;
		for (const d of diagnostics) summary.counts[severityOf(d)]++;
		await out.write(formatter.file({ uri, diagnostics }));
		progress.update(() => say(CLI_TEXT.progressChecking, language, summary.files, reported.length));
	};
	const profileFor = reported[0]?.uri;
	let profileReported = cachedProfile;
	if (tasks.length || (profileFor && !profileReported)) slowHeapGrowth();
	if (tasks.length > 1 && options.jobs > 1 && sources) {
		const named: [string, string][] = options.stdinFilename === undefined ? [[stdinUri, '<stdin>']] : [];
		// Worker threads are handed every text.
		const texts = allRead(sources) ? sources : readRest(sources, unreadable);
		const done = await checkInWorkers(Math.min(options.jobs, tasks.length), { distDir: runtime.distDir, team, options: checkOptions, folders, profileFor, named }, texts, known, remember, tasks);
		for (const result of done.results) checked.set(result.uri, { hash: '', ...result });
		profileReported = done.profile;
	} else if (sources && (tasks.length || (profileFor && !profileReported))) {
		const index = new WorkspaceIndex();
		indexSources(index, sources, known, cacheFile ? remember : undefined, (path) => note(path, CLI_TEXT.changedWhileChecked, [], true));
		index.setFolders(folders.map((r) => URI.file(r).path));
		const checker = new Checker(index, graph, checkOptions);
		const pending = new Set(tasks.map((t) => t.uri));
		const earlier = new Map(tasks.map((t) => [t.uri, t.earlier]));
		// Checked in the order of the report, written as they come.
		for (const source of reported) {
			const hit = checked.get(source.uri);
			if (!pending.has(source.uri) && hit) {
				await report(source.uri, hit.diagnostics);
				continue;
			}
			const result = checker.check(source.uri, earlier.get(source.uri));
			// Kept for the cache only: without it, a file's findings are let go once written.
			if (cacheFile) checked.set(source.uri, { hash: source.hash, ...result });
			await report(source.uri, result.diagnostics);
		}
		if (profileFor) {
			// The index's report, when it was made of this very tree for the same settings and paths (and the built-in knowledge: team knowledge may name other plugins).
			const key = indexFile && !team ? reportKey({ graphKey, roots: folders, cwd, language, tree: treeKey(sources), settings: checker.settingsFor(profileFor) }) : undefined;
			profileReported = (key === undefined ? undefined : indexFile?.indexedReport(key)) ?? checker.profile(profileFor, paths);
		}
	}
	if (summary.files === 0) for (const source of reported) await report(source.uri, checked.get(source.uri)!.diagnostics);
	progress.clear();
	summary.profile = profileReported;
	await out.write(formatter.end(summary));
	await out.flush();
	if (cacheFile && (tasks.length || cache.header?.run !== run || Object.keys(cache.header.files).length !== reported.length || !sameStamps(cache, sources ?? files))) {
		const found: Record<string, CachedFile> = {};
		for (const source of reported) found[source.uri] = { ...checked.get(source.uri)!, hash: source.hash };
		const read = sources ?? files;
		cache.write(cacheFile, run, found, new Set(read.map((s) => s.hash)), { started, sources: read, profile: summary.profile });
	}
	indexFile?.close();
	cache.close();
	if (notes.some((n) => n.fatal)) return 2;
	return failing(summary, options.failOn) ? 1 : 0;
}

/**
 * For a shard with an index and no cache: the hash of a file another shard reports, without reading
 * it, when git vouches that the file is the blob the index read at that path (tracked and unchanged
 * in both checkouts). Such a file is read only if a rule needs its text. Undefined otherwise (every
 * file is read): no shard, no index (or one made outside git), no git, or a cache (whose run key
 * hashes every text; git is then not asked, see `clean` in runLint).
 */
async function vouchedByGit(
	indexFile: CacheFile | undefined,
	asked: Promise<CleanFiles | undefined> | undefined,
	ownFile: (path: string) => boolean,
	sharded: boolean,
): Promise<((path: string) => string | undefined) | undefined> {
	const clean = indexFile?.header?.blobs ? await asked : undefined;
	if (!sharded || !indexFile || !clean) return undefined;
	return (path) => {
		if (ownFile(path)) return undefined;
		const name = gitPath(clean, path);
		const blob = name === undefined ? undefined : clean.blobs.get(name);
		return blob === undefined ? undefined : indexFile.hashOfBlob(blob, name!);
	};
}

/** An error code in words ("EACCES" -> "permission denied"); other text stays as it is. */
export function errorText(codeOrMessage: string, language: Language): string {
	const known = ERROR_CODES[codeOrMessage];
	return known ? say(known, language) : codeOrMessage;
}

function createFormatter(format: LintOptions['format'], context: FormatContext): Formatter {
	if (format === 'json') return new JsonFormatter(context);
	if (format === 'sarif') return new SarifFormatter(context);
	return new TextFormatter(context);
}

/** True when a finding at or above the --fail-on severity was reported. */
function failing(summary: RunSummary, failOn: FailOn): boolean {
	if (failOn === 'none') return false;
	return (Object.keys(RANK) as Severity[]).some((s) => RANK[s] <= RANK[failOn] && summary.counts[s] > 0);
}

/** How a file that was not read is reported: skipped files are notes, unreadable ones problems. */
export function readProblem(failure: ReadFailure): [Localized, string[], boolean] {
	if (failure.reason === 'too-large') return [CLI_TEXT.tooLarge, [String(MAX_FILE_BYTES / 1024 / 1024)], false];
	if (failure.reason === 'binary') return [CLI_TEXT.binary, [], false];
	return [CLI_TEXT.unreadable, [failure.code ?? failure.error], true];
}

/** Reads the --config file; a missing or invalid one stops the run with its problems listed. */
async function readConfigOption(path: string, runtime: Runtime): Promise<ProjectConfig> {
	const { language } = runtime;
	const read = await readTextFile(resolve(path));
	if ('error' in read) throw new CliError(say(CLI_TEXT.configUnreadable, language, path, errorText(read.code ?? read.error, language)));
	const { config, problems } = readProjectConfig(read.text);
	const lines = problems.map((p) => {
		const before = read.text.slice(0, p.start).split('\n');
		return `${toPosix(path)}:${before.length}:${before[before.length - 1].length + 1}: ${p.severity}: ${p.message}`;
	});
	// Warnings (an unknown rule id, an unquoted version) leave the file in force: say them and go on.
	if (problems.every((p) => p.severity === 'warning')) {
		if (lines.length > 0) runtime.stderr.write(`${lines.join('\n')}\n`);
		return config;
	}
	throw new CliError(`${say(CLI_TEXT.configInvalid, language, path)}\n${lines.join('\n')}`);
}
