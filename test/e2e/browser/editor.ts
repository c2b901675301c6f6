/* What a user does in the code-server editor, as the browser walks do it: open a file, click a word, ask for a hover, read it. */
import type { Locator, Page } from 'playwright-core';
import { retry } from './workbench';

/** The visible hover widget's content. */
export const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

/** A knowledge entry of dist/graph.json, as far as the walks read it. */
export interface GraphEntry {
	id: string;
	title: { en: string; zh: string };
	summary: { en: string; zh: string };
	category?: string;
	facts?: Record<string, unknown>;
	relations?: { type: string; target: string }[];
}

/** The editor line that shows `text` (first match). */
export function editorLine(page: Page, text: string): Locator {
	return page.locator('.view-line', { hasText: text }).first();
}

/**
 * Clicks `word` on an editor line and opens the hover with the keyboard (Ctrl+K Ctrl+I), again until the hover
 * shows `expected` (the first hovers may come before the language server is up); returns the hover's text.
 */
export async function keyboardHover(page: Page, line: Locator, word: string, expected: string, what: string, timeoutMs = 60_000): Promise<string> {
	await line.waitFor({ timeout: 60_000 });
	return retry(
		`${what} (a hover with "${expected}")`,
		async () => {
			await page.keyboard.press('Escape');
			await clickText(page, line, word);
			await page.keyboard.press('Control+K');
			await page.keyboard.press('Control+I');
			const hover = page.locator(HOVER, { hasText: expected }).first();
			await hover.waitFor({ timeout: 5_000 });
			// The widget fades in: wait for its animations to finish, or a screenshot catches it half-transparent.
			await hover.evaluate((element) => Promise.all((element.closest('.monaco-hover') ?? element).getAnimations({ subtree: true }).map((a) => a.finished)));
			return (await page.locator(HOVER).allInnerTexts()).join('\n');
		},
		timeoutMs,
	);
}

/** Click into the editor (a webview with focus would take it back from the QuickPick), F1, type the command's title, run it. */
export async function runCommand(page: Page, title: string): Promise<void> {
	const line = await page.locator('.editor-instance .view-line').filter({ visible: true }).first().boundingBox();
	if (line) await page.mouse.click(line.x + 2, line.y + line.height / 2);
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(`>${title}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
	await page.keyboard.press('Enter');
}

/** Ctrl+P, type, pick the row that shows `label`. */
export async function quickOpen(page: Page, typed: string, label: string): Promise<void> {
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(typed);
	// The list of recent files shows before the filtered one: wait until the row Enter opens is the one asked for.
	await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.tab.active', { hasText: label }).first().waitFor({ timeout: 15_000 });
}

/** Clicks in the middle of `needle` inside an element (an editor line). */
export async function clickText(page: Page, element: Locator, needle: string): Promise<void> {
	const box = await textBox(element, needle);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The on-screen box of the first `needle` in an element's text. */
export async function textBox(element: Locator, needle: string): Promise<{ x: number; y: number; width: number; height: number }> {
	const box = await element.evaluate((root, text) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		const nodes: Text[] = [];
		while (walker.nextNode()) nodes.push(walker.currentNode as Text);
		const whole = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
		let at = whole.indexOf(text);
		if (at < 0) return undefined;
		const range = document.createRange();
		for (const node of nodes) {
			if (at < node.data.length) {
				range.setStart(node, at);
				range.setEnd(node, Math.min(node.data.length, at + text.length));
				const r = range.getBoundingClientRect();
				return { x: r.x, y: r.y, width: r.width, height: r.height };
			}
			at -= node.data.length;
		}
		return undefined;
	}, needle);
	return box ?? failWith(`"${needle}" is not on screen`);
}

/** Throws `message` unless the condition holds. */
export function expect(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}

/** Throws `message`; for use in expressions. */
export function failWith(message: string): never {
	throw new Error(message);
}
