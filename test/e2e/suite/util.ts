/* Helpers for the extension-host suite: open workspace files, find positions, wait on conditions. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kubelore.kubelore';

/** The test workspace folder (test/e2e/workspace, or the copy the launcher opened). */
export function workspaceFolder(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'the suite needs the test workspace open as a folder');
	return folder.uri;
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openFile(path: string): Promise<vscode.TextEditor> {
	const uri = vscode.Uri.joinPath(workspaceFolder(), ...path.split('/'));
	const document = await vscode.workspace.openTextDocument(uri);
	assert.equal(document.languageId, 'yaml', `${path} opens as YAML`);
	return vscode.window.showTextDocument(document, { preview: false });
}

/** The position of `needle` in the document (its `nth` occurrence), plus `shift` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, shift = 0, nth = 1): vscode.Position {
	let offset = -1;
	for (let i = 0; i < nth; i++) offset = document.getText().indexOf(needle, offset + 1);
	assert.ok(offset >= 0, `"${needle}" is in ${document.uri.path}`);
	return document.positionAt(offset + shift);
}

/** The rule id of a diagnostic (`code` is `{ value, target }` when the diagnostic links its rule page). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
	const code = diagnostic.code;
	return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** KubeLore's diagnostics of one rule in a document. */
export function findings(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'KubeLore' && ruleOf(d) === rule);
}

/** Resolves when `check` returns a value other than undefined, re-checking on `events` and on a short poll. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, events: vscode.Event<unknown>[] = [], timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let wake: () => void = () => undefined;
	const listeners = events.map((event) => event(() => wake()));
	try {
		for (;;) {
			const value = await check();
			if (value !== undefined) return value;
			if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, 100);
				wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
		}
	} finally {
		for (const listener of listeners) listener.dispose();
	}
}

/** The plain text of hover contents, with markdown escapes (a backslash before ASCII punctuation) removed. */
export function hoverText(hovers: vscode.Hover[]): string {
	return hovers
		.flatMap((h) => h.contents)
		.map((c) => (typeof c === 'string' ? c : c.value))
		.join('\n')
		.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A knowledge entry's title and summary in both display languages. */
export interface GraphEntry {
	id: string;
	title: { en: string; zh: string };
	summary: { en: string; zh: string };
}

/** The packaged knowledge graph of the running extension (its dist/graph.json). */
function packagedGraph(): { entities: GraphEntry[] } {
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(extension, `${EXTENSION_ID} is installed`);
	return JSON.parse(readFileSync(join(extension.extensionPath, 'dist', 'graph.json'), 'utf8')) as ReturnType<typeof packagedGraph>;
}

/** The knowledge entry the packaged graph has for an id. */
export function graphEntry(id: string): GraphEntry {
	const entry = packagedGraph().entities.find((e) => e.id === id);
	assert.ok(entry, `dist/graph.json has the entry "${id}"`);
	return entry;
}

/** How many entries the packaged graph has. */
export function graphSize(): number {
	return packagedGraph().entities.length;
}

/** The hover text at a position (every provider's hovers joined). */
export async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
	return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
}

/** The URI and range a definition result points at (a Location or a LocationLink). */
export function definitionTarget(location: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
	return 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange } : { uri: location.uri, range: location.range };
}

/** The YAML document (between `---` lines) around a position: its text. */
export function yamlDocumentAt(document: vscode.TextDocument, position: vscode.Position): string {
	const text = document.getText();
	const offset = document.offsetAt(position);
	const start = text.lastIndexOf('\n---', offset);
	const end = text.indexOf('\n---', offset);
	return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}

/** The webview tabs the entry view opened, by label. */
export function webviewTabs(): string[] {
	return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => t.label);
}
