/* The extension-host suite's entry: VS Code (or code-server's smoke-test driver) calls run() inside the extension host. */
import Mocha from 'mocha';
import { defineClusterRuleTests } from './clusterRules.test';
import { defineCommandTests } from './commands.test';
import { defineDefinitionTests } from './definitions.test';
import { defineEditingTests } from './editing.test';
import { defineLanguageTests } from './language.test';
import { defineValidationTests } from './validation.test';
import { defineValueHoverTests } from './valueHovers.test';

/** Runs every suite; rejects (the host then exits 1) when a test fails. */
export async function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
	mocha.suite.emit('pre-require', globalThis, 'kubelore-e2e', mocha);
	defineLanguageTests();
	defineValidationTests();
	defineValueHoverTests();
	defineDefinitionTests();
	defineEditingTests();
	defineClusterRuleTests();
	defineCommandTests();
	const started = Date.now();
	const failures = await new Promise<number>((resolve) => mocha.run(resolve));
	console.log(`KubeLore extension-host suite: ${failures} failure(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
