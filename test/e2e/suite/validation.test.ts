/* What the API server would reject, seen in the editor: `protocol: TCPP` typed into a Service, its error and quick fix. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findings, openFile, positionOf, waitFor } from './util';

const ENUM_RULE = 'schema-enum';

/** Registers the validation tests with Mocha. */
export function defineValidationTests(): void {
	describe('KubeLore validation in the editor', () => {
		it('marks `protocol: TCPP` on the value and fixes it to TCP', async () => {
			const editor = await openFile('app/api.yaml');
			const uri = editor.document.uri;
			const at = positionOf(editor.document, 'targetPort: http');
			const typed = new vscode.WorkspaceEdit();
			typed.insert(uri, new vscode.Position(at.line + 1, 0), '      protocol: TCPP\n');
			assert.equal(await vscode.workspace.applyEdit(typed), true);
			try {
				const [diagnostic] = await waitFor(`a ${ENUM_RULE} diagnostic`, () => nonEmpty(findings(uri, ENUM_RULE)), [vscode.languages.onDidChangeDiagnostics]);
				assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
				assert.equal(editor.document.getText(diagnostic.range), 'TCPP', 'the range is the value');
				assert.match(diagnostic.message, /"TCP", "UDP" or "SCTP"/);
				const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
				const fix = actions.find((a) => a.isPreferred && a.edit);
				assert.ok(fix?.edit, `a preferred fix: ${actions.map((a) => a.title).join(' | ')}`);
				assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
				assert.match(editor.document.getText(), /protocol: TCP\n/);
				await waitFor(`the ${ENUM_RULE} diagnostic to go away`, () => (findings(uri, ENUM_RULE).length === 0 ? true : undefined), [vscode.languages.onDidChangeDiagnostics]);
			} finally {
				await vscode.window.showTextDocument(editor.document);
				await vscode.commands.executeCommand('workbench.action.files.revert');
			}
		});
	});
}

function nonEmpty<T>(list: T[]): T[] | undefined {
	return list.length ? list : undefined;
}
