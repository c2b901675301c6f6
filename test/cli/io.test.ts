import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { generateTree, measuredRun } from './largeInput';
import { CLI, FIXTURES, runCli, sarifErrors } from './run';

const ESC = String.fromCharCode(27);
const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
/** As root the CLI runs as "nobody", which needs to read the checkout (a clone in a 0700 folder it cannot). */
const cliUnreadable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`], asNobody).status !== 0;
const SKIP = cliUnreadable ? 'the user that runs the CLI here cannot read the checkout (a folder of mode 0700 owned by root)' : false;

describe('kubelore lint: files it may not read', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'kubelore-perm-'));
		chmodSync(dir, 0o755);
		copyFileSync(join(FIXTURES, 'project', 'app', 'web.yaml'), join(dir, 'web.yaml'));
		copyFileSync(join(FIXTURES, 'clean', 'app.yaml'), join(dir, 'secret.yaml'));
		mkdirSync(join(dir, 'locked'));
		copyFileSync(join(FIXTURES, 'clean', 'app.yaml'), join(dir, 'locked', 'inner.yaml'));
		chmodSync(join(dir, 'web.yaml'), 0o644);
		chmodSync(join(dir, 'secret.yaml'), 0o000);
		chmodSync(join(dir, 'locked'), 0o000);
	});
	after(() => {
		chmodSync(join(dir, 'locked'), 0o755);
		rmSync(dir, { recursive: true, force: true });
	});

	it('reports a file and a folder without read permission, checks the rest, and exits 2', { skip: SKIP }, async () => {
		// Root reads everything whatever the mode says, so as root the CLI runs as "nobody".
		const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(join(dir, 'secret.yaml'))})`], asNobody);
		assert.notEqual(probe.status, 0, 'the file must be unreadable for the user running the CLI, or this test proves nothing');
		const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir, ...asNobody });
		assert.equal(run.code, 2);
		assert.match(run.stderr, /kubelore: secret\.yaml: cannot be read: permission denied/);
		assert.match(run.stderr, /kubelore: locked: cannot be read: permission denied/);
		const report = JSON.parse(run.stdout) as { findings: { file: string }[]; summary: { files: number } };
		assert.equal(report.summary.files, 1);
		assert.ok(report.findings.some((f) => f.file === 'web.yaml'), 'the readable file is still checked');
	});

	it('says the same in Chinese, and in the text summary', { skip: SKIP }, async () => {
		const run = await runCli(['lint', 'secret.yaml', 'web.yaml', '--language', 'zh'], { cwd: dir, ...asNobody });
		assert.equal(run.code, 2);
		assert.match(run.stderr, /secret\.yaml: 无法读取：没有权限/);
		assert.match(run.stdout, /1 个路径无法检查。/);
	});
});

describe('kubelore lint: large inputs', () => {
	let root: string;
	const FILES = 1000;
	before(() => {
		root = generateTree(FILES);
	});
	after(() => rmSync(root, { recursive: true, force: true }));

	it(`checks ${FILES} files within a bounded memory and reports every finding`, () => {
		const run = measuredRun(['lint', '.', '--format', 'sarif'], root);
		assert.equal(run.status, 1);
		assert.ok(run.peakMiB < 400, `peak RSS ${run.peakMiB} MiB`);
		const log = JSON.parse(run.stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		// Every third generated Service has two unnamed ports.
		assert.equal(log.runs[0].results!.filter((r) => r.ruleId === 'service-port-name-required').length, 2 * Math.ceil(FILES / 3));
	});

	it('writes findings while it checks, not all at the end', async () => {
		const started = Date.now();
		let firstOutput = 0;
		let text = '';
		const child = spawn(process.execPath, [CLI, 'lint', '.'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
		child.stdout.on('data', (chunk: Buffer) => {
			firstOutput ||= Date.now() - started;
			text += chunk.toString();
		});
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const total = Date.now() - started;
		assert.equal(code, 1);
		assert.ok(firstOutput > 0 && firstOutput < total * 0.9, `first output after ${firstOutput} ms of ${total} ms`);
		assert.match(text, new RegExp(`in \\d+ of ${FILES.toLocaleString('en')} files\\.\\n$`));
	});

	it('on a terminal: colours, and a progress line on stderr that is cleared; NO_COLOR keeps the progress, drops colours', (t) => {
		if (spawnSync('script', ['--version']).status !== 0) return t.skip('no `script` command to give the CLI a terminal');
		const inTerminal = (env: Record<string, string>) => {
			// The line from the first moment: however fast this machine checks the files, it shows.
			const base: NodeJS.ProcessEnv = { ...process.env, ...env, COLUMNS: '100', TERM: 'xterm', KUBELORE_PROGRESS_AFTER_MS: '0' };
			if (!('FORCE_COLOR' in env)) delete base.FORCE_COLOR;
			if (!('NO_COLOR' in env)) delete base.NO_COLOR;
			return spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint .`, '/dev/null'], { cwd: root, env: base, maxBuffer: 1 << 28 }).stdout.toString();
		};
		const clearLine = `\r${ESC}[2K`;
		const colour = inTerminal({});
		assert.ok(colour.includes(`${clearLine}checking `), 'a progress line while checking');
		assert.ok(colour.includes(`${ESC}[31m`), 'errors in red');
		assert.ok(/\n$/.test(colour) && colour.lastIndexOf(clearLine) < colour.lastIndexOf('files.'), 'the progress line is cleared before the summary');
		const plain = inTerminal({ NO_COLOR: '1' });
		assert.ok(plain.includes(`${clearLine}checking `));
		assert.ok(!new RegExp(`${ESC}\\[3\\dm`).test(plain), 'no colours with NO_COLOR');
	});

	it('stops quietly when the reader of its output goes away', () => {
		const run = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint . | head -c 200 > /dev/null; echo "status \${PIPESTATUS[0]}"`], { cwd: root });
		assert.equal(run.stderr.toString(), '');
		assert.match(run.stdout.toString(), /status 2/, 'a report that did not get through is not a clean run');
	});
});

/** A whole Service on the first line, where a byte order mark would shift every column. */
const BOM_LINE = '{ apiVersion: v1, kind: Service, metadata: { name: s }, spec: { selector: { app: s }, ports: [{ port: 80 }, { port: 81 }] } }';

describe('kubelore lint: odd files', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'kubelore-odd-'));
		writeFileSync(join(dir, 'bom.yaml'), `\ufeff${BOM_LINE}\n`);
		writeFileSync(join(dir, 'empty.yaml'), '');
		writeFileSync(join(dir, 'comments.yml'), '# only a comment\n---\n---\n');
		writeFileSync(join(dir, 'scalar.yaml'), 'just a string\n');
		writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('reads empty, comment-only and non-object YAML in silence, and counts columns after a byte order mark as the editor does', async () => {
		const run = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
		const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; column: number; rule: string }[] };
		assert.deepEqual(
			report.findings.filter((f) => f.rule === 'service-port-name-required').map((f) => `${f.file}:${f.line}:${f.column}`),
			[`bom.yaml:1:${BOM_LINE.indexOf('{ port: 80 }') + 3}`, `bom.yaml:1:${BOM_LINE.indexOf('{ port: 81 }') + 3}`],
		);
		assert.deepEqual(report.findings.filter((f) => f.file !== 'bom.yaml'), []);
		assert.equal(run.stderr, '');
	});
});
