import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { relativeName } from '../../server/src/node/files';

describe('the name a shard hashes a file by', () => {
	it('is path.relative of the folder the command runs in, for paths under it, beside it, above it and odd ones', () => {
		const folders = ['/work/repo', '/work/repo/', '/', '/work', '/w'];
		const tails = ['a.yaml', 'team-0/svc-1/app-2.yaml', '.github/x.yaml', 'a/.hidden/b.yaml', 'a/./b.yaml', 'a/../b.yaml', 'a//b.yaml', 'a/b/', 'a/b/.', 'a/b/..', '..', '.', ''];
		const paths = ['/work/repo', '/work/repo2/a.yaml', '/work/other/a.yaml', '/elsewhere/x.yaml', '/work/re/po.yaml'];
		for (const folder of folders) for (const tail of tails) paths.push(`${folder.replace(/\/$/, '')}/${tail}`);
		for (const folder of folders) for (const path of paths) assert.equal(relativeName(folder, path), relative(folder, path), `${folder} ${path}`);
	});
});
