/* `kubelore index --out FILE`: the parses of every file and the cluster profile, written once for the shards of a CI matrix. */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { toPosix, type ReadFailure } from '../node/files';
import { cleanFiles, gitPath, type CleanFiles } from '../node/gitTree';
import { indexSources, readRest, readSources, type SourceText } from '../node/lint';
import type { Localized } from '../service/knowledge/types';
import { WorkspaceIndex } from '../service/workspace/index';
import { graphWithTeam } from '../node/knowledge';
import type { LintOptions } from './args';
import { CacheFile, reportKey, treeKey } from './cache';
import { Checker, type CheckOptions } from './check';
import type { ProfileReport } from './formats/profile';
import { PathNames } from './formats/types';
import { holdYoungGeneration } from '../heapGrowth';
import { expandInputs } from './inputs';
import { errorText, HOLD_EVERY, readProblem } from './lint';
import { CLI_TEXT, count, say } from './messages';
import { docsDir, loadGraphFile, growHeapForIndex, toolKey, type Runtime } from './runtime';

/** Writes the index file; the exit status is 2 when a path could not be read (the others are still indexed). */
export async function runIndex(out: string, options: LintOptions, runtime: Runtime): Promise<number> {
	const { language, stderr } = runtime;
	growHeapForIndex();
	let fatal = false;
	const roots = new Set<string>();
	const note = (path: string, message: Localized, args: string[], isFatal: boolean) => {
		const shown = toPosix(relative(process.cwd(), resolve(path)) || path);
		stderr.write(`kubelore: ${shown}: ${say(message, language, ...args.map((a) => errorText(a, language)))}\n`);
		fatal ||= isFatal;
	};
	const unreadable = (path: string, failure: ReadFailure) => note(path, ...readProblem(failure));
	const files = await readSources(
		expandInputs(options.paths, { exclude: options.exclude, stdinPath: resolve('<stdin>'), readStdin: () => Promise.resolve(''), findConfig: true }, roots, (p) => note(p.path, p.message, p.args ?? [], p.fatal)),
		unreadable,
		// The young generation's cap is checked as files are read: the run hardly returns to the event loop, where its observer hears of collections.
		(n) => {
			if (n % HOLD_EVERY === 0) holdYoungGeneration();
		},
		undefined,
		// An index keeps no stamps (another checkout reads it).
		false,
	);
	// Without a reuse callback every file was read: this only narrows the type.
	const sources = readRest(files, unreadable);
	// Asked once the files are read (see vouchedHashes): a file changed after it was read is then one git does not vouch for.
	const clean = cleanFiles(process.cwd());
	const { data: graphData, key: graphKey } = loadGraphFile(runtime);
	const cache = CacheFile.empty(toolKey(runtime));
	// Through an index, so that Helm templates (parsed by where they are, not kept) are told apart as in a run.
	const index = new WorkspaceIndex();
	indexSources(index, sources, () => undefined, (hash, record) => cache.remember(hash, record));
	index.setFolders([...roots].map((r) => URI.file(r).path));
	const checkOptions: CheckOptions = { language, rules: {}, docsBase: pathToFileURL(docsDir(runtime)).toString(), cwd: process.cwd(), distDir: runtime.distDir };
	const checker = new Checker(index, graphWithTeam(graphData, undefined), checkOptions);
	// The cluster profile report a shard prints (that of its first file's settings), for each settings the files have: a shard of the same tree prints it as it is.
	const reports: Record<string, ProfileReport> = {};
	const paths = new PathNames(process.cwd());
	const tree = treeKey(sources);
	for (const source of sources) {
		if (!source.report) continue;
		const key = reportKey({ graphKey, roots: [...roots], cwd: process.cwd(), language, tree, settings: checker.settingsFor(source.uri) });
		reports[key] ??= checker.profile(source.uri, paths);
	}
	const path = resolve(out);
	try {
		cache.write(path, '', {}, new Set(sources.map((s) => s.hash)), { reports, blobs: vouchedHashes(await clean, sources) });
	} catch (error) {
		note(out, CLI_TEXT.unreadable, [(error as NodeJS.ErrnoException).code ?? (error as Error).message], true);
		return 2;
	}
	stderr.write(`kubelore: ${say(CLI_TEXT.indexWritten, language, count(sources.length, 'file', language), toPosix(relative(process.cwd(), path)))}\n`);
	return fatal ? 2 : 0;
}

/**
 * The hash of each file read that git vouches for, by its blob ID and path: a shard of the same
 * commit knows the text of such a file, which it only reads for the others' findings, without
 * reading it (git tells it that its copy is the same blob, unchanged).
 */
function vouchedHashes(clean: CleanFiles | undefined, sources: readonly SourceText[]): Record<string, string> | undefined {
	if (!clean) return undefined;
	const blobs: Record<string, string> = {};
	for (const source of sources) {
		const path = gitPath(clean, source.path);
		const blob = path === undefined ? undefined : clean.blobs.get(path);
		if (blob !== undefined) blobs[`${blob} ${path}`] = source.hash;
	}
	return blobs;
}
