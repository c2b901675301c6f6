import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, FileFilter, readTextFileSync, walkFiles, type FileStamp } from '../../server/src/node/files';

/** Root reads every file whatever its mode: the permission check then runs as "nobody". */
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** The walk as it was written first: join and relative for every entry, picomatch's matchers. The walk must list the same files in the same order. */
function referenceWalk(root: string, include: string[], exclude: string[]): string[] {
	const included = picomatch(include, { dot: true });
	const excluded = picomatch(exclude, { dot: true });
	const out: string[] = [];
	const stack = [root];
	while (stack.length) {
		const dir = stack.pop()!;
		let entries;
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch {
			continue;
		}
		const dirs: string[] = [];
		const files: string[] = [];
		for (const entry of entries) {
			const full = join(dir, entry.name);
			const rel = relative(root, full).split(sep).join('/');
			if (entry.isDirectory()) {
				if (!(excluded(`${rel}/x`) || excluded(`${rel}/x/x.yaml`))) dirs.push(full);
			} else if (entry.isFile() && included(rel) && !excluded(rel)) files.push(full);
		}
		out.push(...files.sort());
		stack.push(...dirs.sort().reverse());
	}
	return out;
}

async function walked(root: string, filter: FileFilter): Promise<string[]> {
	const out: string[] = [];
	for await (const file of walkFiles(root, filter, undefined, true)) out.push(file);
	return out;
}

/** A small random generator, seeded, so that a failure can be run again. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const NAMES = ['a', 'b', 'app.yaml', 'x.yml', 'node_modules', 'dist', '.git', '.hidden.yaml', 'values.yaml', 'Chart.yaml', 'templates', 'notes.txt', 'a b.yaml', 'ü.yaml', 'out', 'vendor', 'gen', 'x'];
const GLOB_SETS: [string[], string[]][] = [
	[DEFAULT_INCLUDE, DEFAULT_EXCLUDE],
	[DEFAULT_INCLUDE, [...DEFAULT_EXCLUDE, '**/gen/**', 'a/*.yaml']],
	[['**/*.yaml'], ['**/templates/**', '**/.hidden.yaml']],
	[['a/**/*.{yaml,yml}', 'x.yml'], ['b/**']],
	[['**/values.yaml', 'app.yaml'], []],
	[['**/*.yaml'], ['app.yaml', '**/a b.yaml', '*/ü.yaml']],
];

describe('walking a folder for the files to read', () => {
	let root: string;
	before(() => {
		root = mkdtempSync(join(tmpdir(), 'kubelore-walk-'));
		const next = random(7);
		const pick = () => NAMES[Math.floor(next() * NAMES.length)];
		// Folders up to four deep, each with some files and folders of the names above.
		const fill = (dir: string, depth: number) => {
			for (let i = 0; i < 10; i++) {
				const name = pick();
				const path = join(dir, name);
				try {
					if (depth < 3 && next() < 0.45) {
						mkdirSync(path);
						fill(path, depth + 1);
					} else writeFileSync(path, 'kind: ConfigMap\n');
				} catch {
					// the name is taken already (a folder or a file)
				}
			}
		};
		fill(root, 0);
	});
	after(() => rmSync(root, { recursive: true, force: true }));

	it('lists the files the first walk listed, in its order, for roots written in any way', async () => {
		const roots = [root, `${root}${sep}`, join(root, 'a', '..'), relative(process.cwd(), root) || '.'];
		let listed = 0;
		for (const [include, exclude] of GLOB_SETS) {
			for (const given of roots) {
				const expected = referenceWalk(given, include, exclude);
				assert.deepEqual(await walked(given, new FileFilter(include, exclude)), expected, `${given}: ${include} / ${exclude}`);
				listed += expected.length;
			}
		}
		assert.ok(listed > 50, `the tree gives the walks something to list (${listed})`);
	});

	it('accepts and prunes the paths picomatch matches', () => {
		const next = random(11);
		const paths = Array.from({ length: 3000 }, () => {
			const depth = 1 + Math.floor(next() * 4);
			return Array.from({ length: depth }, () => NAMES[Math.floor(next() * NAMES.length)]).join('/');
		});
		paths.push('', 'app.yaml', 'a/*.yaml', '**/values.yaml');
		for (const [include, exclude] of GLOB_SETS) {
			const filter = new FileFilter(include, exclude);
			const included = picomatch(include, { dot: true });
			const excluded = picomatch(exclude, { dot: true });
			for (const path of paths) {
				assert.equal(filter.accepts(path), path !== '' && included(path) && !excluded(path), `${path}: ${include} / ${exclude}`);
				assert.equal(filter.prunes(path), excluded(`${path}/x`) || excluded(`${path}/x/x.yaml`), `${path}/: ${exclude}`);
			}
		}
	});
});

describe('reading a file the stamp may answer for', () => {
	let folder: string;
	before(() => (folder = mkdtempSync(join(tmpdir(), 'kubelore-stamp-'))));
	after(() => rmSync(folder, { recursive: true, force: true }));

	it('asks with the stamp a read gives, and reads the file when the answer is no', () => {
		const path = join(folder, 'app.yaml');
		writeFileSync(path, 'kind: ConfigMap\n');
		const read = readTextFileSync(path);
		assert.ok('text' in read);
		const asked: FileStamp[] = [];
		const skipped = readTextFileSync(path, (stamp) => (asked.push(stamp), true));
		assert.deepEqual(skipped, { skipped: true, stamp: read.stamp });
		const again = readTextFileSync(path, (stamp) => (asked.push(stamp), false));
		assert.deepEqual(again, read);
		assert.deepEqual(asked, [read.stamp, read.stamp]);
	});

	it('refuses folders, missing files and named pipes without asking, and without waiting on the pipe', () => {
		const ask = () => assert.fail('not asked for a file that cannot be read');
		assert.equal((readTextFileSync(folder, ask) as { code?: string }).code, 'EISDIR');
		assert.equal((readTextFileSync(join(folder, 'missing.yaml'), ask) as { code?: string }).code, 'ENOENT');
		if (process.platform === 'win32') return;
		const pipe = join(folder, 'pipe.yaml');
		execFileSync('mkfifo', [pipe]);
		assert.equal((readTextFileSync(pipe, ask) as { code?: string }).code, 'ENOTREG');
	});

	it('fails on a file it may not read, as opening it does, even when the stamp would answer for it', { skip: permissionsSkip() }, () => {
		const path = join(folder, 'secret.yaml');
		writeFileSync(path, 'kind: Secret\n');
		chmodSync(path, 0o000);
		chmodSync(folder, 0o755);
		// Root reads every file whatever its mode: the check runs as "nobody" then.
		const script = `const { readTextFileSync } = require(${JSON.stringify(join(__dirname, '..', '..', 'server', 'src', 'node', 'files.ts'))});
			const plain = readTextFileSync(process.argv[1]);
			const stamped = readTextFileSync(process.argv[1], () => true);
			console.log(JSON.stringify([plain.code, stamped.code]));`;
		const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, path], { cwd: join(__dirname, '..', '..'), encoding: 'utf8', ...AS_NOBODY });
		assert.equal(run.status, 0, run.stderr);
		assert.deepEqual(JSON.parse(run.stdout), ['EACCES', 'EACCES']);
	});
});

/** Why the permission test cannot run here, or false: no file modes, or a checkout the user of the check cannot read (a clone in a 0700 folder owned by root). */
function permissionsSkip(): string | false {
	if (process.platform === 'win32') return 'no file modes here';
	const needed = [join(__dirname, '..', '..', 'server', 'src', 'node', 'files.ts'), join(__dirname, '..', '..', 'node_modules', 'tsx', 'package.json')];
	const check = spawnSync(process.execPath, ['-e', `for (const p of ${JSON.stringify(needed)}) require('fs').accessSync(p, 4)`], AS_NOBODY);
	return check.status === 0 ? false : 'the user that runs the check here cannot read the checkout (a folder of mode 0700 owned by root)';
}
