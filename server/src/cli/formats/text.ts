/* Text output: `file:line:col: severity: message [rule]`, grouped by file, then a summary line. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../../service/settings';
import { CLI_TEXT, count, say } from '../messages';
import type { Style } from '../terminal';
import { profileLine } from './profile';
import { messageOf, severityOf, type FileReport, type FormatContext, type Formatter, type RunSummary } from './types';

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * One line per finding in the form compilers use (`path:line:col: error: ...`), which terminals
 * make clickable and CI problem matchers read; a blank line between files; related places as
 * indented notes.
 */
export class TextFormatter implements Formatter {
	private filesShown = 0;

	constructor(private readonly context: FormatContext) {}

	begin(): string {
		return '';
	}

	file(report: FileReport): string {
		if (report.diagnostics.length === 0) return '';
		const { style, paths, language } = this.context;
		const lines: string[] = [];
		if (this.filesShown++ > 0) lines.push('');
		const shown = paths.shown(report.uri);
		for (const d of report.diagnostics) {
			const severity = severityOf(d);
			lines.push(`${style.bold(`${shown}:${position(d)}`)}: ${paint(style, severity)}: ${messageOf(d)}${d.code ? ` ${style.dim(`[${d.code}]`)}` : ''}`);
			for (const related of d.relatedInformation ?? []) {
				const where = `${paths.shown(related.location.uri)}:${related.location.range.start.line + 1}:${related.location.range.start.character + 1}`;
				lines.push(`  ${style.dim(where)}: ${style.cyan(say(CLI_TEXT.noteLabel, language))}: ${related.message}`);
			}
		}
		return `${lines.join('\n')}\n`;
	}

	end(summary: RunSummary): string {
		const { style, language } = this.context;
		const total = SEVERITY_ORDER.reduce((sum, s) => sum + summary.counts[s], 0);
		const sentences: string[] = [];
		if (total === 0) {
			sentences.push(`${style.enabled ? `${style.green('✔')} ` : ''}${say(CLI_TEXT.summaryClean, language, count(summary.files, 'file', language))}`);
		} else {
			const parts = SEVERITY_ORDER.filter((s) => summary.counts[s] > 0 || s === 'error' || s === 'warning').map((s) => {
				const text = count(summary.counts[s], s, language);
				return summary.counts[s] > 0 ? paint(style, s, text) : text;
			});
			const line = say(CLI_TEXT.summaryFound, language, count(total, 'problem', language), parts.join(language === 'zh' ? '，' : ', '), summary.filesWithFindings, count(summary.files, 'file', language));
			sentences.push(`${style.enabled ? `${style.red('✖')} ` : ''}${line}`);
		}
		const profile = summary.profile && profileLine(summary.profile, language);
		const unread = summary.notes.filter((n) => n.fatal).length;
		const skipped = summary.notes.length - unread;
		if (unread) sentences.push(style.red(say(CLI_TEXT.summaryUnread, language, count(unread, 'path', language))));
		if (skipped) sentences.push(say(CLI_TEXT.summarySkipped, language, count(skipped, 'path', language)));
		return `${this.filesShown > 0 ? '\n' : ''}${profile ? `${style.dim(profile)}\n` : ''}${sentences.join(' ')}\n`;
	}
}

/** `12:5`, 1-based. */
function position(d: Diagnostic): string {
	return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

function paint(style: Style, severity: Severity, text: string = severity): string {
	switch (severity) {
		case 'error':
			return style.red(style.bold(text));
		case 'warning':
			return style.yellow(style.bold(text));
		case 'info':
			return style.blue(text);
		default:
			return style.dim(text);
	}
}
