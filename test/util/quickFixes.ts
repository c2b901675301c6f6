import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { parseAllDocuments } from 'yaml';
import type { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { Settings } from '../../server/src/service/settings';
import { settings, workspace } from './service';

/** An in-memory workspace's files by path under /ws. */
export type Files = Record<string, string>;

/** The findings of one rule in one file, and the quick fixes (no suppressions) of each. */
export function findingsOf(files: Files, path: string, rule: string, overrides: Partial<Settings> = {}, graph?: KnowledgeGraph): { diagnostics: Diagnostic[]; fixes: (i?: number) => CodeAction[] } {
	const { service, uri } = workspace(files, graph);
	const s = settings(overrides);
	const diagnostics = service.doValidation(uri(path), s).filter((d) => d.code === rule);
	return { diagnostics, fixes: (i = 0) => service.getCodeActions(uri(path), [diagnostics[i]], s).filter((a) => !a.title.startsWith('Suppress')) };
}

/** The text of one file after a code action, checked to still parse as YAML. */
export function applied(files: Files, path: string, action: CodeAction | undefined): string {
	assert.ok(action?.edit?.changes?.[`file:///ws/${path}`], 'the fix edits the file');
	return afterFix(files, action)[path];
}

/** Every file after a code action's edits (a fix may edit several), each checked to still parse as YAML. */
export function afterFix(files: Files, action: CodeAction | undefined): Files {
	assert.ok(action?.edit?.changes, 'the fix has edits');
	const out = { ...files };
	for (const [uri, edits] of Object.entries(action.edit.changes)) {
		const path = uri.replace('file:///ws/', '');
		out[path] = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, files[path]), edits);
		for (const doc of parseAllDocuments(out[path])) assert.deepEqual(doc.errors, [], `${path} still parses:\n${out[path]}`);
	}
	return out;
}
