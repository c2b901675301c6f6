/*
 * Golden outputs of `kubelore lint` on the fixture folders, one file per case under
 * test/fixtures/cli/expected. When a rule or its message changes on purpose, regenerate them
 * with `UPDATE_GOLDEN=1 npm run test:cli` and read the diff before committing it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { assertGolden, runCli, sarifErrors, transcript } from './run';

/** SARIF with each rule's help text (the rule's page, which its author edits) reduced to a marker. */
function withoutHelpText(stdout: string): string {
	const log = JSON.parse(stdout) as Sarif.Log;
	for (const rule of log.runs[0].tool.driver.rules ?? []) {
		if (rule.help) rule.help = { text: `<page of ${rule.id}>`, markdown: `<page of ${rule.id}>` };
	}
	return `${JSON.stringify(log, null, 2)}\n`;
}

describe('kubelore lint: golden outputs', () => {
	it('text: findings grouped by file, file:line:col, severity, message and rule, then a summary', async () => {
		const run = await runCli(['lint', 'project', '--language', 'en']);
		assert.equal(run.code, 1);
		assertGolden('project.text.txt', transcript(run));
	});

	it('text in Chinese', async () => {
		const run = await runCli(['lint', 'project', '--language', 'zh']);
		assert.equal(run.code, 1);
		assertGolden('project.zh.txt', transcript(run));
	});

	it('json: one document with findings, notes and a summary', async () => {
		const run = await runCli(['lint', 'project', '--format', 'json', '--language', 'en']);
		assert.equal(run.code, 1);
		JSON.parse(run.stdout);
		assertGolden('project.json.txt', transcript(run));
	});

	it('sarif: results with regions, the rules they use, valid against the SARIF 2.1.0 schema', async () => {
		const run = await runCli(['lint', 'project', '--format', 'sarif', '--language', 'en']);
		assert.equal(run.code, 1);
		assert.deepEqual(sarifErrors(JSON.parse(run.stdout)), []);
		assertGolden('project.sarif.txt', transcript({ ...run, stdout: withoutHelpText(run.stdout) }));
	});

	it('sarif of a broken .kubelore.yaml and of skipped files', async () => {
		const run = await runCli(['lint', 'bad-config', 'mixed', '--format', 'sarif', '--language', 'en']);
		assert.equal(run.code, 1);
		assert.deepEqual(sarifErrors(JSON.parse(run.stdout)), []);
		assertGolden('bad-config.sarif.txt', transcript({ ...run, stdout: withoutHelpText(run.stdout) }));
	});

	it('text: Helm charts, Kustomize patches, non-YAML and clean folders say nothing but the summary', async () => {
		const run = await runCli(['lint', 'chart', 'kustomize', 'mixed', 'clean', '--language', 'en']);
		assert.equal(run.code, 0);
		assertGolden('quiet-folders.text.txt', transcript(run));
	});

	it('text: paths that do not exist are reported, the others still checked', async () => {
		const run = await runCli(['lint', 'clean', 'no-such-folder', 'nothing/**/*.yaml', '--language', 'en']);
		assert.equal(run.code, 2);
		assertGolden('bad-paths.text.txt', transcript(run));
	});
});
