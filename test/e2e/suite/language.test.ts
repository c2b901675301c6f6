/* The language features through VS Code's own API, against the test workspace: activation, hover, diagnostics, quick fix (go to definition: definitions.test.ts). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, findings, graphEntry, hoverText, openFile, positionOf, ruleOf, waitFor } from './util';

const PORT_RULE = 'service-port-name-required';

/** Registers the language-feature tests with Mocha. */
export function defineLanguageTests(): void {
	describe('KubeLore in the editor', () => {
		it('activates on a YAML workspace', async () => {
			const extension = vscode.extensions.getExtension(EXTENSION_ID);
			assert.ok(extension, `${EXTENSION_ID} is installed`);
			console.log(`  extension ${extension.packageJSON.version as string} from ${extension.extensionPath}`);
			await openFile('app/web.yaml');
			await extension.activate();
			assert.equal(extension.isActive, true);
			const commands = await vscode.commands.getCommands(true);
			for (const id of ['kubelore.searchKnowledge', 'kubelore.explainAtCursor', 'kubelore.showGraph', 'kubelore.lintWorkspace']) assert.ok(commands.includes(id), `${id} is registered`);
		});

		it('hovers on kind: Service with the knowledge entry', async () => {
			const editor = await openFile('app/web.yaml');
			const position = positionOf(editor.document, 'kind: Service', 'kind: '.length + 2);
			const entry = graphEntry('service');
			const text = await waitFor('a KubeLore hover on kind: Service', async () => {
				const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
				const value = hoverText(hovers);
				return value.includes(entry.title.en) ? value : undefined;
			});
			assert.ok(text.includes(entry.summary.en.slice(0, 60)), `the hover has the summary: ${text.slice(0, 300)}`);
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
			const ours = hovers.find((h) => hoverText([h]).includes(entry.title.en));
			assert.ok(ours?.range, 'the hover has a range');
			assert.equal(editor.document.getText(ours.range), 'Service', 'the hover range is the kind value');
		});

		it('reports the unnamed port of a multi-port Service as an error', async () => {
			const editor = await openFile('app/api.yaml');
			const uri = editor.document.uri;
			const [diagnostic] = await waitFor(`a ${PORT_RULE} diagnostic`, () => nonEmpty(findings(uri, PORT_RULE)), [vscode.languages.onDidChangeDiagnostics]);
			assert.equal(findings(uri, PORT_RULE).length, 1, 'only the unnamed port is reported');
			assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
			assert.equal(diagnostic.range.start.line, positionOf(editor.document, '- port: 9090').line, 'on the unnamed port');
			assert.match(diagnostic.message, /no name/);
			const target = typeof diagnostic.code === 'object' ? diagnostic.code.target.toString() : '';
			assert.match(target, new RegExp(`docs/rules/${PORT_RULE}\\.md$`), 'the code links the rule page');
			const others = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KubeLore' && ruleOf(d) !== PORT_RULE);
			assert.deepEqual(others.map((d) => d.message), [], 'no other findings on a valid Deployment and Service');
		});

		it('applies the quick fix that names the port, and the error goes away', async () => {
			const editor = await openFile('app/api.yaml');
			const uri = editor.document.uri;
			const [diagnostic] = await waitFor(`a ${PORT_RULE} diagnostic`, () => nonEmpty(findings(uri, PORT_RULE)), [vscode.languages.onDidChangeDiagnostics]);
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
			const titles = actions.map((a) => a.title);
			assert.ok(titles.some((t) => t.includes('kubelore-disable') || /Suppress/.test(t)), `suppressions are offered: ${titles.join(' | ')}`);
			const fix = actions.find((a) => a.isPreferred && a.edit);
			assert.ok(fix?.edit, `a preferred fix with an edit: ${titles.join(' | ')}`);
			assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
			try {
				assert.match(editor.document.getText(), /- name: [a-z0-9-]+\n\s+port: 9090/, 'the unnamed port got a name');
				await waitFor(`the ${PORT_RULE} diagnostic to go away`, () => (findings(uri, PORT_RULE).length === 0 ? true : undefined), [vscode.languages.onDidChangeDiagnostics]);
			} finally {
				await vscode.window.showTextDocument(editor.document);
				await vscode.commands.executeCommand('workbench.action.files.revert');
			}
			await waitFor(`the ${PORT_RULE} diagnostic to come back after the revert`, () => nonEmpty(findings(uri, PORT_RULE)), [vscode.languages.onDidChangeDiagnostics]);
		});
	});
}

function nonEmpty<T>(list: T[]): T[] | undefined {
	return list.length ? list : undefined;
}
