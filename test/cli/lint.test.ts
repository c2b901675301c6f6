import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import { ROOT } from '../util/service';
import { FIXTURES, runCli, sarifErrors } from './run';

const json = (stdout: string) => JSON.parse(stdout) as { findings: JsonFinding[]; notes: { path: string; fatal: boolean }[]; summary: Record<string, number> };
const rulesOf = (stdout: string) => json(stdout).findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`);

describe('kubelore lint: exit status', () => {
	it('is 0 for a clean folder, with a summary and nothing on stderr', async () => {
		const run = await runCli(['lint', 'clean']);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /No problems in 1 file\./);
		assert.equal(run.stderr, '');
	});

	it('is 1 for an error (the default --fail-on), 0 when only warnings are found', async () => {
		assert.equal((await runCli(['lint', 'project'])).code, 1);
		const warningsOnly = await runCli(['lint', 'project/app/web.yaml']);
		assert.match(warningsOnly.stdout, /warning/);
		assert.equal(warningsOnly.code, 0);
	});

	it('follows --fail-on: warning and info fail on lesser findings, none never fails on findings', async () => {
		assert.equal((await runCli(['lint', 'project/app/web.yaml', '--fail-on', 'warning'])).code, 1);
		const infoOnly = ['lint', 'project/app/web.yaml', '--rule', 'service-port-name-required=off'];
		assert.equal((await runCli([...infoOnly, '--fail-on', 'warning'])).code, 0);
		assert.equal((await runCli([...infoOnly, '--fail-on', 'info'])).code, 1);
		assert.equal((await runCli(['lint', 'project', '--fail-on', 'none'])).code, 0);
	});

	it('is 2 for usage errors, with the reason and where to read more on stderr and nothing on stdout', async () => {
		for (const args of [['lint', '--format', 'xml'], ['lint', '--fail-on', 'fatal'], ['lint', '--rule', 'no-such-rule=off'], ['lint', '--rule', 'service-port-name-required'], ['lint', '--bogus'], ['frobnicate'], ['lint', '-', '-']]) {
			const run = await runCli(args);
			assert.equal(run.code, 2, args.join(' '));
			assert.equal(run.stdout, '', args.join(' '));
			assert.match(run.stderr, /^kubelore: .+\nRun "kubelore (lint )?--help" for the options\.\n$/, args.join(' '));
		}
	});

	it('is 2 when a path is missing, after checking and reporting the paths that exist', async () => {
		const run = await runCli(['lint', 'project', 'no/such/file.yaml', '--format', 'json']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /kubelore: no\/such\/file\.yaml: no such file or folder/);
		assert.ok(rulesOf(run.stdout).some((r) => r.startsWith('project/app/broken.yaml:6 yaml-syntax')));
		assert.deepEqual(json(run.stdout).notes, [{ path: 'no/such/file.yaml', message: 'no such file or folder', fatal: true }]);
	});

	it('is 2 for a glob that matches nothing and for a folder without YAML files', async () => {
		const glob = await runCli(['lint', 'project/**/*.yml']);
		assert.equal(glob.code, 2);
		assert.match(glob.stderr, /project\/\*\*\/\*\.yml: no YAML file matches this pattern/);
		const empty = await runCli(['lint', 'chart/templates', '--exclude', '**/*.yaml']);
		assert.equal(empty.code, 2);
		assert.match(empty.stderr, /chart\/templates: no YAML files in this folder/);
	});
});

describe('kubelore lint: what is read', () => {
	it('honours the .kubelore.yaml at the root of the folder (unnamed ports become warnings)', async () => {
		const run = await runCli(['lint', 'project', '--format', 'json']);
		assert.deepEqual(rulesOf(run.stdout), [
			'project/app/broken.yaml:6 yaml-syntax error',
			'project/app/web.yaml:27 service-port-name-required warning',
			'project/app/web.yaml:29 service-port-name-required warning',
			'project/app/web.yaml:33 service-target-port-unknown info',
		]);
	});

	it('finds the .kubelore.yaml above a single file, and above standard input given a name', async () => {
		assert.ok(rulesOf((await runCli(['lint', 'project/app/web.yaml', '--format', 'json'])).stdout).includes('project/app/web.yaml:27 service-port-name-required warning'));
		const text = readFileSync(join(FIXTURES, 'project', 'app', 'web.yaml'), 'utf8');
		const named = await runCli(['lint', '-', '--stdin-filename', 'project/app/piped.yaml', '--format', 'json'], { input: text });
		assert.ok(rulesOf(named.stdout).includes('project/app/piped.yaml:27 service-port-name-required warning'));
		const anonymous = await runCli(['lint', '-', '--format', 'json'], { input: text });
		assert.ok(rulesOf(anonymous.stdout).includes('<stdin>:27 service-port-name-required error'), 'no profile above the current folder: the rule default applies');
	});

	it('uses --config instead of the .kubelore.yaml files, and --rule over both', async () => {
		const config = await runCli(['lint', 'project', '--config', 'profile-off.yaml', '--format', 'json']);
		assert.deepEqual(rulesOf(config.stdout).map((r) => r.split(' ')[1]), ['yaml-syntax', 'service-target-port-unknown']);
		const rule = await runCli(['lint', 'project', '--rule', 'service-port-name-required=error,service-target-port-unknown=off', '--format', 'json']);
		assert.deepEqual(rulesOf(rule.stdout).slice(1), ['project/app/web.yaml:27 service-port-name-required error', 'project/app/web.yaml:29 service-port-name-required error']);
	});

	it('stops with 2 and the problems of an invalid or missing --config file', async () => {
		const invalid = await runCli(['lint', 'clean', '--config', 'bad-config/.kubelore.yaml']);
		assert.equal(invalid.code, 2);
		assert.equal(invalid.stdout, '');
		assert.match(invalid.stderr, /bad-config\/\.kubelore\.yaml:2:1: error: profile must be "standard" or "serverless"/);
		const missing = await runCli(['lint', 'clean', '--config', 'nope.yaml']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /cannot read the --config file nope\.yaml: no such file or folder/);
	});

	it('reports the mistakes of a .kubelore.yaml as kubelore-config errors at their own lines', async () => {
		const run = await runCli(['lint', 'bad-config', '--format', 'json']);
		assert.deepEqual(rulesOf(run.stdout), ['bad-config/.kubelore.yaml:2 kubelore-config error', 'bad-config/.kubelore.yaml:4 kubelore-config error']);
	});

	it('expands globs itself, keeps to YAML files, and reports a file named twice once', async () => {
		const glob = await runCli(['lint', 'project/**/web.*', '--format', 'json']);
		assert.deepEqual([...new Set(json(glob.stdout).findings.map((f) => f.file))], ['project/app/web.yaml']);
		const twice = await runCli(['lint', 'project', 'project/app/web.yaml', '--format', 'json']);
		assert.equal(json(twice.stdout).summary.files, 4);
		assert.equal(json(twice.stdout).findings.length, 4);
	});

	it('skips --exclude matches', async () => {
		const run = await runCli(['lint', 'project', '--exclude', '**/broken.yaml', '--format', 'json']);
		assert.ok(!rulesOf(run.stdout).some((r) => r.includes('yaml-syntax')));
		assert.equal(json(run.stdout).summary.files, 3);
	});

	it('is silent on Helm charts, even on a template named on its own or without template syntax', async () => {
		const template = readFileSync(join(FIXTURES, 'chart', 'templates', 'service.yaml'), 'utf8');
		assert.ok(json((await runCli(['lint', '-', '--format', 'json'], { input: template })).stdout).findings.length > 0, 'the same text outside a chart has findings');
		for (const path of ['chart', 'chart/templates', 'chart/templates/service.yaml']) {
			const run = await runCli(['lint', path, '--format', 'json']);
			assert.equal(run.code, 0, path);
			assert.deepEqual(json(run.stdout).findings, [], path);
			assert.equal(run.stderr, '', path);
		}
	});

	it('is silent on a Kustomize patch named on its own (its kustomization is read for context)', async () => {
		const patch = readFileSync(join(FIXTURES, 'kustomize', 'overlays', 'prod', 'ports.yaml'), 'utf8');
		assert.ok(json((await runCli(['lint', '-', '--format', 'json'], { input: patch })).stdout).findings.length > 0, 'the same text outside the overlay has findings');
		const run = await runCli(['lint', 'kustomize/overlays/prod/ports.yaml', '--format', 'json']);
		assert.deepEqual(json(run.stdout).findings, []);
		assert.equal(json(run.stdout).summary.files, 1, 'the kustomization is context, not reported');
	});

	it('passes over non-YAML files: a note for a binary .yaml and for a named non-YAML file, never a finding', async () => {
		const run = await runCli(['lint', 'mixed', 'mixed/README.md', '--format', 'json']);
		assert.equal(run.code, 0);
		assert.deepEqual(json(run.stdout).findings, []);
		assert.deepEqual(
			json(run.stdout).notes.map((n) => `${n.path} ${n.fatal}`),
			['mixed/binary.yaml false', 'mixed/README.md false'],
		);
		assert.match(run.stderr, /mixed\/README\.md: skipped: not a YAML file/);
	});

	it('--quiet reports errors only, without notes about skipped files', async () => {
		const run = await runCli(['lint', 'project', 'mixed', '--quiet', '--fail-on', 'warning', '--format', 'json']);
		assert.deepEqual(rulesOf(run.stdout), ['project/app/broken.yaml:6 yaml-syntax error']);
		assert.equal(run.stderr, '');
		assert.equal((await runCli(['lint', 'project/app/web.yaml', '--quiet', '--fail-on', 'warning'])).code, 0, 'hidden warnings do not fail');
	});
});

describe('kubelore lint: SARIF', () => {
	it('gives exact 1-based regions: the region starts where the finding is in the file', async () => {
		const log = JSON.parse((await runCli(['lint', 'project', '--format', 'sarif'])).stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		const run = log.runs[0];
		for (const result of run.results ?? []) {
			const location = result.locations![0].physicalLocation!;
			const lines = readFileSync(join(FIXTURES, location.artifactLocation!.uri!), 'utf8').split('\n');
			const region = location.region!;
			const at = lines[region.startLine! - 1].slice(region.startColumn! - 1);
			if (result.ruleId === 'yaml-syntax') assert.ok(at.startsWith('name: settings-again'), at);
			if (result.ruleId === 'service-port-name-required') assert.ok(at.startsWith('port: 80') || at.startsWith('port: 443'), at);
			if (result.ruleId === 'service-target-port-unknown') assert.ok(at.startsWith('9090'), at);
			assert.ok(region.endLine! > region.startLine! || region.endColumn! > region.startColumn!, 'regions are not empty');
			assert.equal(run.tool.driver.rules![result.ruleIndex!].id, result.ruleId);
		}
	});

	it('describes each rule it uses with its description, level and page, and maps severities to levels', async () => {
		const log = JSON.parse((await runCli(['lint', 'project', '--format', 'sarif', '--language', 'zh'])).stdout) as Sarif.Log;
		const rules = log.runs[0].tool.driver.rules!;
		const portRule = rules.find((r) => r.id === 'service-port-name-required')!;
		assert.match(portRule.shortDescription!.text, /[\u4e00-\u9fff]/, 'the description in the chosen language');
		assert.equal(portRule.defaultConfiguration!.level, 'error');
		// A public address (from package.json repository), not a file: URI that means nothing on a CI server.
		assert.equal(portRule.helpUri, 'https://github.com/kubelore/kubelore/blob/main/docs/rules/service-port-name-required.md');
		const page = readFileSync(join(ROOT, 'docs', 'rules', 'service-port-name-required.md'), 'utf8');
		assert.ok(page.includes(portRule.help!.markdown!), 'help.markdown is the rule page (its part in the chosen language)');
		assert.match(portRule.help!.markdown!, /（中文）/);
		const levels = (log.runs[0].results ?? []).map((r) => `${r.ruleId} ${r.level}`);
		assert.deepEqual(levels, ['yaml-syntax error', 'service-port-name-required warning', 'service-port-name-required warning', 'service-target-port-unknown note']);
	});

	it('carries related places and notes, and marks the run unsuccessful when a path could not be read', async () => {
		const log = JSON.parse((await runCli(['lint', 'project', 'missing.yaml', '--format', 'sarif'])).stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		const related = log.runs[0].results!.find((r) => r.ruleId === 'service-target-port-unknown')!.relatedLocations!;
		assert.equal(related[0].physicalLocation!.region!.startLine, 17);
		assert.equal(log.runs[0].invocations![0].executionSuccessful, false);
		assert.match(log.runs[0].invocations![0].toolExecutionNotifications![0].message.text!, /missing\.yaml/);
	});

	it('uses absolute file URIs for files outside the current folder', async () => {
		const log = JSON.parse((await runCli(['lint', join(FIXTURES, 'project'), '--format', 'sarif'], { cwd: join(FIXTURES, 'clean') })).stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		const uri = log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
		assert.equal(uri.uriBaseId, undefined);
		assert.match(uri.uri!, /^file:\/\/\/.*\/project\/app\/broken\.yaml$/);
	});
});
