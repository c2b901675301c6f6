/* Turns the paths of `kubelore lint` (files, folders, globs, "-") into the files to read. */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, FileFilter, MAX_FILE_BYTES, readTextFile, toPosix, walkFiles } from '../node/files';
import type { Localized } from '../service/knowledge/types';
import { CLI_TEXT } from './messages';

/** A file to read into the index. Context files are read for the others' sake and not reported. */
export interface InputFile {
	path: string;
	report: boolean;
	/** Text already read (standard input). */
	text?: string;
}

/** A path that could not be used; `fatal` ones make the exit status 2. */
export interface InputProblem {
	path: string;
	message: Localized;
	args?: string[];
	fatal: boolean;
}

export interface InputOptions {
	exclude: string[];
	/** Where standard input is reported, and where its .kubelore.yaml is looked for. */
	stdinPath: string;
	readStdin: () => Promise<string>;
	/** Look for .kubelore.yaml in and above the paths (off when --config names one). */
	findConfig: boolean;
}

const KUSTOMIZATIONS = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const CHARTS = ['Chart.yaml', 'Chart.yml'];
const CONFIG = '.kubelore.yaml';
const STDIN_TOO_LARGE: Localized = { en: 'standard input is larger than {0} MiB, not read', zh: '标准输入大于 {0} MiB，未读取' };

/**
 * Yields the files of every input, and fills `roots` with the workspace folders the index scopes
 * cross-resource rules by: each folder named, else the folder of the file (or the nearest folder
 * above with a kustomization.yaml, as the editor would scope it).
 */
export async function* expandInputs(inputs: string[], options: InputOptions, roots: Set<string>, onProblem: (problem: InputProblem) => void): AsyncGenerator<InputFile> {
	const include = new FileFilter(DEFAULT_INCLUDE, []);
	const exclude = [...DEFAULT_EXCLUDE, ...options.exclude];
	const context = new ContextFinder(options.findConfig);
	for (const input of inputs) {
		if (input === '-') {
			const path = resolve(options.stdinPath);
			const around = await context.around(dirname(path));
			roots.add(around.scope ?? dirname(path));
			yield* around.files;
			const text = await options.readStdin();
			// The same bound as a file on disk: past it the input is generated, not written by hand.
			if (Buffer.byteLength(text) > MAX_FILE_BYTES) onProblem({ path: input, message: STDIN_TOO_LARGE, args: [String(MAX_FILE_BYTES / 1024 / 1024)], fatal: true });
			else yield { path, report: true, text };
			continue;
		}
		const path = resolve(input);
		const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
		if (info instanceof Error) {
			const glob = picomatch.scan(input);
			if (info.code === 'ENOENT' && glob.isGlob) {
				yield* walkGlob(input, glob, exclude, include, context, roots, onProblem);
				continue;
			}
			if (info.code === 'ENOENT') onProblem({ path: input, message: CLI_TEXT.missing, fatal: true });
			else onProblem(unreadable(input, info));
			continue;
		}
		if (info.isDirectory()) {
			const around = await context.around(path);
			roots.add(around.scope ?? path);
			yield* around.files;
			let found = 0;
			const onError = (p: string, e: unknown) => onProblem(unreadable(p, e));
			for await (const file of walkFiles(path, new FileFilter(DEFAULT_INCLUDE, exclude), onError, true)) {
				found++;
				yield { path: file, report: true };
			}
			if (found === 0) onProblem({ path: input, message: CLI_TEXT.emptyFolder, fatal: true });
			continue;
		}
		if (!include.accepts(basename(path))) {
			onProblem({ path: input, message: CLI_TEXT.notYaml, fatal: false });
			continue;
		}
		// A file named on purpose must be read, or the run says so by the name as typed and fails.
		const read = await readTextFile(path);
		if ('error' in read) {
			if (read.reason === 'too-large') onProblem({ path: input, message: CLI_TEXT.tooLarge, args: [String(MAX_FILE_BYTES / 1024 / 1024)], fatal: false });
			else if (read.reason === 'binary') onProblem({ path: input, message: NOT_TEXT, fatal: true });
			else onProblem({ path: input, message: CLI_TEXT.unreadable, args: [read.code ?? read.error], fatal: true });
			continue;
		}
		const around = await context.around(dirname(path));
		roots.add(around.scope ?? dirname(path));
		yield* around.files;
		yield { path, report: true, text: read.text };
	}
}

const NOT_TEXT: Localized = { en: 'cannot be read as text YAML: it is a binary file', zh: '无法作为 YAML 文本读取：这是二进制文件' };

async function* walkGlob(
	input: string,
	glob: ReturnType<typeof picomatch.scan>,
	exclude: string[],
	include: FileFilter,
	context: ContextFinder,
	roots: Set<string>,
	onProblem: (problem: InputProblem) => void,
): AsyncGenerator<InputFile> {
	const base = resolve(glob.base || '.');
	if (!(await stat(base).then((s) => s.isDirectory(), () => false))) {
		onProblem({ path: input, message: CLI_TEXT.noMatch, fatal: true });
		return;
	}
	const around = await context.around(base);
	roots.add(around.scope ?? base);
	yield* around.files;
	const filter = new FileFilter([glob.glob], exclude);
	let found = 0;
	const onError = (p: string, e: unknown) => onProblem(unreadable(p, e));
	for await (const file of walkFiles(base, filter, onError, true)) {
		if (!include.accepts(toPosix(relative(base, file)))) continue;
		found++;
		yield { path: file, report: true };
	}
	if (found === 0) onProblem({ path: input, message: CLI_TEXT.noMatch, fatal: true });
}

/** A folder or file that exists but could not be read (permissions, mostly). */
function unreadable(path: string, error: unknown): InputProblem {
	const code = (error as NodeJS.ErrnoException).code;
	return { path, message: CLI_TEXT.unreadable, args: [code ?? (error as Error).message], fatal: true };
}

/**
 * The files above a path that change how it is read, found once per folder: the nearest
 * .kubelore.yaml (reported, so that its mistakes show), the nearest kustomization (scope and
 * patches) and the Chart.yaml of a chart whose templates/ the path is in.
 */
class ContextFinder {
	private readonly cache = new Map<string, { files: InputFile[]; scope?: string }>();
	private readonly exists = new Map<string, Promise<boolean>>();

	constructor(private readonly findConfig: boolean) {}

	async around(dir: string): Promise<{ files: InputFile[]; scope?: string }> {
		let found = this.cache.get(dir);
		if (found) return found;
		const files: InputFile[] = [];
		let config: string | undefined;
		let kustomization: string | undefined;
		let chart: string | undefined;
		for (let at = dir, below = ''; ; below = at, at = dirname(at)) {
			if (this.findConfig && !config && (await this.isFile(join(at, CONFIG)))) config = join(at, CONFIG);
			if (!kustomization) kustomization = await this.first(at, KUSTOMIZATIONS);
			if (!chart && basename(below) === 'templates') chart = await this.first(at, CHARTS);
			if (dirname(at) === at) break;
		}
		if (config) files.push({ path: config, report: true });
		if (kustomization) files.push({ path: kustomization, report: false });
		if (chart) files.push({ path: chart, report: false });
		found = { files, scope: kustomization ? dirname(kustomization) : undefined };
		this.cache.set(dir, found);
		return found;
	}

	private async first(dir: string, names: string[]): Promise<string | undefined> {
		for (const name of names) if (await this.isFile(join(dir, name))) return join(dir, name);
		return undefined;
	}

	private isFile(path: string): Promise<boolean> {
		let known = this.exists.get(path);
		if (!known) this.exists.set(path, (known = stat(path).then((s) => s.isFile(), () => false)));
		return known;
	}
}
