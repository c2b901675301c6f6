/* A user's walk through the workbench: hover kind: Service, the values of values.ts, complete a claimName, see a squiggle and its message, search (a typo, Chinese), read an entry, see the graph. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { completeClaimName } from './completion';
import { editorLine, expect, failWith, HOVER, keyboardHover, quickOpen, textBox, type GraphEntry } from './editor';
import { hoverInChinese, walkValues } from './values';
import { remoteUri, retry, screenshot, workbenchUrl, type Target } from './workbench';

/** Runs the walk; throws with what was expected when a step does not show it. */
export async function runUi(browser: Browser, target: Target, extensionPath: string, userSettings: string): Promise<void> {
	const graph = JSON.parse(readFileSync(join(extensionPath, 'dist', 'graph.json'), 'utf8')) as { entities: GraphEntry[] };
	const entry = (id: string) => graph.entities.find((e) => e.id === id) ?? failWith(`dist/graph.json has no "${id}"`);
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	try {
		await page.goto(workbenchUrl(target, [['openFile', remoteUri(target, `${target.workspace}/app/web.yaml`)], ['skipWelcome', 'true']]));
		await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
		await hoverKindService(page, entry('service'));
		await walkValues(page, target, entry);
		await completeClaimName(page);
		await squiggleOnUnnamedPort(page);
		await searchAndOpen(page, 'calcio', 'calcio', entry('calico'));
		await searchAndOpen(page, '网络插件', 'zh-network-plugin', entry('cni'));
		await showGraph(page);
	} catch (error) {
		await screenshot(page, 'failure').catch(() => undefined);
		throw error;
	} finally {
		await page.close();
	}
	await hoverInChinese(browser, target, entry('aws-ebs'), userSettings);
}

async function hoverKindService(page: Page, service: GraphEntry): Promise<void> {
	// The document link's tooltip also names the entry: wait for the summary, which only the hover has.
	const summary = service.summary.en.slice(0, 60);
	const text = await keyboardHover(page, editorLine(page, 'kind: Service'), 'Service', summary, "KubeLore's entry on kind: Service");
	expect(text.includes(service.title.en), `the hover shows the title "${service.title.en}", got: ${text.slice(0, 300)}`);
	await screenshot(page, 'hover-kind-service');
	await page.keyboard.press('Escape');
}

async function squiggleOnUnnamedPort(page: Page): Promise<void> {
	await quickOpen(page, 'api.yaml', 'api.yaml');
	const line = page.locator('.view-line', { hasText: '- port: 9090' });
	await line.waitFor({ timeout: 30_000 });
	const squiggle = page.locator('.squiggly-error').first();
	await squiggle.waitFor({ timeout: 60_000 });
	const text = await retry('the error message on hovering the squiggle', async () => {
		// Measured on each try: a code lens appearing above moves the line down.
		const box = await textBox(line, 'port: 9090');
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		const hover = page.locator(HOVER, { hasText: 'no name' }).first();
		await hover.waitFor({ timeout: 3_000 });
		return hover.innerText();
	});
	expect(/service-port-name-required/.test(text), `the hover names the rule: ${text.slice(0, 300)}`);
	await screenshot(page, 'squiggle-unnamed-port');
	await page.mouse.move(5, 5);
	await page.keyboard.press('Escape');
}

async function searchAndOpen(page: Page, query: string, slug: string, expected: GraphEntry): Promise<void> {
	await runCommand(page, 'KubeLore: Search Knowledge');
	await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Knowledge' }).waitFor({ timeout: 30_000 });
	await page.locator('.quick-input-widget input').pressSequentially(query, { delay: 30 });
	const first = page.locator('.quick-input-list .monaco-list-row').first();
	await retry(`"${expected.title.en}" first for "${query}"`, async () => ((await first.innerText()).includes(expected.title.en) ? true : undefined), 15_000);
	await screenshot(page, `search-${slug}`);
	await page.keyboard.press('Enter');
	const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
	await view.locator('h1', { hasText: expected.title.en }).waitFor({ timeout: 30_000 });
	await view.locator('body[data-graph-drawn]').waitFor({ timeout: 30_000 });
	await screenshot(page, `entry-${expected.id}`);
}

async function showGraph(page: Page): Promise<void> {
	await runCommand(page, 'KubeLore: Show Knowledge Graph');
	// Two webviews are open now (the entry and the graph): find the graph's frame by its heading.
	const drawn = await retry('the knowledge graph drawn in its view', async () => {
		for (const frame of page.frames()) {
			const nodes = await frame.evaluate(() => (document.querySelector('h1')?.textContent === 'Knowledge Graph' ? document.body.dataset.graphDrawn : undefined)).catch(() => undefined);
			if (nodes) return Number(nodes);
		}
		return undefined;
	}, 30_000);
	expect(drawn > 1, `the graph shows more than one entry (${drawn})`);
	await screenshot(page, 'graph');
}

/** Click into the editor (a webview with focus would take it back from the QuickPick), F1, type the command's title, run it. */
async function runCommand(page: Page, title: string): Promise<void> {
	const line = await page.locator('.editor-instance .view-line').filter({ visible: true }).first().boundingBox();
	if (line) await page.mouse.click(line.x + 2, line.y + line.height / 2);
	await page.keyboard.press('F1');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(`>${title}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
	await page.keyboard.press('Enter');
}
