/* Parses the command line into a typed command; mistakes become UsageErrors with a clear message. */
import { availableParallelism } from 'node:os';
import type { Language, Localized } from '../service/knowledge/types';
import { RULES } from '../service/rules/index';
import { languageForLocale, type RuleSetting } from '../service/settings';
import type { HelpTopic } from './help';
import { CLI_TEXT, say } from './messages';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'info' | 'none';

/** What `kubelore lint` was asked to do. */
export interface LintOptions {
	paths: string[];
	format: OutputFormat;
	failOn: FailOn;
	config?: string;
	rules: Record<string, RuleSetting>;
	exclude: string[];
	stdinFilename?: string;
	quiet: boolean;
	/** Report only the files of this shard (1-based index of count); every file is still read. */
	shard?: Shard;
	/** Reuse findings of unchanged files from the cache file. */
	cache: boolean;
	cacheLocation?: string;
	/** A parse index written by `kubelore index --out`, reused for unchanged files. */
	index?: string;
	/** Worker threads that check files; 1 checks on the main thread. */
	jobs: number;
	/** Folders of the team's markdown notes, beside those of .kubelore.yaml `knowledgePaths`. */
	knowledge: string[];
}

/** One of `count` deterministic parts of the files: `--shard index/count`. */
export interface Shard {
	index: number;
	count: number;
}

export type Command =
	| { name: 'lint'; options: LintOptions }
	| { name: 'search'; query: string; json: boolean; limit: number }
	| { name: 'explain'; entry: string; json: boolean }
	| { name: 'index'; out: string; options: LintOptions }
	| { name: 'help'; topic: HelpTopic }
	| { name: 'version' };

/** A mistake on the command line: exit status 2, the message, and where to read more. */
export class UsageError extends Error {
	constructor(
		readonly text: Localized,
		readonly args: (string | number)[] = [],
		readonly topic: HelpTopic = 'general',
	) {
		super(say(text, 'en', ...args));
	}
}

interface OptionSpec {
	name: string;
	short?: string;
	/** Takes a value; `repeat` collects every occurrence. */
	value?: boolean;
	repeat?: boolean;
	choices?: string[];
}

const COMMON: OptionSpec[] = [{ name: 'language', value: true, choices: ['en', 'zh'] }, { name: 'help', short: 'h' }, { name: 'version', short: 'v' }];
const OPTIONS: Record<Exclude<HelpTopic, 'general'>, OptionSpec[]> = {
	lint: [
		{ name: 'format', short: 'f', value: true, choices: ['text', 'json', 'sarif'] },
		{ name: 'fail-on', value: true, choices: ['error', 'warning', 'info', 'none'] },
		{ name: 'config', short: 'c', value: true },
		{ name: 'rule', value: true, repeat: true },
		{ name: 'exclude', value: true, repeat: true },
		{ name: 'stdin-filename', value: true },
		{ name: 'quiet', short: 'q' },
		{ name: 'shard', value: true },
		{ name: 'cache' },
		{ name: 'cache-location', value: true },
		{ name: 'index', value: true },
		{ name: 'jobs', short: 'j', value: true },
		{ name: 'knowledge', value: true, repeat: true },
	],
	index: [
		{ name: 'out', short: 'o', value: true },
		{ name: 'exclude', value: true, repeat: true },
	],
	search: [{ name: 'json' }, { name: 'limit', value: true }],
	explain: [{ name: 'json' }],
};
const RULE_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'];

/** The display language: --language if given (even among bad arguments), else the locale. */
export function languageOf(argv: string[], env: NodeJS.ProcessEnv): Language {
	for (let i = 0; i < argv.length; i++) {
		const value = argv[i] === '--language' ? argv[i + 1] : argv[i].startsWith('--language=') ? argv[i].slice('--language='.length) : undefined;
		if (value === 'en' || value === 'zh') return value;
	}
	return languageForLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Parses `kubelore <command> [options] [arguments]`. Throws a UsageError for any mistake. */
export function parseArgs(argv: string[]): Command {
	const [first, ...rest] = argv;
	if (first === undefined) throw new UsageError(CLI_TEXT.noCommand);
	if (first === '--help' || first === '-h' || first === 'help') {
		const topic = rest[0];
		return { name: 'help', topic: topic === 'lint' || topic === 'search' || topic === 'explain' || topic === 'index' ? topic : 'general' };
	}
	if (first === '--version' || first === '-v') return { name: 'version' };
	if (first !== 'lint' && first !== 'search' && first !== 'explain' && first !== 'index') {
		throw first.startsWith('-') ? new UsageError(CLI_TEXT.unknownOption, [first]) : new UsageError(CLI_TEXT.unknownCommand, [first]);
	}
	const { values, positional } = readOptions(rest, [...COMMON, ...OPTIONS[first]], first);
	if (values.has('help')) return { name: 'help', topic: first };
	if (values.has('version')) return { name: 'version' };
	const one = (name: string) => values.get(name)?.[0];
	if (first === 'search') {
		const query = positional.join(' ').trim();
		if (!query) throw new UsageError(CLI_TEXT.searchNeedsQuery, [], 'search');
		const limit = Number(one('limit') ?? 10);
		if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError(CLI_TEXT.badLimit, [], 'search');
		return { name: 'search', query, json: values.has('json'), limit };
	}
	if (first === 'explain') {
		const entry = positional.join(' ').trim();
		if (!entry) throw new UsageError(CLI_TEXT.explainNeedsName, [], 'explain');
		return { name: 'explain', entry, json: values.has('json') };
	}
	if (positional.filter((p) => p === '-').length > 1) throw new UsageError(CLI_TEXT.tooManyStdin, [], first);
	const options: LintOptions = {
		paths: positional.length ? positional : ['.'],
		format: (one('format') ?? 'text') as OutputFormat,
		failOn: (one('fail-on') ?? 'error') as FailOn,
		config: one('config'),
		rules: parseRuleSettings(values.get('rule') ?? []),
		exclude: values.get('exclude') ?? [],
		stdinFilename: one('stdin-filename'),
		quiet: values.has('quiet'),
		shard: parseShard(one('shard')),
		cache: values.has('cache') || values.has('cache-location'),
		cacheLocation: one('cache-location'),
		index: one('index'),
		jobs: parseJobs(one('jobs')),
		knowledge: values.get('knowledge') ?? [],
	};
	if (first === 'index') {
		const out = one('out');
		if (!out) throw new UsageError(CLI_TEXT.indexNeedsOut, [], 'index');
		if (options.paths.includes('-')) throw new UsageError(CLI_TEXT.indexNoStdin, [], 'index');
		return { name: 'index', out, options };
	}
	return { name: 'lint', options };
}

/** `--shard 2/4`: the second of four parts. */
function parseShard(value: string | undefined): Shard | undefined {
	if (value === undefined) return undefined;
	const match = /^(\d+)\/(\d+)$/.exec(value.trim());
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || count < 1 || count > 1024 || index < 1 || index > count) throw new UsageError(CLI_TEXT.badShard, [value], 'lint');
	return { index, count };
}

/**
 * Below this many cores `--jobs auto` checks in one thread: every worker builds the whole index
 * (cross-file rules need every file), so two workers on a 2-core machine took twice as long as
 * one thread over 5,000 files.
 */
export const AUTO_JOBS_MIN_CORES = 4;

/** The threads of `--jobs auto` on a machine with this many cores: one per core, at most 8, but one below AUTO_JOBS_MIN_CORES. */
export function autoJobs(cores: number): number {
	return cores < AUTO_JOBS_MIN_CORES ? 1 : Math.min(8, cores);
}

/** `--jobs N` (1 to 64), or `auto` (see autoJobs). */
function parseJobs(value: string | undefined): number {
	if (value === undefined) return 1;
	if (value === 'auto') return autoJobs(availableParallelism());
	const jobs = Number(value);
	if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(CLI_TEXT.badJobs, [value], 'lint');
	return jobs;
}

function readOptions(args: string[], specs: OptionSpec[], topic: HelpTopic): { values: Map<string, string[]>; positional: string[] } {
	const values = new Map<string, string[]>();
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--') {
			positional.push(...args.slice(i + 1));
			break;
		}
		if (arg === '-' || !arg.startsWith('-')) {
			positional.push(arg);
			continue;
		}
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const written = eq > 0 ? arg.slice(0, eq) : arg;
		const spec = specs.find((s) => (written.startsWith('--') ? `--${s.name}` === written : s.short !== undefined && `-${s.short}` === written));
		if (!spec) throw new UsageError(CLI_TEXT.unknownOption, [written], topic);
		let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
		if (spec.value && value === undefined) {
			value = args[++i];
			if (value === undefined) throw new UsageError(CLI_TEXT.needsValue, [written], topic);
		}
		if (!spec.value && value !== undefined) throw new UsageError(CLI_TEXT.takesNoValue, [written], topic);
		if (spec.choices && !spec.choices.includes(value ?? '')) throw new UsageError(CLI_TEXT.badChoice, [`--${spec.name}`, spec.choices.join('|'), value ?? ''], topic);
		const list = values.get(spec.name) ?? [];
		if (spec.repeat || list.length === 0) list.push(value ?? '');
		else list[0] = value ?? '';
		values.set(spec.name, list);
	}
	return { values, positional };
}

/** `--rule a=off --rule b=warning,c=error` as rule settings; unknown rules and severities are mistakes. */
function parseRuleSettings(values: string[]): Record<string, RuleSetting> {
	const known = RULES.map((r) => r.id);
	const rules: Record<string, RuleSetting> = {};
	for (const item of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
		const match = /^([a-z0-9-]+)\s*[=:]\s*([a-z]+)$/.exec(item);
		if (!match) throw new UsageError(CLI_TEXT.badRule, [item], 'lint');
		if (!known.includes(match[1])) throw new UsageError(CLI_TEXT.unknownRule, [match[1], known.join(', ')], 'lint');
		if (!RULE_SETTINGS.includes(match[2])) throw new UsageError(CLI_TEXT.badChoice, ['--rule', RULE_SETTINGS.join('|'), match[2]], 'lint');
		rules[match[1]] = match[2] as RuleSetting;
	}
	return rules;
}
