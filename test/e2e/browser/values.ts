/* The walk over values that point elsewhere: hover `type: NodePort`, F12 on claimName, hover storageClassName in English, then in Chinese in a second workbench. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clickText, editorLine, expect, keyboardHover, quickOpen, type GraphEntry } from './editor';
import { remoteUri, screenshot, workbenchUrl, type Target } from './workbench';

/** Runs the English steps on an open workbench with app/web.yaml in the editor. */
export async function walkValues(page: Page, target: Target, entry: (id: string) => GraphEntry): Promise<void> {
	await hoverNodePort(page, entry('nodeport'));
	await definitionOfClaimName(page, target);
	await hoverStorageClassName(page, entry('aws-ebs'), 'en');
}

/**
 * Sets `kubelore.language` to zh in code-server's user settings file, loads a new workbench on storage/claims.yaml
 * (a settings file written behind a running workbench's back is not picked up), hovers storageClassName, and puts the file back.
 */
export async function hoverInChinese(browser: Browser, target: Target, ebs: GraphEntry, userSettings: string): Promise<void> {
	const original = readFileSync(userSettings, 'utf8');
	const settings = JSON.parse(original) as Record<string, unknown>;
	writeFileSync(userSettings, JSON.stringify({ ...settings, 'kubelore.language': 'zh' }, null, '\t'));
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	try {
		await page.goto(workbenchUrl(target, [['openFile', remoteUri(target, `${target.workspace}/storage/claims.yaml`)], ['skipWelcome', 'true']]));
		await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
		await hoverStorageClassName(page, ebs, 'zh');
	} catch (error) {
		await screenshot(page, 'failure-zh').catch(() => undefined);
		throw error;
	} finally {
		await page.close();
		writeFileSync(userSettings, original);
	}
}

async function hoverNodePort(page: Page, nodePort: GraphEntry): Promise<void> {
	const summary = nodePort.summary.en.slice(0, 60);
	const text = await keyboardHover(page, editorLine(page, 'type: NodePort'), 'NodePort', summary, 'the NodePort entry on type: NodePort');
	expect(text.includes(nodePort.title.en), `the hover shows the title "${nodePort.title.en}": ${text.slice(0, 300)}`);
	expect(text.includes('30000-32767'), `the hover shows the node port range: ${text.slice(0, 600)}`);
	await screenshot(page, 'hover-type-nodeport');
	await page.keyboard.press('Escape');
}

/** F12 on the claimName of app/db.yaml opens storage/claims.yaml with the cursor on the claim's name. */
async function definitionOfClaimName(page: Page, target: Target): Promise<void> {
	await quickOpen(page, 'db.yaml', 'db.yaml');
	await page.locator('.tab.active', { hasText: 'db.yaml' }).waitFor({ timeout: 30_000 });
	const line = editorLine(page, 'claimName: db-data');
	await line.waitFor({ timeout: 30_000 });
	await clickText(page, line, 'db-data');
	await page.keyboard.press('F12');
	const tab = page.locator('.tabs-container .tab.active').first();
	await page.locator('.tabs-container .tab.active[data-resource-name="claims.yaml"]').waitFor({ timeout: 30_000 }).catch(() => undefined);
	const title = await tab.getAttribute('data-resource-name');
	expect(title === 'claims.yaml', `F12 on claimName makes claims.yaml the active tab, not "${title ?? '(no tab)'}"`);
	// The cursor is on the name of the claim: the status bar shows its line and column.
	const lines = readFileSync(join(target.workspace, 'storage', 'claims.yaml'), 'utf8').split('\n');
	const at = lines.findIndex((l) => /^\s+name: db-data$/.test(l));
	expect(at >= 0, 'storage/claims.yaml names the claim db-data');
	const position = `Ln ${at + 1}, Col ${lines[at].indexOf('db-data') + 1}`;
	const status = page.locator('[id="status.editor.selection"]').first();
	await status.filter({ hasText: position }).waitFor({ timeout: 10_000 }).catch(() => undefined);
	const shown = (await status.innerText()).trim();
	expect(shown === position, `the cursor is on the claim's name (${position}), the status bar says "${shown}"`);
	await screenshot(page, 'definition-claim-name');
}

/** Hovers storageClassName in the open storage/claims.yaml: the StorageClass of classes.yaml and the EBS driver's entry, in `language`. */
async function hoverStorageClassName(page: Page, ebs: GraphEntry, language: 'en' | 'zh'): Promise<void> {
	const summary = ebs.summary[language].slice(0, language === 'en' ? 60 : 20);
	const text = await keyboardHover(page, editorLine(page, 'storageClassName: standard'), 'standard', summary, `the StorageClass and ${ebs.title.en} in ${language}`);
	expect(/StorageClass standard \(classes\.yaml:5\)/.test(text), `the hover names the StorageClass and where it is: ${text.slice(0, 300)}`);
	expect(text.includes('ebs.csi.aws.com') && text.includes('WaitForFirstConsumer'), `the hover shows the provisioner and binding mode: ${text.slice(0, 400)}`);
	expect(text.includes(ebs.title[language]), `the hover shows the driver's entry "${ebs.title[language]}": ${text.slice(0, 600)}`);
	if (language === 'zh') {
		expect(text.includes('绑定模式') && !text.includes(ebs.summary.en.slice(0, 40)), `the labels and the summary are Chinese: ${text.slice(0, 600)}`);
	}
	await screenshot(page, language === 'en' ? 'hover-storage-class-name' : 'hover-storage-class-name-zh');
	await page.keyboard.press('Escape');
}
