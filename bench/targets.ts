/* The targets of the issues, each an upper bound, and the "Targets" table of BENCHMARKS.md. */

export interface Target {
	/** The issue and item that sets it, e.g. "17.1". */
	issue: string;
	what: string;
	/** The measured figure, in the unit of `limit`; NaN when not measured in this run, Infinity when it did not finish in the time allowed. */
	figure: number;
	limit: number;
	unit: 'ms' | 's' | 'MB' | 'ratio' | '%';
	/** Shown beside the figure (what it was compared with, the peer's figure). */
	note?: string;
}

export function format(n: number, unit: Target['unit']): string {
	if (n === Infinity) return 'not done in the time allowed';
	if (!Number.isFinite(n)) return 'n/a';
	switch (unit) {
		case 'ms':
			return `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`;
		case 's':
			return `${n.toFixed(2)} s`;
		case 'MB':
			return `${n < 10 ? n.toFixed(2) : Math.round(n)} MB`;
		case 'ratio':
			return n.toFixed(2);
		case '%':
			return `${Math.round(n)} %`;
	}
}

export type Verdict = 'met' | 'missed' | 'not measured';

export function verdict(t: Target): Verdict {
	if (Number.isNaN(t.figure)) return 'not measured';
	return t.figure <= t.limit ? 'met' : 'missed';
}

const ISSUE_ORDER = (t: Target) => t.issue.split('.').map(Number);

/** The figures of the Targets table of an earlier BENCHMARKS.md, by issue and target. */
export function previousFigures(markdown: string | undefined): Map<string, string> {
	const start = markdown?.indexOf('## Targets') ?? -1;
	const figures = new Map<string, string>();
	if (!markdown || start < 0) return figures;
	for (const m of markdown.slice(start).matchAll(/^\| ([\d.]+) \| (.+?) \| ≤ [^|]+ \| ([^|]+?) \|/gm)) figures.set(`${m[1]} ${m[2]}`, m[3].replace(/ \(.*$/, ''));
	return figures;
}

/** The table: issue, target, figure, the earlier run's figure, verdict; in issue order, stable within an issue. */
export function targetsTable(targets: Target[], previous = new Map<string, string>()): string {
	const sorted = targets
		.map((t, i) => ({ t, i }))
		.sort((a, b) => {
			const [x, y] = [ISSUE_ORDER(a.t), ISSUE_ORDER(b.t)];
			return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0) || a.i - b.i;
		})
		.map(({ t }) => t);
	const count = (v: Verdict) => sorted.filter((t) => verdict(t) === v).length;
	const rows = sorted.map((t) => {
		const v = verdict(t);
		const limit = t.unit === 'ratio' ? `≤ ${t.limit.toFixed(2)}` : `≤ ${format(t.limit, t.unit)}`;
		return `| ${t.issue} | ${t.what} | ${limit} | ${format(t.figure, t.unit)}${t.note ? ` (${t.note})` : ''} | ${previous.get(`${t.issue} ${t.what}`) ?? '-'} | ${v === 'met' ? 'met' : v === 'missed' ? '**missed**' : v} |`;
	});
	return `${count('met')} met, ${count('missed')} missed, ${count('not measured')} not measured in this run.

| issue | target | limit | this run | the run before | |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
