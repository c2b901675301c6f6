/* Runs the extension-host suite in a downloaded VS Code (needs internet): `npm run test:electron`. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

/** Opens a fresh copy of test/e2e/workspace with the extension under development and runs the suite; exits 1 on failure. */
async function main(): Promise<void> {
	const root = resolve(__dirname, '..', '..');
	const scratch = mkdtempSync(join(tmpdir(), 'kubelore-electron-'));
	const workspace = join(scratch, 'workspace');
	cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
	try {
		await runTests({
			version: process.env.KUBELORE_VSCODE_VERSION ?? 'stable',
			extensionDevelopmentPath: root,
			extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', join(scratch, 'user-data')],
		});
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`extension-host suite failed: ${String(error)}`);
	process.exit(1);
});
