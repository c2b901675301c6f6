import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import { CacheFile } from '../../server/src/cli/cache';
import { inShard } from '../../server/src/cli/shard';
import { repositoryFiles, writeRepository } from './repo';
import { runCli, sarifErrors } from './run';

interface JsonLog {
	findings: JsonFinding[];
	summary: { files: number };
}

const dir = mkdtempSync(join(tmpdir(), 'kubelore-ci-'));
const repo = join(dir, 'repo');
const lint = async (args: string[], cwd = repo) => {
	const run = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd });
	assert.equal(run.code, 0, run.stderr);
	return JSON.parse(run.stdout) as JsonLog;
};
const key = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`;
const sorted = (findings: JsonFinding[]) => findings.map(key).sort();

describe('kubelore lint in CI: shards', () => {
	before(() => writeRepository(repo, 24));
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('reports, over 4 shards, exactly what one run reports: each file once, cross-file findings included', async () => {
		const full = await lint([]);
		const shards = await Promise.all([1, 2, 3, 4].map((k) => lint(['--shard', `${k}/4`])));
		assert.deepEqual(sorted(shards.flatMap((s) => s.findings)), sorted(full.findings));
		assert.equal(
			shards.reduce((sum, s) => sum + s.summary.files, 0),
			full.summary.files,
			'every file in exactly one shard',
		);
		assert.ok(shards.every((s) => s.summary.files > 0 && s.summary.files < full.summary.files), 'the files are spread over the shards');
		// The run is only a test of sharding if findings depend on files another shard reports.
		const shardOf = new Map(shards.flatMap((s, k) => s.findings.map((f) => [f.file, k] as const)));
		const crossing = full.findings.filter((f) => f.rule === 'service-target-port-unknown' || f.rule === 'pvc-claim-missing' || f.rule === 'service-selector-no-match');
		assert.ok(crossing.length >= 5, 'cross-file findings');
		assert.ok(new Set(crossing.map((f) => shardOf.get(f.file))).size >= 2, 'cross-file findings in several shards');
		assert.ok(
			full.findings.some((f) => f.related?.some((r) => r.file !== f.file)),
			'findings that name a resource of another file',
		);
	});

	it('reports, over 4 shards with one index, exactly what one run reports, profile included', async () => {
		const copy = join(dir, 'four');
		cpSync(repo, copy, { recursive: true });
		// Storage classes in two files, so that the cluster profile names files of several shards.
		const storageClass = (name: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: ebs.csi.aws.com\n`;
		writeFileSync(join(copy, 'storage-a.yaml'), storageClass('fast'));
		writeFileSync(join(copy, 'storage-b.yaml'), `${storageClass('slow')}---\n${storageClass('cold')}`);
		const written = join(dir, 'four.index');
		const index = await runCli(['index', '.', '--out', written], { cwd: copy });
		assert.equal(index.code, 0, index.stderr);
		type Profiled = JsonLog & { profile: { storageClasses: { name: string; file: string }[] } };
		const full = (await lint([], copy)) as Profiled;
		assert.deepEqual(full.profile.storageClasses.map((c) => c.file).sort(), ['storage-a.yaml', 'storage-b.yaml', 'storage-b.yaml']);
		const shards = (await Promise.all([1, 2, 3, 4].map((k) => lint(['--shard', `${k}/4`, '--index', written], copy)))) as Profiled[];
		assert.deepEqual(sorted(shards.flatMap((s) => s.findings)), sorted(full.findings));
		assert.equal(
			shards.reduce((sum, s) => sum + s.summary.files, 0),
			full.summary.files,
		);
		for (const shard of shards) assert.deepEqual(shard.profile, full.profile);
	});

	it('reads from the index the heads of files with characters past ASCII as one run reads the files', async () => {
		const wide = join(dir, 'wide-heads');
		writeRepository(wide, 4);
		// Workloads whose pod labels and annotations are of 2, 3 and 4 bytes a character; Services in other files select them (odd ones select nothing).
		for (let i = 0; i < 6; i++) {
			const app = `wide-𝒜-${i}`;
			mkdirSync(join(wide, 'wide'), { recursive: true });
			writeFileSync(join(wide, 'wide', `workload-${i}.yaml`), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wide-${i}\n  namespace: shop\n  annotations:\n    note: "Größe 配置 🚀"\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: main\n          image: registry.example.com/wide:1.0.0\n`);
			writeFileSync(join(wide, 'wide', `service-${i}.yaml`), `apiVersion: v1\nkind: Service\nmetadata:\n  name: wide-${i}\n  namespace: shop\nspec:\n  selector:\n    app: ${i % 2 ? `wide-日本-${i}` : app}\n  ports:\n    - port: 80\n`);
		}
		const shardOf = (path: string) => (inShard(join(wide, path), wide, { index: 1, count: 2 }) ? 1 : 2);
		assert.ok(
			[0, 2, 4].some((i) => shardOf(`wide/workload-${i}.yaml`) !== shardOf(`wide/service-${i}.yaml`)),
			'a Service whose workload another shard reports',
		);
		const written = join(dir, 'wide-heads.index');
		assert.equal((await runCli(['index', '.', '--out', written], { cwd: wide })).code, 0);
		const full = await lint([], wide);
		const noMatch = full.findings.filter((f) => f.rule === 'service-selector-no-match' && f.file.startsWith('wide/')).map((f) => f.file);
		assert.deepEqual(noMatch.sort(), ['wide/service-1.yaml', 'wide/service-3.yaml', 'wide/service-5.yaml']);
		const shards = await Promise.all([1, 2].map((k) => lint(['--shard', `${k}/2`, '--index', written], wide)));
		assert.deepEqual(sorted(shards.flatMap((s) => s.findings)), sorted(full.findings));
	});

	it('splits by path alone: the same shard for the same file, whatever else is in the repository', async () => {
		const first = await lint(['--shard', '2/3']);
		const other = join(dir, 'other');
		cpSync(repo, other, { recursive: true });
		writeFileSync(join(other, 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
		const again = await lint(['--shard', '2/3'], other);
		const files = (log: JsonLog) => new Set(log.findings.map((f) => f.file));
		assert.deepEqual(files(again), files(first));
	});

	it('gives SARIF of a shard its own category, valid against the 2.1.0 schema', async () => {
		const run = await runCli(['lint', '.', '--format', 'sarif', '--shard', '3/4', '--fail-on', 'none'], { cwd: repo });
		const log = JSON.parse(run.stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		assert.equal(log.runs[0].automationDetails?.id, 'kubelore/shard-3-of-4/');
	});

	it('reuses an index built once (kubelore index --out) and still sees files changed since', async () => {
		const copy = join(dir, 'indexed');
		cpSync(repo, copy, { recursive: true });
		const index = await runCli(['index', '.', '--out', join(dir, 'kubelore.index')], { cwd: copy });
		assert.equal(index.code, 0, index.stderr);
		assert.match(index.stderr, /wrote the index of \d+ files/);
		writeFileSync(join(copy, 'workloads/team-1/app-1.yaml'), readFileSync(join(copy, 'workloads/team-1/app-1.yaml'), 'utf8').replace(/app: app-1\b/g, 'app: app-1-renamed'));
		for (const shard of ['1/2', '2/2']) {
			const withIndex = await lint(['--shard', shard, '--index', join(dir, 'kubelore.index')], copy);
			assert.deepEqual(sorted(withIndex.findings), sorted((await lint(['--shard', shard], copy)).findings), shard);
		}
		const missing = await runCli(['lint', '.', '--index', join(dir, 'no-such.index')], { cwd: copy });
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /cannot read the index .*no-such\.index: no such file or folder/);
	});

	it('prints with the index what it prints without; the cluster profile is the index\'s only for the same tree and profile settings', async () => {
		const copy = join(dir, 'carried');
		cpSync(repo, copy, { recursive: true });
		const legacy = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: legacy\n  namespace: shop\nspec:\n  backend:\n    serviceName: app-1\n    servicePort: 80\n';
		writeFileSync(join(copy, 'legacy.yaml'), `${legacy}---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n`);
		// A folder with a profile of its own: its files have other settings.
		mkdirSync(join(copy, 'quiet'));
		writeFileSync(join(copy, 'quiet', '.kubelore.yaml'), 'storageClasses:\n  - slow\nrules:\n  deprecated-api-version: warning\n');
		writeFileSync(join(copy, 'quiet', 'legacy.yaml'), legacy);
		const written = join(dir, 'carried.index');
		const index = await runCli(['index', '.', '--out', written], { cwd: copy });
		assert.equal(index.code, 0, index.stderr);
		const run = async (args: string[], cwd = copy) => {
			const result = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd });
			assert.equal(result.code, 0, result.stderr);
			return result.stdout;
		};
		type Profiled = JsonLog & { profile: { storageClasses: { name: string }[] } };
		for (const shard of [[], ['--shard', '1/2'], ['--shard', '2/2']]) assert.equal(await run([...shard, '--index', written]), await run(shard), shard.join(' '));
		const plain = JSON.parse(await run([])) as Profiled;
		assert.deepEqual(plain.profile.storageClasses.map((c) => c.name), ['fast']);

		// What the index says shows through: altered there, the run prints it altered...
		const [header, reports, ...rest] = readFileSync(written, 'utf8').split('\n');
		// The reports are the line after the header (read only when a run asks for one), whose length in bytes the header gives.
		const fields = JSON.parse(header) as { reportsLength: number };
		assert.equal(fields.reportsLength, Buffer.byteLength(reports));
		assert.match(reports, /"name":"fast"/);
		assert.doesNotMatch(header, /"fast"/, 'not in the header, which every run reads');
		const altered = join(dir, 'altered.index');
		const alteredReports = reports.replace(/"name":"fast"/g, '"name":"from-the-index"');
		writeFileSync(altered, [JSON.stringify({ ...fields, reportsLength: Buffer.byteLength(alteredReports) }), alteredReports, ...rest].join('\n'));
		const fromIndex = JSON.parse(await run(['--index', altered])) as Profiled;
		assert.deepEqual(fromIndex.profile.storageClasses.map((c) => c.name), ['from-the-index']);
		assert.deepEqual(fromIndex.findings, plain.findings);
		// ...for the settings of any folder of the tree (the index holds a report for each)...
		const quiet = JSON.parse(await run(['--index', altered, '--config', join(copy, 'quiet', '.kubelore.yaml')])) as Profiled;
		assert.deepEqual(quiet.profile.storageClasses.map((c) => c.name), ['slow', 'from-the-index']);
		// ...but not for other profile settings, nor for another tree, nor with team knowledge.
		writeFileSync(join(dir, 'other.kubelore.yaml'), 'storageClasses:\n  - other\n');
		const configured = JSON.parse(await run(['--index', altered, '--config', join(dir, 'other.kubelore.yaml')])) as Profiled;
		assert.deepEqual(configured.profile.storageClasses.map((c) => c.name), ['other', 'fast']);
		mkdirSync(join(dir, 'notes'), { recursive: true });
		writeFileSync(join(dir, 'notes', 'note.md'), '---\nid: team-note\ntitle: A note\n---\nA note of the team.\n');
		const team = JSON.parse(await run(['--index', altered, '--knowledge', join(dir, 'notes')])) as Profiled;
		assert.deepEqual(team.profile.storageClasses.map((c) => c.name), ['fast']);
		writeFileSync(join(copy, 'later.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: later\n  namespace: shop\n');
		const changed = JSON.parse(await run(['--index', altered])) as Profiled;
		assert.deepEqual(changed.profile.storageClasses.map((c) => c.name), ['fast'], 'the profile of the tree as it is');
		assert.equal(await run(['--index', written]), await run([]));
	});

	it('in a git checkout, a shard with the index reads only its own files and what git does not vouch for, and prints what it prints without', async () => {
		const copy = join(dir, 'checkout');
		cpSync(repo, copy, { recursive: true });
		const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd: copy, encoding: 'utf8' });
		git('init', '-q', '.');
		// Times well before the commit: git's record of each file's stat is then not racy (it would compare contents instead).
		const old = new Date('2020-01-02T03:04:05Z');
		for (const path of repositoryFiles(24).keys()) utimesSync(join(copy, path), old, old);
		git('add', '-A');
		git('commit', '-qm', 'tree');
		const written = join(dir, 'checkout.index');
		const index = await runCli(['index', '.', '--out', written], { cwd: copy });
		assert.equal(index.code, 0, index.stderr);
		const run = async (args: string[]) => {
			const result = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: copy });
			assert.equal(result.code, 0, result.stderr);
			return result.stdout;
		};
		const shardOf = (path: string) => [1, 2, 3, 4].find((k) => inShard(join(copy, path), copy, { index: k, count: 4 }))!;
		const same = async (what: string) => {
			const outputs = await Promise.all([1, 2, 3, 4].map((k) => Promise.all([run(['--shard', `${k}/4`, '--index', written]), run(['--shard', `${k}/4`])])));
			outputs.forEach(([withIndex, without], k) => assert.equal(withIndex, without, `${what}: shard ${k + 1}/4`));
		};
		// Related locations in other shards' files are placed from their texts, read when needed.
		const full = JSON.parse(await run([])) as JsonLog;
		assert.ok(full.findings.some((f) => f.related?.some((r) => shardOf(r.file) !== shardOf(f.file))), 'findings that point into another shard');
		await same('committed tree');

		// A file git sees changed (an edit not committed, a commit after the index was built) is read, not taken from the index.
		const renamed = (path: string) => writeFileSync(join(copy, path), readFileSync(join(copy, path), 'utf8').replace(/app: app-1\b/g, 'app: app-1-renamed'));
		renamed('workloads/team-1/app-1.yaml');
		await same('an edit');
		git('commit', '-qam', 'renamed');
		await same('a commit after the index');

		// What git vouches for is not read: a workload edited behind its back (same size and time, ctime not trusted) is as the index has it.
		git('config', 'core.trustctime', 'false');
		const app = [2, 4, 5, 7, 8, 10, 11].find((i) => shardOf(`services/app-${i}.yaml`) !== shardOf(`workloads/team-${i % 4}/app-${i}.yaml`))!;
		const workload = join(copy, `workloads/team-${app % 4}/app-${app}.yaml`);
		writeFileSync(workload, readFileSync(workload, 'utf8').replace(new RegExp(`app: app-${app}\\b`, 'g'), `app: app-${app === 10 || app === 11 ? 'XY' : 'X'}`));
		utimesSync(workload, old, old);
		const shard = ['--shard', `${shardOf(`services/app-${app}.yaml`)}/4`];
		const noMatch = (log: string) => (JSON.parse(log) as JsonLog).findings.filter((f) => f.rule === 'service-selector-no-match' && f.file === `services/app-${app}.yaml`).length;
		assert.equal(noMatch(await run(shard)), 1, 'read: the Service selects nothing');
		assert.equal(noMatch(await run([...shard, '--index', written])), 0, 'vouched for: the index\'s text, where the Service selects the workload');
	});

	it('refuses an index written by another build, or a file that is not an index, instead of using it', async () => {
		const written = join(dir, 'versioned.index');
		const index = await runCli(['index', '.', '--out', written], { cwd: repo });
		assert.equal(index.code, 0, index.stderr);
		const [header, ...rest] = readFileSync(written, 'utf8').split('\n');
		const parsed = JSON.parse(header) as { tool: string };
		assert.equal((await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', '--index', written], { cwd: repo })).code, 0, 'the index as written is used');

		const other = join(dir, 'other-build.index');
		writeFileSync(other, [JSON.stringify({ ...parsed, tool: `9.9.9:${parsed.tool}` }), ...rest].join('\n'));
		const refused = await runCli(['lint', '.', '--format', 'json', '--index', other], { cwd: repo });
		assert.equal(refused.code, 2);
		assert.equal(refused.stdout, '', 'no findings are reported with it');
		assert.match(refused.stderr, /the index .*other-build\.index was written by another build of kubelore \(format \d+, 9\.9\.9:.*; this one is format \d+, .*\): write it again/);

		// An index of an older format (format 7 kept the profile reports as text within the header) is refused by its format, with what to do.
		const older = join(dir, 'older-format.index');
		writeFileSync(older, [JSON.stringify({ ...parsed, format: 7 }), ...rest].join('\n'));
		const old = await runCli(['lint', '.', '--format', 'json', '--index', older], { cwd: repo });
		assert.equal(old.code, 2);
		assert.equal(old.stdout, '');
		assert.match(old.stderr, /older-format\.index was written by another build of kubelore \(format 7, .*; this one is format 8, .*\): write it again/);

		// One cut short (its parses not all there) still gives the findings of a run without it: what it lacks is parsed again.
		const cut = join(dir, 'cut.index');
		const bytes = readFileSync(written);
		for (const keep of [0.3, 0.9, (bytes.length - 2) / bytes.length]) {
			writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * keep)));
			for (const shard of [[], ['--shard', '1/2']]) assert.deepEqual(await lint([...shard, '--index', cut]), await lint(shard), `${keep} ${shard.join(' ')}`);
		}

		const damaged = join(dir, 'damaged.index');
		writeFileSync(damaged, 'apiVersion: v1\nkind: ConfigMap\n');
		const notIndex = await runCli(['lint', '.', '--format', 'json', '--index', damaged], { cwd: repo });
		assert.equal(notIndex.code, 2);
		assert.equal(notIndex.stdout, '');
		assert.match(notIndex.stderr, /the index .*damaged\.index is not one written by kubelore index/);
	});
});

describe('kubelore lint in CI: cache and jobs', () => {
	const cached = join(dir, 'cached');
	before(() => writeRepository(cached, 24));

	const full = () => lint([], cached);
	const withCache = () => lint(['--cache-location', join(dir, 'cache/')], cached);
	/** A damaged parse line would only cost parsing again, unseen in the output: checks that each is whole, one per file. */
	const assertWholeParses = () => {
		const path = join(dir, 'cache', '.kubelorecache');
		const text = readFileSync(path, 'utf8');
		assert.ok(text.endsWith('\n'), 'the file ends with a newline');
		const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { tool: string; files: Record<string, { hash: string }> };
		const cache = CacheFile.read(path, header.tool);
		const hashes = Object.values(header.files).map((f) => f.hash);
		assert.ok(hashes.length >= 24 && hashes.every((h) => Array.isArray(cache.parse(h))), 'the parse of every file, by its hash');
		// Asked for out of the order they were written in, too.
		assert.ok([...hashes].reverse().every((h) => Array.isArray(cache.parse(h, true))));
		cache.close();
	};

	it('gives the same output cold and warm, and keeps its file where --cache-location says', async () => {
		const expected = await full();
		assert.deepEqual(await withCache(), expected);
		assert.ok(existsSync(join(dir, 'cache', '.kubelorecache')));
		assertWholeParses();
		assert.deepEqual(await withCache(), expected);
	});

	it('carries the parses of unchanged files over as they were stored, and survives a cache file cut short', async () => {
		const expected = await full();
		await withCache();
		// New stamps, same texts: the cache is written again without parsing anything, its parse lines copied as bytes.
		const later = new Date(Date.now() - 60_000);
		for (const path of ['services/app-1.yaml', 'workloads/team-1/app-1.yaml']) utimesSync(join(cached, path), later, later);
		assert.deepEqual(await withCache(), expected);
		assertWholeParses();
		const file = join(dir, 'cache', '.kubelorecache');
		const text = readFileSync(file);
		writeFileSync(file, text.subarray(0, Math.floor(text.length * 0.7)));
		writeFileSync(join(cached, 'cut.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cut\n');
		try {
			assert.deepEqual(await withCache(), await full(), 'a parse line cut short is parsed again');
			assertWholeParses();
		} finally {
			unlinkSync(join(cached, 'cut.yaml'));
		}
	});

	it('serves findings from the cache while nothing changed, and checks again when any file changed', async () => {
		await withCache();
		const file = join(dir, 'cache', '.kubelorecache');
		const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
		assert.match(header, /No pod template/);
		writeFileSync(file, [header.replace(/No pod template/g, 'NO POD TEMPLATE (from the cache)'), ...rest].join('\n'));
		assert.ok((await withCache()).findings.some((f) => f.message.includes('NO POD TEMPLATE (from the cache)')), 'an unchanged tree is answered from the cache');
		writeFileSync(join(cached, 'unrelated.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\n');
		const changed = await withCache();
		assert.ok(changed.findings.every((f) => !f.message.includes('(from the cache)')), 'a change anywhere re-runs cross-file rules everywhere');
		assert.deepEqual(changed, await full());
	});

	it('re-checks the Service of another file when a workload label changes', async () => {
		await withCache();
		const path = join(cached, 'workloads/team-2/app-2.yaml');
		writeFileSync(path, readFileSync(path, 'utf8').replace(/app: app-2\b/g, 'app: app-2-v2'));
		const after = await withCache();
		assert.deepEqual(after, await full());
		assert.ok(
			after.findings.some((f) => f.file === 'services/app-2.yaml' && f.rule === 'service-selector-no-match'),
			'the Service in services/ no longer selects anything',
		);
	});

	it('follows deleted and renamed files', async () => {
		await withCache();
		unlinkSync(join(cached, 'storage/data-2.yaml'));
		const deleted = await withCache();
		assert.deepEqual(deleted, await full());
		assert.ok(deleted.findings.some((f) => f.file === 'workloads/team-2/app-2.yaml' && f.rule === 'pvc-claim-missing'));
		renameSync(join(cached, 'services/app-4.yaml'), join(cached, 'services/renamed-4.yaml'));
		const renamed = await withCache();
		assert.deepEqual(renamed, await full());
		assert.ok(renamed.findings.every((f) => f.file !== 'services/app-4.yaml'));
	});

	it('follows the profile: a --rule change changes cached findings', async () => {
		await withCache();
		const off = await lint(['--cache-location', join(dir, 'cache/'), '--rule', 'pvc-rwo-shared-by-replicas=off'], cached);
		assert.ok(off.findings.length > 0 && off.findings.every((f) => f.rule !== 'pvc-rwo-shared-by-replicas'));
	});

	it('checks in worker threads with the same output as one thread', async () => {
		const one = await full();
		assert.deepEqual(await lint(['--jobs', '3'], cached), one);
		assert.deepEqual(await lint(['--jobs', '2', '--shard', '1/2'], cached), await lint(['--shard', '1/2'], cached));
	});

	it('hands the workers every text whole: characters of several bytes, standard input and a Helm template', async () => {
		const wide = join(dir, 'wide');
		cpSync(cached, wide, { recursive: true });
		// Text of 2, 3 and 4 bytes a character before the findings, so that a text cut at a wrong byte moves them or breaks the parse.
		writeFileSync(
			join(wide, 'notes.yaml'),
			'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n  annotations:\n    note: "Größe 配置 🚀"\ndata:\n  k: "ünïcødé 日本語 𝒜"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: lonely-日本\nspec:\n  selector:\n    app: nobody-𝒜\n  ports:\n    - port: 80\n',
		);
		mkdirSync(join(wide, 'chart', 'templates'), { recursive: true });
		writeFileSync(join(wide, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: chart\nversion: 0.1.0\n');
		writeFileSync(join(wide, 'chart', 'templates', 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-é\nspec:\n  selector:\n    app: {{ .Values.app }}\n  ports:\n    - port: 80\n');
		const stdin = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typed-ü\n  labels:\n    team: "платформа"\nspec:\n  selector:\n    app: no-such-app\n  ports:\n    - port: 8080\n      targetPort: nope\n';
		const run = async (jobs: string[]) => {
			const result = await runCli(['lint', '.', '-', '--stdin-filename', 'typed.yaml', '--format', 'json', '--fail-on', 'none', ...jobs], { cwd: wide, input: stdin });
			assert.equal(result.code, 0, result.stderr);
			return JSON.parse(result.stdout) as JsonLog;
		};
		const one = await run([]);
		assert.ok(one.findings.some((f) => f.file === 'notes.yaml' && f.line > 9), 'findings after the wide characters');
		assert.ok(one.findings.some((f) => f.file === 'typed.yaml'), 'findings in standard input');
		assert.deepEqual(await run(['--jobs', '2']), one);
	});
});

describe('kubelore lint in CI: SARIF fingerprints', () => {
	const moved = join(dir, 'moved');
	before(() => writeRepository(moved, 8));

	const results = async () => {
		const log = JSON.parse((await runCli(['lint', '.', '--format', 'sarif', '--fail-on', 'none'], { cwd: moved })).stdout) as Sarif.Log;
		assert.deepEqual(sarifErrors(log), []);
		return log.runs[0].results ?? [];
	};

	it('keeps fingerprints when lines move, and gives every result its own', async () => {
		const before = await results();
		assert.ok(before.length > 3);
		const prints = before.map((r) => Object.values(r.partialFingerprints ?? {})[0]);
		assert.equal(new Set(prints).size, prints.length, 'one fingerprint per result');
		for (const path of ['services/app-0.yaml', 'workloads/team-1/app-1.yaml']) writeFileSync(join(moved, path), `# owned by the shop team\n# reviewed\n${readFileSync(join(moved, path), 'utf8')}`);
		const after = await results();
		assert.deepEqual(after.map((r) => Object.values(r.partialFingerprints ?? {})[0]).sort(), [...prints].sort());
		const line = (list: Sarif.Result[], file: string) => list.find((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === file)?.locations?.[0].physicalLocation?.region?.startLine;
		assert.equal(line(after, 'services/app-0.yaml'), line(before, 'services/app-0.yaml')! + 2, 'the lines did move');
		assert.ok(after.some((r) => (r.relatedLocations ?? []).length > 0), 'related locations for the other resources');
	});

	it('gives the same fingerprints when the cache was written by a run in another format, and the same JSON after a SARIF run', async () => {
		const cacheFile = join(dir, 'formats.cache');
		const run = async (format: string, extra: string[]) => (await runCli(['lint', '.', '--format', format, '--fail-on', 'none', ...extra], { cwd: moved })).stdout;
		const sarif = async (extra: string[]) => (JSON.parse(await run('sarif', extra)) as Sarif.Log).runs[0].results ?? [];
		const fresh = await sarif([]);
		assert.ok(fresh.length > 3 && fresh.every((r) => Object.keys(r.partialFingerprints ?? {}).length === 1), 'every result has its fingerprint');
		const json = await run('json', []);
		assert.equal(await run('json', ['--cache-location', cacheFile]), json);
		assert.deepEqual(await sarif(['--cache-location', cacheFile]), fresh, 'findings of a JSON run reused in a SARIF run');
		assert.deepEqual(await sarif(['--cache-location', cacheFile]), fresh, 'findings of a SARIF run reused');
		assert.equal(await run('json', ['--cache-location', cacheFile]), json, 'findings of a SARIF run reused in a JSON run');
	});
});

describe('kubelore lint in CI: the team knowledge folders', () => {
	const team = join(dir, 'team');
	before(() => {
		writeRepository(team, 2);
		mkdirSync(join(team, 'notes'));
		writeFileSync(join(team, 'notes', 'calico.md'), '---\nid: calico\ntitle: Calico\n---\n\nWe run Calico in every cluster.\n');
	});

	const notes = async (args: string[]) => {
		const run = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', ...args], { cwd: team });
		assert.equal(run.code, 0, run.stderr);
		return (JSON.parse(run.stdout) as { notes: { path: string; message: string }[] }).notes;
	};

	it('reads --knowledge folders, and those .kubelore.yaml names in knowledgePaths', async () => {
		assert.deepEqual(await notes([]), [], 'no team folder, no team notes read');
		const named = await notes(['--knowledge', 'notes']);
		assert.ok(named.some((n) => n.path === 'notes/calico.md' && /already a KubeLore entity/.test(n.message)), JSON.stringify(named));
		writeFileSync(join(team, '.kubelore.yaml'), 'knowledgePaths: [notes]\n');
		const configured = await notes([]);
		assert.ok(configured.some((n) => n.path === 'notes/calico.md'), JSON.stringify(configured));
		const run = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none'], { cwd: team });
		assert.ok(!run.stdout.includes('kubelore-config'), 'knowledgePaths is a known setting');
	});
});
