import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import type { ProfileReport } from '../../server/src/cli/formats/profile';
import { runCli } from './run';

const json = (stdout: string) => JSON.parse(stdout) as { findings: JsonFinding[]; profile: ProfileReport };

describe('kubelore lint: cluster rules and the inferred profile', () => {
	it('exits 1 on an extensions/v1beta1 Ingress at 1.31, the same finding the editor shows', async () => {
		const run = await runCli(['lint', 'cluster/ingress.yaml', '--format', 'json']);
		assert.equal(run.code, 1);
		const [finding] = json(run.stdout).findings;
		assert.deepEqual([finding.rule, finding.severity, finding.line, finding.column], ['deprecated-api-version', 'error', 1, 13]);
		assert.match(finding.message, /no longer served since Kubernetes 1\.22/);
	});

	it('a warning only while the target still serves it', async () => {
		const older = await runCli(['lint', 'cluster/ingress.yaml', '--config', 'cluster-1.21.kubelore.yaml', '--format', 'json']);
		assert.equal(json(older.stdout).findings[0]?.severity, 'warning');
		assert.equal(older.code, 0);
	});

	it('reports the CNI it inferred and from which file, in text and JSON, and warns on the NetworkPolicy', async () => {
		const text = await runCli(['lint', 'cluster', '--language', 'en']);
		assert.match(text.stdout, /Cluster profile: CNI Flannel, inferred from cluster\/kube-flannel\.yaml:16 \(DaemonSet kube-flannel-ds, image docker\.io\/flannel\/flannel:v0\.25\.6\)\./);
		const report = json((await runCli(['lint', 'cluster', '--format', 'json'])).stdout);
		assert.deepEqual(report.profile.cni, { id: 'flannel', title: 'Flannel', source: 'inferred', file: 'cluster/kube-flannel.yaml', line: 16, what: 'DaemonSet kube-flannel-ds, image docker.io/flannel/flannel:v0.25.6' });
		assert.ok(report.findings.some((f) => f.rule === 'network-policy-not-enforced' && f.file === 'cluster/policy.yaml'));
	});
});
