/*
 * How the command line shows the path of a file: relative to the current folder. Files under it
 * whose URIs escape nothing are named from the URI as it is; every other path is worked out from
 * the URI's file path. Both must give the same name.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { PathNames } from '../../server/src/cli/formats/types';
import { toPosix } from '../../server/src/node/files';
import { random } from '../../bench/generate';

/** The name worked out the long way, from the URI's file path. */
const worked = (cwd: string, uri: string) => toPosix(relative(cwd, URI.parse(uri).fsPath)) || '.';

describe('PathNames.shown', () => {
	it('names every file as its path relative to the current folder, whatever characters the path holds', () => {
		const rnd = random(5);
		const pieces = ['a', 'B', '0', '-', '_', '.', '..', '~', ' ', '%', '#', '?', '@', ':', '+', 'é', '中', '[', ']', ',', "'", '/'];
		const cwds = ['/work/repo', '/work/re po', '/work/a%20b', '/w@rk/x', '/', '/work/repo.d'];
		for (const cwd of cwds) {
			const names = new PathNames(cwd);
			for (let round = 0; round < 400; round++) {
				let rest = '';
				const length = 1 + Math.floor(rnd() * 12);
				for (let i = 0; i < length; i++) rest += pieces[Math.floor(rnd() * pieces.length)];
				// Under the folder, beside it, and elsewhere.
				const where = rnd();
				const path = where < 0.7 ? `${cwd.replace(/\/$/, '')}/${rest}` : where < 0.85 ? `${cwd}${rest}` : `/else/${rest}`;
				const uri = URI.file(path).toString();
				assert.equal(names.shown(uri), worked(cwd, uri), `${uri} from ${cwd}`);
			}
		}
	});

	it('names plain files under the folder from their URI, and the folder itself as "."', () => {
		const names = new PathNames('/work/repo');
		for (const path of ['team-1/app-1.yaml', 'a/b/c.d.yml', '.github/x.yaml', 'x~y/z_0-1.yaml']) {
			assert.equal(names.shown(URI.file(`/work/repo/${path}`).toString()), path);
		}
		assert.equal(names.shown(URI.file('/work/repo').toString()), '.');
		assert.equal(names.shown(URI.file('/work/repository/a.yaml').toString()), '../repository/a.yaml');
	});
});
