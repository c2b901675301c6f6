/* Runs the extension-host suite inside code-server through the smoke-test driver's payload. */
import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import { remoteUri, workbenchUrl, type Target } from './workbench';

/** Workbench chatter that says nothing about the suite. */
const NOISE =
	/^\[(ChatModelSelection|lifecycle|AccountPolicyGate|AgentHost:remote|reconnection-grace-time|Service Worker)\]|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin|Long running operations during shutdown|authentication provider 'github'|ENOTFOUND open-vsx\.org/;

/** Opens a workbench that runs out/test/suite/index.js against the installed extension; resolves to the suite's exit code. */
export async function runHostSuite(browser: Browser, target: Target, extensionPath: string, suitePath: string, timeoutMs = 240_000): Promise<number> {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	let exit: (code: number) => void = () => undefined;
	const exited = new Promise<number>((resolve) => (exit = resolve));
	page.on('pageerror', (error) => console.log(`  | page error: ${error.message}`));
	// The driver hands over the workbench's and the extension host's console (Mocha's spec reporter among them).
	await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
		const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
		if (!NOISE.test(text)) console.log(`  | ${level === 'info' ? '' : `${level}: `}${text}`);
	});
	await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
	await page.goto(
		workbenchUrl(target, [
			['extensionDevelopmentPath', remoteUri(target, extensionPath)],
			['extensionTestsPath', remoteUri(target, suitePath)],
			['skipWelcome', 'true'],
		]),
	);
	const timeout = new Promise<number>((resolve) =>
		setTimeout(() => {
			console.log(`  extension-host suite: no exit after ${timeoutMs} ms`);
			resolve(1);
		}, timeoutMs).unref(),
	);
	const code = await Promise.race([exited, timeout]);
	await page.close();
	return code;
}
