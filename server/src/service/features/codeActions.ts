import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { format, LABELS, t } from '../l10n/text';
import type { Settings } from '../settings';
import type { IndexedFile, WorkspaceIndex } from '../workspace/index';
import type { DiagnosticData } from './validation';
import { SOURCE } from './validation';

/**
 * Quick fixes for KubeLore's diagnostics: each rule's own fixes, then the two suppressions. A
 * diagnostic sent without data (validation's `fixesOnRequest`) has it worked out by `dataOf`.
 */
export function getCodeActions(uri: string, diagnostics: Diagnostic[], index: WorkspaceIndex, settings: Settings, dataOf?: (diagnostic: Diagnostic) => DiagnosticData | undefined): CodeAction[] {
	const file = index.getFile(uri);
	if (!file) return [];
	const actions: CodeAction[] = [];
	const text = file.manifest.text;
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	for (const diagnostic of diagnostics) {
		if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string' || diagnostic.code === 'yaml-syntax') continue;
		const data = (diagnostic.data as DiagnosticData | undefined) ?? dataOf?.(diagnostic);
		for (const fix of data?.fixes ?? []) {
			actions.push({
				title: fix.title,
				kind: CodeActionKind.QuickFix,
				diagnostics: [diagnostic],
				isPreferred: fix.preferred,
				edit: { changes: editsByFile(uri, fix.edits) },
			});
		}
		const rule = diagnostic.code;
		const line = data?.line ?? diagnostic.range.start.line;
		const lineText = file.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
		const indent = /^[ \t-]*/.exec(lineText)?.[0].replace(/-/g, ' ') ?? '';
		actions.push({
			title: format(t(LABELS.suppressLine, settings.language), rule),
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			edit: { changes: { [uri]: [suppressLineEdit(file.text, line, indent, rule, eol)] } },
		});
		let docLine = data?.documentLine ?? 0;
		const first = file.text.getText({ start: { line: docLine, character: 0 }, end: { line: docLine + 1, character: 0 } });
		if (/^---/.test(first)) docLine++;
		actions.push({
			title: format(t(LABELS.suppressDocument, settings.language), rule),
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			edit: { changes: { [uri]: [{ range: { start: { line: docLine, character: 0 }, end: { line: docLine, character: 0 } }, newText: `# kubelore-disable ${rule}${eol}` }] } },
		});
	}
	return actions;
}

const NEXT_LINE_COMMENT = /^[ \t]*#\s*kubelore-disable-next-line\b[^\r\n]*/;

/** A comment above the line, or the rule added to the comment already there (never a second one). */
function suppressLineEdit(text: IndexedFile['text'], line: number, indent: string, rule: string, eol: string): TextEdit {
	const above = line > 0 ? text.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }) : '';
	const existing = NEXT_LINE_COMMENT.exec(above);
	if (existing) {
		const end = { line: line - 1, character: existing[0].trimEnd().length };
		return { range: { start: end, end }, newText: ` ${rule}` };
	}
	return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# kubelore-disable-next-line ${rule}${eol}` };
}

/** A fix's edits grouped by file: the diagnostic's own file unless an edit names another. */
function editsByFile(uri: string, edits: DiagnosticData['fixes'][number]['edits']): Record<string, TextEdit[]> {
	const changes: Record<string, TextEdit[]> = {};
	for (const { uri: target, range, newText } of edits) (changes[target ?? uri] ??= []).push({ range, newText });
	return changes;
}
