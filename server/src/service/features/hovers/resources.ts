import { URI } from 'vscode-uri';
import { format, t } from '../../l10n/text';
import { rangeOf } from '../../manifest/nodes';
import type { Settings } from '../../settings';
import type { IndexedResource, WorkspaceIndex } from '../../workspace/index';
import { namespaceOf, type Scope } from '../../workspace/scope';
import { escapeMarkdown } from '../entryMarkdown';
import type { HoverContext } from '../hoverContext';
import { HOVER_TEXT } from './labels';

/** `` Deployment `web` `` for a resource named in a hover. */
export function resourceLabel(entry: IndexedResource): string {
	return `${entry.resource.kind} ${code(entry.resource.name ?? '?')}`;
}

/** A resource and a link to where it is written: `` Deployment `web` ([app.yaml:3](file:...#L3)) ``. */
export function resourceWithLink(entry: IndexedResource, c: Pick<HoverContext, 'index' | 'file'>): string {
	return `${resourceLabel(entry)} (${locationLink(entry, c.file.manifest.uri, c.index)})`;
}

/** A link to a resource's `metadata.name` (else its document), labelled with a short path and line. */
export function locationLink(entry: IndexedResource, fromUri: string, index: WorkspaceIndex): string {
	const text = index.getFile(entry.uri)?.text;
	const span = rangeOf(entry.document, ['metadata', 'name']) ?? [entry.document.start, entry.document.start];
	const line = (text?.positionAt(span[0]).line ?? 0) + 1;
	return `[${escapeMarkdown(`${shortPath(fromUri, entry.uri)}:${line}`)}](${entry.uri}#L${line})`;
}

/** The path of a file as seen from another: the name in the same folder, else a relative path. */
export function shortPath(fromUri: string, toUri: string): string {
	const from = URI.parse(fromUri).path.split('/').slice(0, -1);
	const to = URI.parse(toUri).path.split('/');
	let common = 0;
	while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
	const ups = from.length - common;
	return ups > 3 ? to.slice(-2).join('/') : [...Array<string>(ups).fill('..'), ...to.slice(common)].join('/');
}

/** Says that a referenced resource is not in the workspace, and where it might be instead. */
export function notFoundMarkdown(kind: string, name: string, scope: Scope, settings: Settings, options: { clusterScoped?: boolean; known?: boolean } = {}): string {
	const language = settings.language;
	const lines = [
		options.clusterScoped
			? format(t(HOVER_TEXT.notInScopeCluster, language), kind, escapeCode(name))
			: format(t(HOVER_TEXT.notInScope, language), kind, escapeCode(name), escapeCode(scope.namespace)),
	];
	const elsewhere = options.clusterScoped ? [] : scope.elsewhere(kind, name);
	if (elsewhere.length) lines.push(format(t(HOVER_TEXT.existsElsewhere, language), [...new Set(elsewhere.map((e) => code(namespaceOf(e, settings))))].join(', ')));
	if (options.known) lines.push(t(HOVER_TEXT.knownToCluster, language));
	else if (scope.hasPartial) lines.push(t(HOVER_TEXT.partialScope, language));
	return lines.join(' ');
}

/** A single-row table: the small facts of a referenced resource. */
export function factsRow(cells: [string, string | undefined][]): string {
	const present = cells.filter((cell): cell is [string, string] => cell[1] !== undefined && cell[1] !== '');
	if (present.length === 0) return '';
	return `| ${present.map(([k]) => k).join(' | ')} |\n|${present.map(() => '---').join('|')}|\n| ${present.map(([, v]) => v).join(' | ')} |`;
}

/** Inline code that survives any text (backticks inside are doubled around). */
export function code(text: string): string {
	const clean = text.replace(/[\r\n]+/g, ' ');
	return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

function escapeCode(text: string): string {
	return text.replace(/`/g, "'");
}
