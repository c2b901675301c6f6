/* The search palette as a user meets it: a name with a typo, a Chinese phrase, a question in either language, and the rows it ranks first. */
import type { Page } from 'playwright-core';
import { expect, runCommand, type GraphEntry } from './editor';
import { pause, retry, screenshot } from './workbench';

/** What one query must show: `first` on the first row, then `rows - 1` more rows that each satisfy `row`. */
export interface Ranking {
	query: string;
	/** Names the screenshot: test-output/search-<slug>.png. */
	slug: string;
	first: string;
	rows: number;
	row?: (entry: GraphEntry) => boolean;
	/** What `row` asks, for the failure message. */
	why?: string;
	/** Press Enter and check that the entry view shows the first row's entry (screenshot entry-<id>.png). */
	open?: boolean;
}

/** The rankings the issue asks for in the editor, judged by the facts and relations of dist/graph.json. */
export function rankings(graph: GraphEntry[]): Ranking[] {
	const implementsCni = (e: GraphEntry) => (e.relations ?? []).some((r) => r.type === 'implements' && r.target === 'cni');
	const enforcesPolicy = (e: GraphEntry) => implementsCni(e) && e.facts?.networkPolicy === true;
	return [
		{ query: 'calcio', slug: 'calcio', first: 'calico', rows: 1, open: true },
		{ query: '网络插件', slug: 'zh-network-plugin', first: 'cni', rows: 7, row: implementsCni, why: 'a CNI plugin', open: true },
		{ query: 'which CNI supports network policy', slug: 'which-cni-network-policy', first: 'calico', rows: Math.min(7, graph.filter(enforcesPolicy).length), row: enforcesPolicy, why: 'a CNI plugin whose networkPolicy fact is true' },
		{ query: '如何给 Pod 固定 IP', slug: 'zh-fixed-pod-ip', first: 'fixed-pod-ip', rows: 1 },
	];
}

/** Runs Search Knowledge with the query, checks the first rows, takes the screenshot, and opens the first row or dismisses the palette. */
export async function searchRanks(page: Page, ranking: Ranking, entry: (id: string) => GraphEntry, graph: GraphEntry[]): Promise<void> {
	const first = entry(ranking.first);
	await runCommand(page, 'KubeLore: Search Knowledge');
	await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Knowledge' }).waitFor({ timeout: 30_000 });
	const input = page.locator('.quick-input-widget input');
	await input.pressSequentially(ranking.query, { delay: 30 });
	// The rows of a shorter prefix ("网络" of "网络插件") can still be on screen: judge rows that stayed the same for a second.
	const shown = await retry(
		`"${first.title.en}" first for "${ranking.query}"`,
		async () => {
			if ((await input.inputValue()) !== ranking.query) return undefined;
			const rows = await visibleRows(page);
			await pause(1_000);
			const again = await visibleRows(page);
			return again.join('\n') === rows.join('\n') && rows[0]?.startsWith(first.title.en) && rows.length >= ranking.rows ? rows : undefined;
		},
		30_000,
	);
	const entries = shown.slice(0, ranking.rows).map((text) => entryOfRow(text, graph));
	entries.slice(1).forEach((e, i) => {
		expect(!!e && (ranking.row?.(e) ?? true), `row ${i + 2} for "${ranking.query}" is ${ranking.why ?? 'expected'}: "${shown[i + 1]}" (rows: ${shown.map((r) => r.split('\n')[0]).join(' | ')})`);
	});
	await screenshot(page, `search-${ranking.slug}`);
	if (!ranking.open) {
		await page.keyboard.press('Escape');
		return;
	}
	await page.keyboard.press('Enter');
	const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
	await view.locator('h1', { hasText: first.title.en }).waitFor({ timeout: 30_000 });
	await view.locator('body[data-graph-drawn]').waitFor({ timeout: 30_000 });
	await screenshot(page, `entry-${first.id}`);
}

/** The text of the palette's rows on screen, top to bottom (the list is virtual: its rows are not in DOM order). */
async function visibleRows(page: Page): Promise<string[]> {
	const rows = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((elements) =>
		elements.map((e) => ({ index: Number(e.getAttribute('data-index')), text: (e as HTMLElement).innerText.trim() })),
	);
	return rows.sort((a, b) => a.index - b.index).map((r) => r.text);
}

/** The entry a row shows: the one with the longest title the row starts with. */
function entryOfRow(text: string, graph: GraphEntry[]): GraphEntry | undefined {
	return graph.filter((e) => text.startsWith(e.title.en)).sort((a, b) => b.title.en.length - a.title.en.length)[0];
}
