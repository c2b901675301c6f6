/* A user's walk through the workbench: hover kind: Service, the values of values.ts, complete a claimName, see a squiggle and its message, search (a typo, Chinese, questions), read an entry, see the graph, fix a removed Ingress version. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { completeClaimName } from './completion';
import { editorLine, expect, failWith, HOVER, keyboardHover, quickOpen, runCommand, textBox, type GraphEntry } from './editor';
import { fixLegacyIngress } from './ingress';
import { outlineOfTenDocuments, renameService } from './rename';
import { rankings, searchRanks } from './search';
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
		await renameService(page);
		await outlineOfTenDocuments(page);
		for (const ranking of rankings(graph.entities)) await searchRanks(page, ranking, entry, graph.entities);
		await showGraph(page, graph.entities);
		await fixLegacyIngress(page, target, extensionPath);
	} catch (error) {
		await screenshot(page, 'failure').catch(() => undefined);
		throw error;
	} finally {
		await page.close();
	}
	await hoverInChinese(browser, target, entry('aws-ebs'), userSettings);
}

async function hoverKindService(page: Page, service: GraphEntry): Promise<void> {
	// Wait for the summary: the hover's first lines can come before its knowledge part.
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

async function showGraph(page: Page, graph: GraphEntry[]): Promise<void> {
	await runCommand(page, 'KubeLore: Show Knowledge Graph');
	// Two webviews are open now (the entry and the graph): find the graph's frame by its heading.
	const found = await retry('the knowledge graph drawn in its view', async () => {
		for (const frame of page.frames()) {
			const nodes = await frame.evaluate(() => (document.querySelector('h1')?.textContent === 'Knowledge Graph' ? document.body.dataset.graphDrawn : undefined)).catch(() => undefined);
			if (nodes) return { frame, nodes: Number(nodes) };
		}
		return undefined;
	}, 30_000);
	expect(found.nodes === graph.length, `the graph shows every entry (${found.nodes} of ${graph.length})`);
	await screenshot(page, 'graph');
	// One category alone: the chip filters the picture, which is drawn again larger.
	const networking = graph.filter((e) => e.category === 'networking').length;
	await found.frame.locator('.chips button[data-category="networking"]').click();
	await retry(`the graph filtered to its ${networking} networking entries`, async () => ((await found.frame.evaluate(() => document.body.dataset.graphDrawn)) === String(networking) ? true : undefined), 15_000);
	await screenshot(page, 'graph-networking');
}
