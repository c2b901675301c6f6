/*
 * The GitHub Action and the pre-commit hook, exercised here without a runner: the action's own
 * shell steps run with bash, a fake GITHUB_OUTPUT and an `npx` that runs the built command
 * line. setup-node and upload-sarif are other repositories' actions and cannot run here; the
 * test checks that they are called with the report the lint step wrote.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { parse } from 'yaml';
import { ROOT } from '../util/service';
import { writeRepository } from './repo';
import { CLI, sarifErrors } from './run';

interface Step {
	id?: string;
	uses?: string;
	if?: string;
	run?: string;
	env?: Record<string, string>;
	with?: Record<string, string>;
}
interface Action {
	inputs: Record<string, { default?: string }>;
	runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const dir = mkdtempSync(join(tmpdir(), 'kubelore-action-'));
const repo = join(dir, 'repo');
const bin = join(dir, 'bin');

/** Runs a `run:` step as the runner would: its env with the inputs filled in, outputs to GITHUB_OUTPUT. */
function runStep(step: Step, inputs: Record<string, string>, outputs: Record<string, string> = {}): { status: number | null; outputs: Record<string, string>; stderr: string } {
	const fill = (value: string) =>
		value
			.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '')
			.replace(/\$\{\{\s*steps\.lint\.outputs\.([\w-]+)\s*\}\}/g, (_, name: string) => outputs[name] ?? '');
	const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
	writeFileSync(output, '');
	const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: repo, GITHUB_ACTIONS: 'true', NO_COLOR: '1' };
	for (const [key, value] of Object.entries(step.env ?? {})) env[key] = fill(value);
	const run = spawnSync('bash', ['-e', '-c', step.run!], { cwd: repo, env, encoding: 'utf8' });
	const written = Object.fromEntries(
		readFileSync(output, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
	);
	return { status: run.status, outputs: written, stderr: run.stderr };
}

before(() => {
	writeRepository(repo, 12);
	// Stands in for `npx --yes kubelore@<version>`: the same arguments, to the built command line.
	mkdirSync(bin);
	writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] || exit 90\ncase "$2" in kubelore@*) ;; *) exit 91 ;; esac\nshift 2\nexec "${process.execPath}" "${CLI}" "$@"\n`);
	chmodSync(join(bin, 'npx'), 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the GitHub Action (action.yml)', () => {
	it('is a composite action with the inputs CI needs, setting up Node and uploading SARIF', () => {
		assert.equal(action.runs.using, 'composite');
		for (const input of ['paths', 'format', 'fail-on', 'shard', 'upload-sarif']) assert.ok(action.inputs[input], input);
		assert.match(action.runs.steps[0].uses ?? '', /^actions\/setup-node@v\d+$/);
		const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
		assert.ok(upload, 'an upload-sarif step');
		assert.equal(upload.with?.sarif_file, '${{ steps.lint.outputs.report }}');
		assert.match(upload.if ?? '', /always\(\)/, 'findings that fail the lint are still uploaded');
		for (const step of action.runs.steps.filter((s) => s.run)) assert.doesNotMatch(step.run!, /\$\{\{/, 'inputs reach scripts through env only');
	});

	it('runs the lint step of a shard: a SARIF report named after the shard, and the exit status as an output', () => {
		const lint = action.runs.steps.find((s) => s.id === 'lint')!;
		const result = runStep(lint, { paths: '.', shard: '2/3', 'fail-on': 'warning' });
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.outputs['exit-code'], '1', 'warnings found, at the fail-on level');
		assert.equal(result.outputs.report, 'kubelore.sarif');
		const log = JSON.parse(readFileSync(join(repo, 'kubelore.sarif'), 'utf8')) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		assert.equal(log.runs[0].automationDetails?.id, 'kubelore/shard-2-of-3/');
		const last = action.runs.steps[action.runs.steps.length - 1];
		assert.equal(runStep(last, {}, result.outputs).status, 1, 'the last step fails the job with the lint status');
		const clean = runStep(lint, { paths: 'storage', 'fail-on': 'error' });
		assert.equal(clean.outputs['exit-code'], '0');
		assert.equal(runStep(last, {}, clean.outputs).status, 0);
	});

	it('passes several paths and extra options, and writes text to the log', () => {
		const lint = action.runs.steps.find((s) => s.id === 'lint')!;
		const result = runStep(lint, { paths: 'services\nworkloads', format: 'text', args: '--rule service-selector-no-match=off --quiet' });
		assert.equal(result.status, 0, result.stderr);
		assert.equal(result.outputs.report, '');
		assert.ok(['0', '1'].includes(result.outputs['exit-code']));
	});
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
	const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string; files: string; entry: string }[];

	it('is the kubelore hook, in node, for YAML files', () => {
		const hook = hooks.find((h) => h.id === 'kubelore')!;
		assert.equal(hook.language, 'node');
		const files = new RegExp(hook.files);
		for (const name of ['k8s/app.yaml', 'a.yml']) assert.ok(files.test(name), name);
		for (const name of ['README.md', 'app.yaml.bak', 'values.json']) assert.ok(!files.test(name), name);
	});

	it('runs its entry on staged files as pre-commit does (files appended)', () => {
		const hook = hooks.find((h) => h.id === 'kubelore')!;
		const [command, ...args] = hook.entry.split(' ');
		assert.equal(command, 'kubelore');
		const broken = join(dir, 'broken.yaml');
		writeFileSync(broken, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  name: y\n');
		const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'kubelore.js'), ...args, broken], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
		assert.equal(run.status, 1, run.stderr);
		assert.match(run.stdout, /yaml-syntax/);
	});
});
