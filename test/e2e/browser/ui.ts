/* A user's walk through the workbench: hover kind: Service, see a squiggle and its message, search (a typo, Chinese), read an entry, see the graph. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { remoteUri, retry, screenshot, workbenchUrl, type Target } from './workbench';

const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

interface GraphEntry {
	id: string;
	title: { en: string };
	summary: { en: string };
}

/** Runs the walk; throws with what was expected when a step does not show it. */
export async function runUi(browser: Browser, target: Target, extensionPath: string): Promise<void> {
	const graph = JSON.parse(readFileSync(join(extensionPath, 'dist', 'graph.json'), 'utf8')) as { entities: GraphEntry[] };
	const entry = (id: string) => graph.entities.find((e) => e.id === id) ?? failWith(`dist/graph.json has no "${id}"`);
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	try {
		await page.goto(workbenchUrl(target, [['openFile', remoteUri(target, `${target.workspace}/app/web.yaml`)], ['skipWelcome', 'true']]));
		await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
		await hoverKindService(page, entry('service'));
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
}

async function hoverKindService(page: Page, service: GraphEntry): Promise<void> {
	const line = page.locator('.view-line', { hasText: 'kind: Service' });
	await line.waitFor({ timeout: 60_000 });
	// The first hovers may come before the language server is up: retry until KubeLore's entry shows.
	// (The document link's tooltip also names the entry: wait for the summary, which only the hover has.)
	const summary = service.summary.en.slice(0, 60);
	const text = await retry(`a hover with KubeLore's entry on kind: Service ("${summary}...")`, async () => {
		await page.keyboard.press('Escape');
		await clickText(page, line, 'Service');
		await page.keyboard.press('Control+K');
		await page.keyboard.press('Control+I');
		await page.locator(HOVER, { hasText: summary }).first().waitFor({ timeout: 5_000 });
		return (await page.locator(HOVER).allInnerTexts()).join('\n');
	});
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
	const box = await textBox(line, 'port: 9090');
	const text = await retry('the error message on hovering the squiggle', async () => {
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

/** Ctrl+P, type, pick the row that shows `label`. */
async function quickOpen(page: Page, typed: string, label: string): Promise<void> {
	await page.keyboard.press('Control+P');
	const input = page.locator('.quick-input-widget input');
	await input.waitFor();
	await input.fill(typed);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
	await page.keyboard.press('Enter');
}

/** Clicks in the middle of `needle` inside an element (an editor line). */
async function clickText(page: Page, element: Locator, needle: string): Promise<void> {
	const box = await textBox(element, needle);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The on-screen box of the first `needle` in an element's text. */
async function textBox(element: Locator, needle: string): Promise<{ x: number; y: number; width: number; height: number }> {
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

function expect(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}

function failWith(message: string): never {
	throw new Error(message);
}
