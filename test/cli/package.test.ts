import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { ROOT } from '../util/service';
import { FIXTURES, sarifErrors } from './run';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the npm package', () => {
	let dir: string;
	let packed: { filename: string; files: { path: string }[] };
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'kubelore-package-'));
		mkdirSync(join(dir, 'app'));
		packed = (JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT)) as (typeof packed)[])[0];
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('holds the command line, its knowledge and rule pages, and nothing of the editor or the sources', () => {
		const files = packed.files.map((f) => f.path);
		for (const needed of ['bin/kubelore.js', 'dist/cli.js', 'dist/graph.json', 'dist/graph-core.json', 'dist/schemas/index.json', 'dist/schemas/1.30.json', 'package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(needed), needed);
		const pages = files.filter((f) => f.startsWith('docs/rules/'));
		assert.ok(pages.length > 0 && pages.every((f) => f.endsWith('.md')));
		assert.deepEqual(files.filter((f) => !/^(bin\/kubelore\.js|dist\/(cli\.js|graph\.json|graph-core\.json|schemas\/[\d.]+\.json|schemas\/index\.json)|docs\/rules\/[^/]+\.md|package\.json|README\.md|LICENSE)$/.test(f)), []);
	});

	it('needs no runtime dependencies (everything is bundled)', () => {
		const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; bin?: Record<string, string> };
		assert.deepEqual(manifest.dependencies ?? {}, {});
		assert.equal(manifest.bin?.kubelore, './bin/kubelore.js');
	});

	it('installs offline elsewhere, and `npx kubelore` lints with the installed rule pages', () => {
		npm(['install', '--offline', '--no-audit', '--no-fund', '--no-save', join(dir, packed.filename)], join(dir, 'app'));
		const installed = join(dir, 'app', 'node_modules', 'kubelore');
		assert.ok(existsSync(join(installed, 'dist', 'cli.js')));
		const version = spawnSync('npx', ['--offline', 'kubelore', '--version'], { cwd: join(dir, 'app'), encoding: 'utf8' });
		assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
		const lint = spawnSync('npx', ['--offline', 'kubelore', 'lint', join(FIXTURES, 'project'), '--format', 'sarif'], { cwd: join(dir, 'app'), encoding: 'utf8' });
		assert.equal(lint.status, 1, lint.stderr);
		const log = JSON.parse(lint.stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		// The help text comes from the installed rule pages; helpUri is their public address.
		const rule = log.runs[0].tool.driver.rules!.find((r) => r.helpUri)!;
		assert.match(rule.helpUri!, /^https:\/\/github\.com\/kubelore\/kubelore\/blob\/main\/docs\/rules\/[a-z0-9-]+\.md$/);
		const page = join(installed, 'docs', 'rules', `${rule.id}.md`);
		assert.ok(readFileSync(page, 'utf8').includes(rule.help!.markdown!), page);
		// The API schemas travel with the package: schema validation works from the installed copy.
		const input = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80, protocol: TCPP }]\n';
		const schema = spawnSync('npx', ['--offline', 'kubelore', 'lint', '-', '--format', 'json'], { cwd: join(dir, 'app'), encoding: 'utf8', input });
		assert.equal(schema.status, 1, schema.stderr);
		assert.match(schema.stdout, /"rule":"schema-enum"/);
	});

	it('runs from the clone too (`npx kubelore` in the repository)', () => {
		const run = spawnSync('npx', ['--offline', 'kubelore', 'lint', 'test/fixtures/cli/clean'], { cwd: ROOT, encoding: 'utf8' });
		assert.equal(run.status, 0, run.stderr);
		assert.match(run.stdout, /No problems in 1 file\./);
	});
});
