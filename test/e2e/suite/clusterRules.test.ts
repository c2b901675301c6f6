/* The API version rule in a real editor: the squiggle on a removed Ingress version and its quick fix. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findings, waitFor } from './util';

const RULE = 'deprecated-api-version';
// networking.k8s.io/v1beta1 with a default backend and a named port: the other removed version and the other port shape.
const INGRESS = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: docs
spec:
  backend:
    serviceName: docs
    servicePort: http
`;

export function defineClusterRuleTests(): void {
	describe('cluster rules in the editor', () => {
		it('a networking.k8s.io/v1beta1 Ingress is an error at the default target 1.36, and its quick fix makes a networking.k8s.io/v1 Ingress', async () => {
			const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: INGRESS });
			const editor = await vscode.window.showTextDocument(document, { preview: false });
			try {
				const [diagnostic] = await waitFor(`a ${RULE} diagnostic`, () => {
					const found = findings(document.uri, RULE);
					return found.length ? found : undefined;
				}, [vscode.languages.onDidChangeDiagnostics]);
				assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
				assert.equal(document.getText(diagnostic.range), 'networking.k8s.io/v1beta1');
				assert.match(diagnostic.message, /no longer served since Kubernetes 1\.22/);
				const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
				const fix = actions.find((a) => a.isPreferred && a.edit);
				assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
				assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
				const text = editor.document.getText();
				assert.match(text, /^apiVersion: networking\.k8s\.io\/v1\n/);
				assert.match(text, /\nspec:\n {2}defaultBackend:\n {4}service:\n {6}name: docs\n {6}port:\n {8}name: http\n$/);
				await waitFor(`the ${RULE} diagnostic to go away`, () => (findings(document.uri, RULE).length === 0 ? true : undefined), [vscode.languages.onDidChangeDiagnostics]);
			} finally {
				await vscode.window.showTextDocument(document);
				await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
			}
		});
	});
}
