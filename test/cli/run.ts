/* Runs the built command line (dist/cli.js) as a real process, and compares output with golden files. */
import assert from 'node:assert/strict';
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ROOT } from '../util/service';

export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
export const GOLDEN = join(FIXTURES, 'expected');

export interface CliRun {
	stdout: string;
	stderr: string;
	code: number | null;
}

export interface RunOptions {
	cwd?: string;
	input?: string;
	env?: Record<string, string | undefined>;
	/** Run as this user (root runs the permission tests as "nobody", for whom chmod counts). */
	uid?: number;
	gid?: number;
}

/** Runs `node dist/cli.js ...args` without a terminal, colours off unless the test asks. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, LANG: 'C.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, ...options.env };
	for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
	const spawnOptions: SpawnOptions = { cwd: options.cwd ?? FIXTURES, env, stdio: 'pipe', uid: options.uid, gid: options.gid };
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], spawnOptions);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), code }));
		child.stdin!.end(options.input ?? '');
	});
}

/** Replaces what differs between machines (the checkout's place, the version) with placeholders. */
export function normalise(text: string): string {
	const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
	const rootUrl = pathToFileURL(ROOT).toString();
	return text
		.split(rootUrl)
		.join('file://<root>')
		.split(ROOT)
		.join('<root>')
		.replace(new RegExp(`"${version.replace(/\./g, '\\.')}"`, 'g'), '"<version>"');
}

/** The run as one text: exit status, stdout and stderr, with paths normalised. */
export function transcript(run: CliRun): string {
	return `exit: ${run.code}\n--- stdout\n${normalise(run.stdout)}--- stderr\n${normalise(run.stderr)}`;
}

/**
 * Compares with test/fixtures/cli/expected/<name>. When rules change on purpose, regenerate with
 * `UPDATE_GOLDEN=1 npm run test:cli` and read the diff before committing it.
 */
export function assertGolden(name: string, actual: string): void {
	const path = join(GOLDEN, name);
	if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
		if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${name} had no golden file; wrote it, check it and run again`);
		return;
	}
	assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

let validator: ReturnType<Ajv2020['compile']> | undefined;
/** Validates a SARIF log against the SARIF 2.1.0 JSON schema; returns the schema errors. */
export function sarifErrors(log: unknown): string[] {
	if (!validator) {
		const ajv = new Ajv2020({ allErrors: true, strict: false });
		addFormats(ajv);
		validator = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'schema', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
	}
	if (validator(log)) return [];
	return (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
