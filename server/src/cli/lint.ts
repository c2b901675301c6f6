/* `kubelore lint`: reads the paths into the language service's index, then checks and reports file by file. */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { MAX_FILE_BYTES, readTextFile, toPosix, type ReadFailure } from '../node/files';
import { indexFiles, lintFiles } from '../node/lint';
import { loadSchemas } from '../node/schemas';
import { applyProjectConfig, readProjectConfig, type ProjectConfig } from '../service/config';
import type { Language, Localized } from '../service/knowledge/types';
import { createLanguageService } from '../service/service';
import { DEFAULT_SETTINGS, type Settings, type Severity } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/index';
import { clusterProfile } from '../service/workspace/profile';
import type { FailOn, LintOptions } from './args';
import { JsonFormatter } from './formats/json';
import { profileReport } from './formats/profile';
import { SarifFormatter } from './formats/sarif';
import { TextFormatter } from './formats/text';
import { PathNames, severityOf, type FormatContext, type Formatter, type InputNote, type RunSummary } from './formats/types';
import { expandInputs } from './inputs';
import { CLI_TEXT, ERROR_CODES, say } from './messages';
import { CliError, docsDir, loadGraph, packageVersion, readAll, type Runtime } from './runtime';
import { colourWanted, createStyle, Output, ProgressLine } from './terminal';

const RANK: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** Runs `kubelore lint` and returns the exit status: 0 clean, 1 findings at or above --fail-on, 2 problems. */
export async function runLint(options: LintOptions, runtime: Runtime): Promise<number> {
	const { language, stdout, stderr } = runtime;
	const graph = loadGraph(runtime);
	const projectConfig = options.config === undefined ? undefined : await readConfigOption(options.config, runtime);
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
	const service = createLanguageService({ index: new WorkspaceIndex(), graph, docsBase: pathToFileURL(rulesDir).toString(), schemas: loadSchemas(runtime.distDir) });
	const paths = new PathNames(process.cwd());
	const stdinPath = resolve(options.stdinFilename ?? '<stdin>');
	if (options.stdinFilename === undefined) paths.name(URI.file(stdinPath).toString(), '<stdin>');
	const roots = new Set<string>();
	const inputs = expandInputs(
		options.paths,
		{ exclude: options.exclude, stdinPath, readStdin: () => readAll(runtime.stdin), findConfig: projectConfig === undefined },
		roots,
		(p) => note(p.path, p.message, p.args ?? [], p.fatal),
	);
	const uris = await indexFiles(
		service,
		inputs,
		(path, failure) => note(path, ...readProblem(failure)),
		(n) => progress.update(say(CLI_TEXT.progressReading, language, n)),
	);
	service.index.setFolders([...roots].map((r) => URI.file(r).path));

	const base: Settings = { ...DEFAULT_SETTINGS, language };
	const settingsFor = (uri: string): Settings => {
		const settings = projectConfig ? applyProjectConfig(base, projectConfig) : service.settingsFor(uri, base);
		return { ...settings, rules: { ...settings.rules, ...options.rules } };
	};
	const context: FormatContext = { language, style: createStyle(colourWanted(stdout, runtime.env)), paths, version: packageVersion(runtime), docsDir: rulesDir };
	const formatter = createFormatter(options.format, context);
	const summary: RunSummary = { files: 0, filesWithFindings: 0, counts: { error: 0, warning: 0, info: 0, hint: 0 }, notes };
	await out.write(formatter.begin());
	for (const result of lintFiles(service, uris, settingsFor)) {
		const diagnostics = (options.quiet ? result.diagnostics.filter((d) => severityOf(d) === 'error') : result.diagnostics).sort(byPosition);
		summary.files++;
		if (diagnostics.length) summary.filesWithFindings++;
		for (const d of diagnostics) summary.counts[severityOf(d)]++;
		await out.write(formatter.file({ uri: result.uri, diagnostics }));
		progress.update(say(CLI_TEXT.progressChecking, language, summary.files, uris.length));
	}
	progress.clear();
	if (uris.length > 0) summary.profile = profileReport(clusterProfile(service.index, graph, settingsFor(uris[0])), service.index, graph, paths, language);
	await out.write(formatter.end(summary));
	if (notes.some((n) => n.fatal)) return 2;
	return failing(summary, options.failOn) ? 1 : 0;
}

/** An error code in words ("EACCES" -> "permission denied"); other text stays as it is. */
function errorText(codeOrMessage: string, language: Language): string {
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

function byPosition(a: Diagnostic, b: Diagnostic): number {
	return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** How a file that was not read is reported: skipped files are notes, unreadable ones problems. */
function readProblem(failure: ReadFailure): [Localized, string[], boolean] {
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
