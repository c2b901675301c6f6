/* Chromium (the Debian build, never a downloaded one) on a code-server workbench: launch, open, wait, shoot. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.KUBELORE_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = join(__dirname, '..', '..', '..', 'test-output');

/** Where code-server listens and what it opens. */
export interface Target {
	/** e.g. 127.0.0.1:8080 */
	authority: string;
	/** Absolute path of the workspace folder on the code-server machine. */
	workspace: string;
}

/** Launches headless Chromium with a fresh profile and nothing talking to the network but code-server; `home` takes what it writes outside the profile. */
export async function launchBrowser(home?: string): Promise<Browser> {
	const env = home ? { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') } : process.env;
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		env,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/** The workbench URL for the workspace, with a smoke-test-driver payload (e.g. a file to open). */
export function workbenchUrl(target: Target, payload: [string, string][]): string {
	const query = `folder=${encodeURIComponent(target.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
	return `http://${target.authority}/?${query}`;
}

/** A vscode-remote URI of a path on the code-server machine. */
export function remoteUri(target: Target, path: string): string {
	return `vscode-remote://${target.authority}${path}`;
}

/** Saves a screenshot to test-output/<name>.png and says where. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(OUTPUT, { recursive: true });
	const path = join(OUTPUT, `${name}.png`);
	await page.screenshot({ path });
	console.log(`  screenshot: ${path}`);
	return path;
}

/** Resolves after `ms`; only to pace retries of an action, never as a wait for a result. */
export function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries `attempt` until it returns a value (each attempt waits on the page itself), up to `timeoutMs`. */
export async function retry<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await attempt();
			if (value !== undefined) return value;
		} catch (error) {
			last = error;
		}
		await pause(250);
	}
	throw new Error(`timed out after ${timeoutMs} ms: ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
