import { URI } from 'vscode-uri';
import type { WorkspaceIndex } from './index';

/** What a Helm chart of the workspace (or a templated file outside charts) could render: its name and the text of its templates and values. */
interface ChartText {
	dir: string;
	/** `name` of Chart.yaml: the conventional fullname of a release contains it. */
	name?: string;
	text: string;
	/** True when a template names a resource after the release alone (`name: {{ .Release.Name }}`): any name is possible. */
	anyName: boolean;
	/** Names written partly as template expressions (`name: vttablet-{{uid}}`), as patterns. */
	namePatterns: RegExp[];
}

const cache = new WeakMap<WorkspaceIndex, { generation: number; charts: ChartText[] }>();
const RELEASE_NAME = /\bname:\s*["']?\{\{-?\s*\.Release\.Name\s*-?\}\}["']?\s*$/m;

/** The charts of the index with the text they render from (cached per index generation). */
function chartTexts(index: WorkspaceIndex): ChartText[] {
	const cached = cache.get(index);
	if (cached?.generation === index.generation) return cached.charts;
	const charts: ChartText[] = index.chartFolders().map((dir) => ({ dir, text: '', anyName: false, namePatterns: [] }));
	for (const uri of index.uris) {
		const path = URI.parse(uri).path;
		const chart = charts.filter((c) => path.startsWith(`${c.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];
		const file = index.getFile(uri);
		if (!chart) {
			// A templated file outside any chart (a `{{ }}` manifest a script renders) is a chart of its own.
			const templated = file?.manifest.documents.filter((d) => d.partialReason === 'helm').map((d) => d.text) ?? [];
			if (templated.length > 0) charts.push(looseTemplate(path, templated.join('\n')));
			continue;
		}
		const text = file?.manifest.text ?? '';
		const rest = path.slice(chart.dir.length + 1);
		if (/^Chart\.ya?ml$/.test(rest)) chart.name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
		else if (/^values[^/]*\.ya?ml$/.test(rest) || rest.startsWith('templates/')) {
			chart.text += `\n${text}`;
			if (rest.startsWith('templates/') && RELEASE_NAME.test(text)) chart.anyName = true;
		}
	}
	cache.set(index, { generation: index.generation, charts });
	return charts;
}

/** A templated file outside a chart: what it could render, with the names it writes in part as patterns. */
function looseTemplate(path: string, text: string): ChartText {
	const namePatterns: RegExp[] = [];
	let anyName = false;
	for (const match of text.matchAll(/^\s*name:\s*["']?([^"'#\n]*\{\{[^\n]*?)["']?\s*$/gm)) {
		const parts = match[1].trim().split(/\{\{[\s\S]*?\}\}/);
		if (parts.every((part) => part === '')) anyName = true;
		else namePatterns.push(new RegExp(`^${parts.map(escape).join('.*')}$`));
	}
	return { dir: path, text, anyName, namePatterns };
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the text holds the word whole (`web` is not in `webhook`). */
function mentions(text: string, word: string): boolean {
	return word !== '' && new RegExp(`(^|[^\\w.-])${escape(word)}($|[^\\w.-])`, 'm').test(text);
}

/**
 * True when a chart outside `scope` could render pods with all these labels: each label's value is
 * written in its templates or values, or its key takes a template expression (`app: {{ ... }}`).
 */
export function chartCouldLabel(index: WorkspaceIndex, scope: string, labels: Record<string, string>): boolean {
	const entries = Object.entries(labels);
	if (entries.length === 0) return false;
	return chartTexts(index).some(
		(chart) =>
			chart.dir !== scope &&
			entries.every(([key, value]) => mentions(chart.text, value) || new RegExp(`(^|[\\s"'{,])${escape(key)}["']?:\\s*["']?\\{\\{`, 'm').test(chart.text)),
	);
}

/**
 * True when a chart outside `scope` could render a resource of this name: the name is written in
 * its templates or values, contains the chart's name (the `<release>-<chart>` convention), or a
 * template names resources after the release alone.
 */
export function chartCouldName(index: WorkspaceIndex, scope: string, name: string): boolean {
	return chartTexts(index).some(
		(chart) => chart.dir !== scope && (chart.anyName || mentions(chart.text, name) || (!!chart.name && name.includes(chart.name)) || chart.namePatterns.some((p) => p.test(name))),
	);
}
