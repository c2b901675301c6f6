import * as vscode from 'vscode';
import { isWebUrl } from './html';
import type { ViewMessage } from './webview/protocol';

/** A message from a webview, checked field by field; anything else is undefined. */
export function parseViewMessage(value: unknown): ViewMessage | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const m = value as Record<string, unknown>;
	switch (m.type) {
		case 'open':
			return typeof m.id === 'string' && m.id ? { type: 'open', id: m.id } : undefined;
		case 'back':
			return { type: 'back' };
		case 'external':
			return typeof m.url === 'string' && isWebUrl(m.url) ? { type: 'external', url: m.url } : undefined;
		case 'note':
			return typeof m.file === 'string' && Number.isInteger(m.line) ? { type: 'note', file: m.file, line: Math.max(0, m.line as number) } : undefined;
		case 'drawn':
			return typeof m.nodes === 'number' && typeof m.edges === 'number' ? { type: 'drawn', nodes: m.nodes, edges: m.edges } : undefined;
		default:
			return undefined;
	}
}

/** Opens a documentation or source link in the browser. */
export async function openExternal(url: string): Promise<void> {
	if (isWebUrl(url)) await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

/** Opens a team note at its line in the first editor group; only files the knowledge names open. */
export async function openNote(file: string, line: number, known: Set<string>): Promise<boolean> {
	if (!known.has(file)) return false;
	const position = new vscode.Position(line, 0);
	await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One, preview: true });
	return true;
}
