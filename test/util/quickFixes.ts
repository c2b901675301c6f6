import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { parseAllDocuments } from 'yaml';
import type { Settings } from '../../server/src/service/settings';
import { settings, workspace } from './service';

/** An in-memory workspace's files by path under /ws. */
export type Files = Record<string, string>;

/** The findings of one rule in one file, and the quick fixes (no suppressions) of each. */
export function findingsOf(files: Files, path: string, rule: string, overrides: Partial<Settings> = {}): { diagnostics: Diagnostic[]; fixes: (i?: number) => CodeAction[] } {
	const { service, uri } = workspace(files);
	const s = settings(overrides);
	const diagnostics = service.doValidation(uri(path), s).filter((d) => d.code === rule);
	return { diagnostics, fixes: (i = 0) => service.getCodeActions(uri(path), [diagnostics[i]], s).filter((a) => !a.title.startsWith('Suppress')) };
}

/** The text of one file after a code action, checked to still parse as YAML. */
export function applied(files: Files, path: string, action: CodeAction | undefined): string {
	const edits = action?.edit?.changes?.[`file:///ws/${path}`];
	assert.ok(edits, 'the fix edits the file');
	const text = TextDocument.applyEdits(TextDocument.create('file:///ws/x', 'yaml', 1, files[path]), edits);
	for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, [], `still parses:\n${text}`);
	return text;
}
