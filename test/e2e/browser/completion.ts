/* Completion as a user sees it: `claimName: ` in db.yaml, Ctrl+Space, the suggest widget lists the workspace's claims with their sizes. */
import type { Page } from 'playwright-core';
import { clickText, editorLine, expect, quickOpen } from './editor';
import { retry, screenshot } from './workbench';

/** Empties the claimName of app/db.yaml, asks for suggestions, screenshots the list, and types the name back. */
export async function completeClaimName(page: Page): Promise<void> {
	await quickOpen(page, 'db.yaml', 'db.yaml');
	await page.locator('.tab.active', { hasText: 'db.yaml' }).waitFor({ timeout: 30_000 });
	const line = editorLine(page, 'claimName: db-data');
	await line.waitFor({ timeout: 30_000 });
	await clickText(page, line, 'db-data');
	await page.keyboard.press('End');
	for (let i = 0; i < 'db-data'.length; i++) await page.keyboard.press('Backspace');
	const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'db-data' }).first();
	const text = await retry('the suggest widget with the claim db-data', async () => {
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Space');
		await row.waitFor({ timeout: 5_000 });
		return page.locator('.suggest-widget').innerText();
	});
	expect(text.includes('20Gi'), `the suggestion shows the claim's size: ${text.slice(0, 300)}`);
	await screenshot(page, 'completion-claim-name');
	await page.keyboard.press('Escape');
	await page.keyboard.type('db-data');
}
