/*
 * BENCHMARKS.md is made of `## ` sections. The command line's section is written by bench/cli.ts,
 * the validation figures are printed by bench/validation.ts: this reads both back and turns the
 * figures the issues set targets on into Targets.
 */
import type { Target } from './targets';

/** The section titled `title` (from its `## ` line to the next one), or undefined. */
export function readSection(markdown: string, title: string): string | undefined {
	const start = markdown.indexOf(`## ${title}`);
	if (start < 0) return undefined;
	const end = markdown.indexOf('\n## ', start + 1);
	return (end < 0 ? markdown.slice(start) : markdown.slice(start, end + 1)).trimEnd();
}

interface CliRow {
	label: string;
	wall: number;
	rss: number;
}

/** Rows of bench/cli.ts's table: `| label | 1.23 s | 4.56 s | 789 MB | ... |`. */
function cliRows(section: string): CliRow[] {
	return [...section.matchAll(/^\| ([^|]+?) \| ([\d.]+) s \| [\d.]+ s \| (\d+) MB \|/gm)].map((m) => ({ label: m[1], wall: Number(m[2]), rss: Number(m[3]) }));
}

/** Issue 18's targets from the command line's section (NaN where a row is missing). */
export function cliTargets(section: string | undefined): Target[] {
	const rows = section ? cliRows(section) : [];
	const find = (pattern: RegExp) => rows.find((r) => pattern.test(r.label));
	const single = find(/^5,000 files: one run/);
	const cached = find(/^5,000 files: --cache, unchanged tree/);
	const large = rows.find((r) => /^[\d,]+ files: one run/.test(r.label) && !r.label.startsWith('5,000 '));
	const files = large ? large.label.split(' ')[0] : '50,000';
	const targets: Target[] = [
		{ issue: '18.6', what: '5,000 files: one `kubelore lint` run', figure: single?.wall ?? NaN, limit: 5, unit: 's' },
		{ issue: '18.6', what: '5,000 files: peak RSS of that run', figure: single?.rss ?? NaN, limit: 250, unit: 'MB' },
		{ issue: '18.6', what: '5,000 files: cached rerun over the unchanged tree', figure: cached?.wall ?? NaN, limit: 1, unit: 's' },
	];
	for (const k of [1, 2, 3, 4]) {
		const shard = rows.find((r) => r.label === `${files} files: shard ${k}/4 with --index`);
		targets.push({
			issue: '18.6',
			what: `${files} files${files === '50,000' ? '' : ' (the issue: 50,000)'}: shard ${k}/4 (with the index), share of one run's time`,
			figure: shard && large ? shard.wall / large.wall : NaN,
			limit: 1 / 3,
			unit: 'ratio',
		});
	}
	return targets;
}

const number = (text: string | undefined) => (text === undefined ? NaN : Number(text));

/** Issue 14's targets from bench/validation.ts's output. */
export function validationTargets(output: string): Target[] {
	const open = /open -> diagnostics, (\d+) lines.*validation off ([\d.]+) ms, on ([\d.]+) ms/.exec(output);
	const edit = /edit -> diagnostics, (\d+) lines.*validation off ([\d.]+) ms, on ([\d.]+) ms/.exec(output);
	return [
		{
			issue: '14.6',
			what: `validation's share of open to diagnostics, ${open?.[1] ?? 10000} lines (in-process, bench/validation.ts)`,
			figure: open ? (number(open[3]) / number(open[2]) - 1) * 100 : NaN,
			limit: 20,
			unit: '%',
			note: open ? `off ${open[2]} ms, on ${open[3]} ms` : undefined,
		},
		{ issue: '14.6', what: `edit to diagnostics p95 with validation, ${edit?.[1] ?? 50000} lines (in-process)`, figure: number(edit?.[3]), limit: 60, unit: 'ms' },
	];
}

/** A measure's name without its parenthesis (the counts, which may change between runs). */
export const measureKey = (lines: number | string, measure: string) => `${lines}|${measure.replace(/ \(.*?\)/g, '').trim()}`;

/**
 * KubeLore's figures in the "Single file" table of an earlier BENCHMARKS.md, by line count and
 * measure. Reads this harness's rows (`| name (N lines) | measure | KubeLore |`) and those of the
 * runs before it (`| N | measure | KubeLore |`, whose open was cold and whose hover percentiles
 * counted the first hover).
 */
export function previousSingleFile(markdown: string | undefined): Map<string, string> {
	const figures = new Map<string, string>();
	const section = markdown && readSection(markdown, 'Single file');
	if (!section) return figures;
	for (const m of section.matchAll(/^\| [\w-]+ \((\d+) lines\) \| ([^|]+?) \| ([^|]+?) \|/gm)) figures.set(measureKey(m[1], m[2]), m[3]);
	const older: Record<string, string> = {
		'didOpen to first diagnostics': 'didOpen to first diagnostics, cold: a fresh server',
		'hover p95': 'hover p95, the first hover included',
		'hover p99': 'hover p99, the first hover included',
	};
	for (const m of section.matchAll(/^\| (\d+) \| ([^|]+?) \| ([^|]+?) \|/gm)) figures.set(measureKey(m[1], older[m[2]] ?? m[2]), m[3]);
	return figures;
}
