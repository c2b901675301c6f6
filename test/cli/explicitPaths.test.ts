import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from './run';

describe('kubelore lint: a file named on the command line must be readable as text YAML', () => {
	it('a binary file named explicitly exits 2 and is named as typed', async () => {
		const run = await runCli(['lint', 'mixed/binary.yaml', 'clean', '--format', 'json']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /kubelore: mixed\/binary\.yaml: cannot be read as text YAML: it is a binary file/);
		const report = JSON.parse(run.stdout) as { notes: { path: string; fatal: boolean }[]; summary: { files: number } };
		assert.deepEqual(report.notes.map((n) => `${n.path} ${n.fatal}`), ['mixed/binary.yaml true']);
		assert.ok(report.summary.files > 0, 'the other paths are still checked');
	});

	it('the same file found by walking its folder is only a note, exit 0', async () => {
		const run = await runCli(['lint', 'mixed']);
		assert.equal(run.code, 0);
		assert.match(run.stderr, /mixed\/binary\.yaml: skipped: a binary file/);
	});

	it('a missing file named explicitly exits 2 naming it', async () => {
		const run = await runCli(['lint', 'mixed/nothing-here.yaml']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /mixed\/nothing-here\.yaml: no such file or folder/);
	});

	it('in Chinese too', async () => {
		const run = await runCli(['lint', 'mixed/binary.yaml', '--language', 'zh']);
		assert.equal(run.code, 2);
		assert.match(run.stderr, /mixed\/binary\.yaml: 无法作为 YAML 文本读取：这是二进制文件/);
	});
});
