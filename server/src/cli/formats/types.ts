/* What the output formats share: one file's findings in, text chunks out, written as they come. */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { Language } from '../../service/knowledge/types';
import type { Severity } from '../../service/settings';
import { toPosix } from '../../node/files';
import type { Shard } from '../args';
import type { Style } from '../terminal';
import type { ProfileReport } from './profile';

/** The findings of one file, as the service reported them. */
export interface FileReport {
	uri: string;
	diagnostics: Diagnostic[];
}

/** A path that could not be checked: `fatal` ones make the exit status 2, the others are notes. */
export interface InputNote {
	path: string;
	message: string;
	fatal: boolean;
}

/** Counts of the whole run, for the closing summary. */
export interface RunSummary {
	files: number;
	filesWithFindings: number;
	counts: Record<Severity, number>;
	notes: InputNote[];
	/** The cluster profile the run assumed (configured or inferred from the files). */
	profile?: ProfileReport;
}

/**
 * An output format. Each method returns the text to write at that moment, so a run of thousands
 * of files never holds more than one file's findings.
 */
export interface Formatter {
	begin(): string;
	file(report: FileReport): string;
	end(summary: RunSummary): string;
}

/** What every format needs to know. */
export interface FormatContext {
	language: Language;
	style: Style;
	paths: PathNames;
	version: string;
	/** Folder of the rule pages (docs/rules). */
	docsDir: string;
	/** Public address of the rule pages (ends with a slash), when the package names one. */
	docsUrl?: string;
	/** The shard this run reports, if any. */
	shard?: Shard;
}

export const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
	[DiagnosticSeverity.Error]: 'error',
	[DiagnosticSeverity.Warning]: 'warning',
	[DiagnosticSeverity.Information]: 'info',
	[DiagnosticSeverity.Hint]: 'hint',
};

/** The severity name of a diagnostic (a diagnostic without one is an error, as LSP says). */
export function severityOf(d: Diagnostic): Severity {
	return SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error];
}

/** A diagnostic's message as plain text. */
export function messageOf(d: Diagnostic): string {
	return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A relative path of letters, digits, `-`, `_`, `.`, `~` and slashes: written the same in a URI. */
const PLAIN_PATH = /^[\w.~-]+(\/[\w.~-]+)*$/;
/** A `.` or `..` segment, which a URI's path may hold but a file's relative path resolves away. */
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** How files are named in the output: relative to the current folder, and by name for standard input. */
export class PathNames {
	private readonly named = new Map<string, string>();
	private readonly worked = new Map<string, string>();
	readonly cwdUri: string;
	/** The URI of the current folder as the index writes URIs, with a slash: what starts the URI of every file under it. */
	private readonly under: string;

	constructor(readonly cwd: string) {
		this.cwdUri = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).toString();
		this.under = `${URI.file(cwd).toString().replace(/\/$/, '')}/`;
	}

	/** Gives a uri a name of its own (standard input). */
	name(uri: string, shown: string): void {
		this.named.set(uri, shown);
	}

	/** The path to show for a uri: relative to the current folder, with forward slashes. */
	shown(uri: string): string {
		let shown = this.named.get(uri) ?? this.worked.get(uri);
		// Kept once worked out: a file is named for each of its findings and each finding pointing into it.
		if (shown === undefined) this.worked.set(uri, (shown = this.plainRelative(uri) ?? (toPosix(relative(this.cwd, URI.parse(uri).fsPath)) || '.')));
		return shown;
	}

	/**
	 * The path of a file under the current folder whose URI escapes nothing (no `%`, no `.` or `..`
	 * segments): the rest of its URI as it is, the same as the path worked out from it, without
	 * parsing the URI (a cluster profile names a file for each of thousands of storage classes).
	 */
	private plainRelative(uri: string): string | undefined {
		if (process.platform === 'win32' || !uri.startsWith(this.under)) return undefined;
		const rest = uri.slice(this.under.length);
		return PLAIN_PATH.test(rest) && !DOT_SEGMENT.test(rest) ? rest : undefined;
	}

	/** A SARIF artifact location: relative to %SRCROOT% (the current folder) when inside it, else absolute. */
	artifact(uri: string): { uri: string; uriBaseId?: string } {
		const named = this.named.get(uri);
		if (named !== undefined) return { uri: encodeURI(named).replace(/[?#]/g, encodeURIComponent), uriBaseId: SRCROOT };
		const path = URI.parse(uri).fsPath;
		const rel = toPosix(relative(this.cwd, path));
		if (rel && !rel.startsWith('../') && rel !== '..' && !rel.startsWith('/')) return { uri: encodeURI(rel).replace(/[?#]/g, encodeURIComponent), uriBaseId: SRCROOT };
		return { uri: pathToFileURL(path).toString() };
	}
}

export const SRCROOT = '%SRCROOT%';
