/* A removed API version in the editor: an extensions/v1beta1 Ingress is an error at the default target 1.36; its quick fix writes a networking.k8s.io/v1 Ingress. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { editorLine, expect, HOVER, textBox } from './editor';
import { retry, screenshot, type Target } from './workbench';

const FILE = 'legacy-ingress.yaml';
// Written at test time, not kept in the workspace: the extension-host suite, which runs first, counts the workspace's findings.
const INGRESS = `# The shop's old entrance, as written for Kubernetes 1.18.
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: shop-legacy
spec:
  rules:
    - host: legacy.shop.example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 80
`;

interface Ingress {
	apiVersion: string;
	spec: { rules: { http: { paths: { path: string; pathType?: string; backend: { service?: { name: string; port: { number?: number; name?: string } } } }[] } }[] };
}

/** Opens the Ingress, reads the error on its apiVersion, applies the quick fix, saves, and checks the result with the packaged CLI. */
export async function fixLegacyIngress(page: Page, target: Target, extensionPath: string): Promise<void> {
	const path = join(target.workspace, 'app', FILE);
	writeFileSync(path, INGRESS);
	try {
		// From the explorer: after the graph view the focus is in a webview, which keeps Ctrl+P to itself.
		await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click({ timeout: 30_000 });
		await page.locator('.tab.active', { hasText: FILE }).first().waitFor({ timeout: 15_000 });
		const line = editorLine(page, 'apiVersion: extensions/v1beta1');
		await line.waitFor({ timeout: 30_000 });
		await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
		const message = await retry('the error on extensions/v1beta1', async () => {
			const box = await textBox(line, 'extensions/v1beta1');
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			const hover = page.locator(HOVER, { hasText: 'deprecated-api-version' }).first();
			await hover.waitFor({ timeout: 3_000 });
			return hover.innerText();
		});
		expect(/no longer served since Kubernetes 1\.22/.test(message) && /1\.36/.test(message), `the message says 1.22 and the target 1.36: ${message.slice(0, 400)}`);
		await screenshot(page, 'ingress-v1beta1-error');
		await page.mouse.move(5, 5);
		// Ctrl+. on the value (again, if the menu came before the code actions), then the preferred fix.
		const fix = page.locator('.monaco-list-row', { hasText: 'Move to networking.k8s.io/v1' }).first();
		await retry('the quick fix in the Ctrl+. menu', async () => {
			await page.keyboard.press('Escape');
			const box = await textBox(line, 'extensions/v1beta1');
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			await page.keyboard.press('Control+.');
			await fix.waitFor({ timeout: 5_000 });
			return true;
		});
		await screenshot(page, 'ingress-v1beta1-quick-fix');
		await fix.click();
		await editorLine(page, 'apiVersion: networking.k8s.io/v1').waitFor({ timeout: 15_000 });
		await page.keyboard.press('Control+S');
		await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
		await retry('the error gone after the fix', async () => ((await page.locator('.squiggly-error').count()) === 0 ? true : undefined), 30_000);
		await screenshot(page, 'ingress-v1-fixed');
		checkFixed(readFileSync(path, 'utf8'), target.workspace, extensionPath);
	} finally {
		await page.keyboard.press('Escape');
		rmSync(path, { force: true });
	}
}

/**
 * The saved text is a networking.k8s.io/v1 Ingress with the v1 backend shape, and the packaged CLI,
 * run over the workspace (so that it sees the web Service the Ingress routes to), finds nothing wrong with it.
 */
function checkFixed(text: string, workspace: string, extensionPath: string): void {
	const ingress = parse(text) as Ingress;
	expect(ingress.apiVersion === 'networking.k8s.io/v1', `apiVersion is networking.k8s.io/v1:\n${text}`);
	const route = ingress.spec.rules[0].http.paths[0];
	expect(route.pathType === 'ImplementationSpecific', `the path has a pathType:\n${text}`);
	expect(route.backend.service?.name === 'web' && route.backend.service.port.number === 80, `the backend is service.name and service.port.number:\n${text}`);
	const report = JSON.parse(execFileSync(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'lint', '--format', 'json', '--fail-on', 'none', workspace], { encoding: 'utf8' })) as { findings: { uri: string; rule: string; message: string }[] };
	const mine = report.findings.filter((f) => f.uri.endsWith(`/app/${FILE}`));
	expect(report.findings.length > 0 && mine.length === 0, `kubelore lint finds nothing in the fixed Ingress: ${mine.map((f) => `${f.rule}: ${f.message}`).join('\n')}`);
}
