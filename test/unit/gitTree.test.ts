import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cleanFiles, gitPath } from '../../server/src/node/gitTree';

const dir = mkdtempSync(join(tmpdir(), 'kubelore-git-'));
const repo = join(dir, 'repo');
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd: repo, encoding: 'utf8' });

describe('cleanFiles: what git vouches for', () => {
	before(() => {
		mkdirSync(join(repo, 'sub'), { recursive: true });
		for (const name of ['a.yaml', 'changed.yaml', 'assumed.yaml', 'sub/d.yaml', 'sub/skipped.yaml']) writeFileSync(join(repo, name), `name: ${name}\n`);
		symlinkSync('a.yaml', join(repo, 'link.yaml'));
		// An executable file is a regular file too (mode 100755).
		writeFileSync(join(repo, 'run.yaml'), 'name: run\n');
		chmodSync(join(repo, 'run.yaml'), 0o755);
		git('init', '-q', '.');
		git('add', '-A');
		git('commit', '-qm', 'tree');
		writeFileSync(join(repo, 'changed.yaml'), 'name: edited since the commit\n');
		writeFileSync(join(repo, 'untracked.yaml'), 'name: untracked\n');
		git('update-index', '--assume-unchanged', 'assumed.yaml');
		git('update-index', '--skip-worktree', 'sub/skipped.yaml');
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('names the tracked regular files the worktree holds as committed, by blob ID', async () => {
		const clean = await cleanFiles(repo);
		assert.ok(clean);
		assert.deepEqual([...clean.blobs.keys()].sort(), ['a.yaml', 'run.yaml', 'sub/d.yaml']);
		assert.equal(clean.blobs.get('run.yaml'), git('rev-parse', 'HEAD:run.yaml').trim());
		assert.equal(clean.blobs.get('a.yaml'), git('rev-parse', 'HEAD:a.yaml').trim());
		assert.equal(gitPath(clean, join(repo, 'sub', 'd.yaml')), 'sub/d.yaml');
		assert.equal(gitPath(clean, join(dir, 'elsewhere.yaml')), undefined);
	});

	it('names paths from the top of the checkout when asked from a folder below it', async () => {
		const clean = await cleanFiles(join(repo, 'sub'));
		assert.ok(clean);
		assert.equal(clean.prefix, 'sub/');
		assert.equal(gitPath(clean, join(repo, 'sub', 'd.yaml')), 'sub/d.yaml');
		assert.ok(clean.blobs.has('sub/d.yaml'));
	});

	it('vouches for nothing outside a checkout', async () => {
		const outside = mkdtempSync(join(tmpdir(), 'kubelore-nogit-'));
		try {
			// A folder of its own, above which no checkout is looked for.
			const env = process.env.GIT_CEILING_DIRECTORIES;
			process.env.GIT_CEILING_DIRECTORIES = tmpdir();
			try {
				assert.equal(await cleanFiles(outside), undefined);
			} finally {
				if (env === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
				else process.env.GIT_CEILING_DIRECTORIES = env;
			}
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});
});
