import { parse } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../../server/src/service/settings';

/** A place where a fixture says a rule must fire: 0-based line and columns of the carets. */
export interface Expected {
	line: number;
	start: number;
	end: number;
	rule: string;
	severity?: string;
}

const MARKER = /^(\s*)#(\s*)(\^+)\s+([a-z0-9-]+)(?:\s+(error|warning|info|hint))?\s*$/;
const SETTINGS = /^#\s*settings:\s*(.+)$/m;

/**
 * Reads the must-fire markers of a fixture: a comment line of carets under the text a rule must
 * flag, with the rule id (and optionally the severity). Marker lines stacked under one line all
 * refer to that line. The caret column is the column of the first `^`.
 */
export function readMarkers(text: string): Expected[] {
	const lines = text.split('\n');
	const out: Expected[] = [];
	let target = -1;
	for (let i = 0; i < lines.length; i++) {
		const match = MARKER.exec(lines[i]);
		if (!match) {
			target = i;
			continue;
		}
		const start = lines[i].indexOf('^');
		out.push({ line: target, start, end: start + match[3].length, rule: match[4], severity: match[5] });
	}
	return out;
}

/** Settings a fixture asks for in a `# settings: {...}` comment. */
export function readFixtureSettings(text: string): Partial<Settings> {
	const match = SETTINGS.exec(text);
	return match ? (parse(match[1]) as Partial<Settings>) : {};
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];

/** A diagnostic in marker terms: single-line ranges keep their end, longer ones end with their first line. */
export function asMarker(d: Diagnostic, lines: string[]): Expected {
	const end = d.range.end.line === d.range.start.line ? d.range.end.character : lines[d.range.start.line].trimEnd().length;
	return { line: d.range.start.line, start: d.range.start.character, end, rule: String(d.code), severity: SEVERITY_NAMES[d.severity ?? 1] };
}

export function key(e: Expected, withSeverity: boolean): string {
	return `line ${e.line + 1}, columns ${e.start + 1}-${e.end}: ${e.rule}${withSeverity && e.severity ? ` (${e.severity})` : ''}`;
}
