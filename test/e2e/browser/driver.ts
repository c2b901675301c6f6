/* The browser half of test/e2e/run.sh: the extension-host suite in code-server, then the walk with screenshots. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runHostSuite } from './hostSuite';
import { runUi } from './ui';
import { CHROMIUM, launchBrowser, type Target } from './workbench';

/** Reads a required environment variable that run.sh sets. */
function setting(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set (run this through test/e2e/run.sh)`);
	return value;
}

async function main(): Promise<number> {
	if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run test/e2e/install.sh`);
	const target: Target = { authority: setting('KUBELORE_E2E_AUTHORITY'), workspace: setting('KUBELORE_E2E_WORKSPACE') };
	const extensionPath = setting('KUBELORE_E2E_EXTENSION');
	const suitePath = setting('KUBELORE_E2E_SUITE');
	const userSettings = setting('KUBELORE_E2E_USER_SETTINGS');
	const browser = await launchBrowser(process.env.KUBELORE_E2E_SCRATCH && join(process.env.KUBELORE_E2E_SCRATCH, 'chromium-home'));
	let failed = 0;
	try {
		let start = Date.now();
		const code = await runHostSuite(browser, target, extensionPath, suitePath);
		console.log(`extension-host suite in code-server: exit ${code} (${seconds(start)})`);
		if (code !== 0) failed++;
		start = Date.now();
		try {
			await runUi(browser, target, extensionPath, userSettings);
			console.log(`browser walk (hovers, F12, Chinese hover, squiggle, code lens, rename, outline, search, entry view, graph): passed (${seconds(start)})`);
		} catch (error) {
			failed++;
			console.log(`browser walk: FAILED (${seconds(start)}): ${(error as Error).stack ?? String(error)}`);
		}
	} finally {
		await browser.close();
	}
	return failed ? 1 : 0;
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`browser tests: ${(error as Error).stack ?? String(error)}`);
		process.exit(1);
	},
);
