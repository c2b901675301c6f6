/*
 * Rename, code lenses and the outline as a user sees them: above the Service of app/web.yaml a lens says which
 * pods it selects; F2 on the Service's name renames it, and the Ingress in app/ingress.yaml follows in the same
 * step; Go to Symbol in app/settings.yaml lists its ten ConfigMaps.
 */
import type { Page } from 'playwright-core';
import { editorLine, expect, quickOpen } from './editor';
import { retry, screenshot } from './workbench';

/** The line of web.yaml that names the Service (the Deployment above it is named web too). */
const SERVICE_NAME_LINE = 23;

/** Waits for the Service's code lens, renames the Service to storefront, checks the Ingress, and renames it back. */
export async function renameService(page: Page): Promise<void> {
	await quickOpen(page, 'web.yaml', 'web.yaml');
	const lens = page.locator('.codelens-decoration', { hasText: 'selects Deployment/web' }).first();
	await lens.waitFor({ timeout: 60_000 });
	const lensText = await lens.innerText();
	expect(lensText.includes('2 replicas'), `the Service's lens counts the Deployment's replicas: ${lensText}`);
	await screenshot(page, 'code-lens-service');

	await renameAt(page, 'web', 'storefront');
	await quickOpen(page, 'ingress.yaml', 'ingress.yaml');
	await editorLine(page, 'name: storefront').waitFor({ timeout: 30_000 });
	await screenshot(page, 'rename-service-ingress');

	// Back to the name the later steps and the files on disk expect.
	await quickOpen(page, 'web.yaml', 'web.yaml');
	await renameAt(page, 'storefront', 'web');
	await quickOpen(page, 'ingress.yaml', 'ingress.yaml');
	await editorLine(page, 'name: web').waitFor({ timeout: 30_000 });
	expect((await editorLine(page, 'name: storefront').count()) === 0, 'the Ingress backend is named web again');
}

/** Ctrl+G to the Service's name, F2, type the new name, Enter; waits until web.yaml shows it. */
async function renameAt(page: Page, from: string, to: string): Promise<void> {
	await retry(`renaming the Service ${from} to ${to}`, async () => {
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+G');
		const input = page.locator('.quick-input-widget input');
		await input.waitFor();
		// The middle of the name: the column after `  name: ` and the first letter.
		await input.fill(`:${SERVICE_NAME_LINE}:10`);
		await page.keyboard.press('Enter');
		await page.keyboard.press('F2');
		const box = page.locator('.rename-box .rename-input');
		await box.waitFor({ timeout: 5_000 });
		expect((await box.inputValue()) === from, `the rename box offers the Service's name ${from}`);
		await box.fill(to);
		await page.keyboard.press('Enter');
		// Done when the new name shows and storefront (the name that is not web) is gone or there.
		const renamed = page.locator('.view-line', { hasText: 'name: storefront' });
		await (to === 'web' ? renamed.first().waitFor({ state: 'detached', timeout: 5_000 }) : renamed.first().waitFor({ timeout: 5_000 }));
		return true;
	});
}

/** Ctrl+Shift+O in the ten-document settings.yaml: one symbol per ConfigMap. */
export async function outlineOfTenDocuments(page: Page): Promise<void> {
	await quickOpen(page, 'settings.yaml', 'settings.yaml');
	const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ConfigMap' });
	const count = await retry('ten ConfigMaps in Go to Symbol', async () => {
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Shift+O');
		const input = page.locator('.quick-input-widget input');
		await input.waitFor();
		// Only the documents: their labels start with the kind, their sections' do not.
		await input.fill('@ConfigMap');
		await rows.nth(9).waitFor({ timeout: 5_000 });
		return rows.count();
	});
	expect(count === 10, `Go to Symbol lists the file's ten ConfigMaps, not ${count}`);
	const labels = await rows.allInnerTexts();
	expect(labels.some((label) => label.includes('ConfigMap web-settings')), `each symbol is \`Kind name\`: ${labels.join(' | ')}`);
	await screenshot(page, 'outline-ten-configmaps');
	await page.keyboard.press('Escape');
}
