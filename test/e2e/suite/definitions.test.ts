/* Go to definition on the fields that name another resource: each lands on that resource in another file of the workspace. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { definitionTarget, openFile, positionOf, waitFor, workspaceFolder, yamlDocumentAt } from './util';

interface Reference {
	/** The field, as the test title names it. */
	field: string;
	/** The file that has the reference, and the line text it is on. */
	from: string;
	line: string;
	/** The file, kind and name of the resource it names. */
	to: string;
	kind: string;
	name: string;
}

const REFERENCES: Reference[] = [
	{ field: 'claimName', from: 'app/db.yaml', line: 'claimName: db-data', to: 'storage/claims.yaml', kind: 'PersistentVolumeClaim', name: 'db-data' },
	{ field: 'storageClassName', from: 'storage/claims.yaml', line: 'storageClassName: standard', to: 'storage/classes.yaml', kind: 'StorageClass', name: 'standard' },
	{ field: "a StatefulSet's serviceName", from: 'app/queue.yaml', line: 'serviceName: queue-headless', to: 'app/queue-service.yaml', kind: 'Service', name: 'queue-headless' },
	{ field: 'runtimeClassName', from: 'app/queue.yaml', line: 'runtimeClassName: gvisor', to: 'cluster/runtime-classes.yaml', kind: 'RuntimeClass', name: 'gvisor' },
];

/** Registers the go-to-definition tests with Mocha. */
export function defineDefinitionTests(): void {
	describe('KubeLore go to definition', () => {
		afterEach(async () => {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		});

		for (const reference of REFERENCES) {
			it(`goes from ${reference.field} to the ${reference.kind} in ${reference.to}`, async () => {
				const editor = await openFile(reference.from);
				const valueStart = reference.line.indexOf(': ') + 2;
				const position = positionOf(editor.document, reference.line, valueStart + 2);
				const expected = vscode.Uri.joinPath(workspaceFolder(), ...reference.to.split('/')).toString();
				assert.notEqual(expected, editor.document.uri.toString(), 'the definition is in another file');

				// The server may still be reading the workspace: wait for an answer.
				const locations = await waitFor(`a definition for ${reference.line}`, async () => {
					const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, position);
					return found.length ? found : undefined;
				});
				assert.equal(locations.length, 1, `one definition: ${locations.map((l) => definitionTarget(l).uri.path).join(', ')}`);
				const target = definitionTarget(locations[0]);
				assert.equal(target.uri.toString(), expected, `the definition is in ${reference.to}`);
				const document = await vscode.workspace.openTextDocument(target.uri);
				assert.equal(document.getText(target.range), reference.name, 'the range is the resource name');
				assert.match(yamlDocumentAt(document, target.range.start), new RegExp(`^kind: ${reference.kind}$`, 'm'), `inside the ${reference.kind}`);

				// F12: the editor's own command opens the file at the name.
				editor.selection = new vscode.Selection(position, position);
				await vscode.commands.executeCommand('editor.action.revealDefinition');
				const opened = await waitFor(`${reference.to} to open`, () => {
					const active = vscode.window.activeTextEditor;
					return active?.document.uri.toString() === expected ? active : undefined;
				}, [vscode.window.onDidChangeActiveTextEditor]);
				assert.equal(opened.selection.active.line, target.range.start.line, `the cursor lands on the name line: ${opened.document.lineAt(opened.selection.active.line).text}`);
				assert.match(opened.document.lineAt(opened.selection.active.line).text, new RegExp(`name: ${reference.name}$`));
			});
		}
	});
}
