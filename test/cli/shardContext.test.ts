/* Shards with an index read the files they do not report for what the others' findings need: the union of the shards is one run, byte for byte. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'kubelore-shard-context-'));
const repo = join(dir, 'repo');
const index = join(dir, 'repo.index');

/**
 * Every file holds one resource, so that what a finding depends on lies in other shards' files:
 * Services selecting Deployments and Argo Rollouts (a kind with a pod template of its own), claims
 * mounted by workloads with several replicas, volumes bound to claims, storage classes.
 */
function writeFiles(apps: number): void {
	const files = new Map<string, string>();
	for (let i = 0; i < apps; i++) {
		const app = `app-${i}`;
		const kind = i % 3 === 0 ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' } : { apiVersion: 'apps/v1', kind: 'Deployment' };
		const port = i % 2 === 0 ? 'web' : 'http';
		files.set(
			`workloads/${app}.yaml`,
			`apiVersion: ${kind.apiVersion}\nkind: ${kind.kind}\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  replicas: ${1 + (i % 3)}\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: main\n          image: registry.example.com/${app}:1.0.0\n          ports:\n            - name: ${port}\n              containerPort: 8080\n          volumeMounts:\n            - name: data\n              mountPath: /data\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data-${i}\n`,
		);
		files.set(`services/${app}.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  selector:\n    app: ${i % 5 === 0 ? `${app}-old` : app}\n  ports:\n    - port: 80\n      targetPort: http\n`);
		const mode = i % 4 === 0 ? 'ReadWriteMany' : 'ReadWriteOnce';
		const storageClass = i % 6 === 0 ? `class-${i}-missing` : `class-${i % 3}`;
		if (i % 7 !== 3)
			files.set(
				`claims/data-${i}.yaml`,
				`apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data-${i}\n  namespace: shop\nspec:\n  accessModes:\n    - ${mode}\n  storageClassName: ${storageClass}\n  volumeName: pv-${i}\n  resources:\n    requests:\n      storage: ${i % 2 ? 1 : 5}Gi\n`,
			);
		if (i % 5 !== 2)
			files.set(
				`volumes/pv-${i}.yaml`,
				`apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-${i}\nspec:\n  capacity:\n    storage: 2Gi\n  accessModes:\n    - ReadWriteOnce\n  storageClassName: class-${i % 3}\n  claimRef:\n    name: data-${i}\n    namespace: ${i % 9 === 0 ? 'other' : 'shop'}\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-${i}\n`,
			);
	}
	// Network plugins the cluster profile infers from images (one written in capitals), each in a file of its own.
	const plugin = (kind: string, name: string, image: string) =>
		`apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: main\n          image: ${image}\n`;
	files.set('network/calico.yaml', plugin('Deployment', 'calico-kube-controllers', 'Docker.io/Calico/Kube-Controllers:v3.27.0'));
	files.set('network/multus.yaml', plugin('DaemonSet', 'multus', 'ghcr.io/k8snetworkplumbingwg/multus-cni:v4.0.2'));
	for (let k = 0; k < 3; k++) files.set(`classes/class-${k}.yaml`, `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: class-${k}\nprovisioner: ebs.csi.aws.com\n`);
	for (const [path, text] of files) {
		mkdirSync(dirname(join(repo, path)), { recursive: true });
		writeFileSync(join(repo, path), text);
	}
}

async function lint(format: string, args: string[]): Promise<string> {
	const run = await runCli(['lint', '.', '--format', format, '--fail-on', 'none', ...args], { cwd: repo });
	assert.equal(run.code, 0, run.stderr);
	return run.stdout;
}

const SHARDS = [1, 2, 3, 4].map((k) => ['--shard', `${k}/4`, '--index', index]);

interface JsonLog {
	findings: JsonFinding[];
	summary: { files: number };
	profile: unknown;
}

describe('kubelore lint: shards with an index, files of other shards as context', () => {
	before(async () => {
		writeFiles(40);
		const built = await runCli(['index', '.', '--out', index], { cwd: repo });
		assert.equal(built.code, 0, built.stderr);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	it('report in JSON, findings, related locations and profile, what one run reports', async () => {
		const full = JSON.parse(await lint('json', [])) as JsonLog;
		const shards = (await Promise.all(SHARDS.map((args) => lint('json', args)))).map((out) => JSON.parse(out) as JsonLog);
		const all = (logs: JsonLog[]) => logs.flatMap((l) => l.findings.map((f) => JSON.stringify(f))).sort();
		assert.deepEqual(all(shards), all([full]));
		assert.equal(
			shards.reduce((sum, s) => sum + s.summary.files, 0),
			full.summary.files,
		);
		for (const shard of shards) assert.deepEqual(shard.profile, full.profile);
		// Only a test of the context files if findings depend on them: each of these names a resource of another file, which another shard reports.
		for (const rule of ['service-target-port-unknown', 'pvc-rwo-shared-by-replicas']) {
			const crossing = full.findings.filter((f) => f.rule === rule && f.related?.some((r) => r.file !== f.file));
			assert.ok(crossing.length >= 3, `${rule}: findings that point into other files`);
		}
		// A Service whose pods are an Argo Rollout's, read from another file.
		assert.ok(full.findings.some((f) => f.rule === 'service-target-port-unknown' && f.related?.some((r) => r.file.startsWith('workloads/') && /Rollout/.test(r.message))));
	});

	it('work the cluster profile out as one run does when the tree is not the one indexed', async () => {
		// A file the index does not hold: the index's profile report is for another tree, each shard makes its own.
		writeFileSync(join(repo, 'late.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: shop\n');
		try {
			const full = JSON.parse(await lint('json', [])) as JsonLog;
			assert.match(JSON.stringify(full.profile), /calico/i, 'the profile names the network plugin');
			const shards = (await Promise.all(SHARDS.map((args) => lint('json', args)))).map((out) => JSON.parse(out) as JsonLog);
			for (const shard of shards) assert.deepEqual(shard.profile, full.profile);
			const all = (logs: JsonLog[]) => logs.flatMap((l) => l.findings.map((f) => JSON.stringify(f))).sort();
			assert.deepEqual(all(shards), all([full]));
		} finally {
			rmSync(join(repo, 'late.yaml'));
		}
	});

	it('report in SARIF and text what one run reports', async () => {
		// A result names its rule by its place in the run's own list of rules, which differs by shard: compared without it.
		const results = (log: string) => ((JSON.parse(log) as Sarif.Log).runs[0].results ?? []).map(({ ruleIndex: _index, ...result }) => JSON.stringify(result));
		const full = results(await lint('sarif', []));
		const shards = (await Promise.all(SHARDS.map((args) => lint('sarif', args)))).flatMap(results);
		assert.ok(full.length > 20);
		assert.deepEqual(shards.sort(), full.sort());
		// Text: each file's findings as a block; the summary line differs by shard.
		const blocks = (text: string) => text.split('\n\n').filter((b) => !/problems? \(|^$/.test(b.trim()));
		const fullText = blocks(await lint('text', []));
		const shardText = (await Promise.all(SHARDS.map((args) => lint('text', args)))).flatMap(blocks);
		assert.deepEqual(shardText.sort(), fullText.sort());
	});
});
