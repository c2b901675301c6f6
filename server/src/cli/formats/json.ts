/* JSON output: one document, each finding on its own line, written file by file. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageOf, severityOf, type FileReport, type FormatContext, type Formatter, type RunSummary } from './types';

/** One finding as the JSON output gives it: positions 1-based, end exclusive (as in SARIF). */
export interface JsonFinding {
	file: string;
	uri: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	severity: string;
	rule: string;
	message: string;
	docs?: string;
	related?: { file: string; line: number; column: number; message: string }[];
	fixes?: string[];
}

/**
 * `{ tool, findings: [...], notes: [...], summary }`. Findings are streamed: the array is opened
 * at the start and each file's findings are appended as they are found.
 */
export class JsonFormatter implements Formatter {
	private written = 0;

	constructor(private readonly context: FormatContext) {}

	begin(): string {
		return `{\n  "tool": ${JSON.stringify({ name: 'kubelore', version: this.context.version })},\n  "findings": [`;
	}

	file(report: FileReport): string {
		let out = '';
		for (const d of report.diagnostics) out += `${this.written++ > 0 ? ',' : ''}\n    ${JSON.stringify(this.finding(report.uri, d))}`;
		return out;
	}

	end(summary: RunSummary): string {
		const notes = summary.notes.map((n) => `\n    ${JSON.stringify(n)}`).join(',');
		const totals = { files: summary.files, filesWithFindings: summary.filesWithFindings, ...summary.counts };
		const profile = summary.profile ? `,\n  "profile": ${JSON.stringify(summary.profile)}` : '';
		return `${this.written ? '\n  ' : ''}],\n  "notes": [${notes}${notes ? '\n  ' : ''}]${profile},\n  "summary": ${JSON.stringify(totals)}\n}\n`;
	}

	private finding(uri: string, d: Diagnostic): JsonFinding {
		const { paths } = this.context;
		const finding: JsonFinding = {
			file: paths.shown(uri),
			uri,
			line: d.range.start.line + 1,
			column: d.range.start.character + 1,
			endLine: d.range.end.line + 1,
			endColumn: d.range.end.character + 1,
			severity: severityOf(d),
			rule: String(d.code ?? ''),
			message: messageOf(d),
		};
		if (d.codeDescription) finding.docs = d.codeDescription.href;
		if (d.relatedInformation?.length) {
			finding.related = d.relatedInformation.map((r) => ({
				file: paths.shown(r.location.uri),
				line: r.location.range.start.line + 1,
				column: r.location.range.start.character + 1,
				message: r.message,
			}));
		}
		const fixes = (d.data as { fixes?: { title: string }[] } | undefined)?.fixes ?? [];
		if (fixes.length) finding.fixes = fixes.map((f) => f.title);
		return finding;
	}
}
