import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonFinding } from '../../server/src/cli/formats/json';
import { serviceWithProtocol } from '../util/manifests';
import { runCli } from './run';

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.severity}`);

const service = serviceWithProtocol;

describe('kubelore lint: what the API server would reject', () => {
	it('exits 1 on `protocol: TCPP`, with the error on the value', async () => {
		const run = await runCli(['lint', '-', '--format', 'json'], { input: service('TCPP') });
		assert.equal(run.code, 1);
		assert.deepEqual(findings(run.stdout), ['9:17 schema-enum error']);
	});

	it('exits 0 on the same Service with `protocol: TCP`', async () => {
		const run = await runCli(['lint', '-', '--format', 'json'], { input: service('TCP') });
		assert.equal(run.code, 0);
		assert.deepEqual(findings(run.stdout), []);
	});

	it('validates against the version of --config (a field newer than 1.25 is unknown there)', async () => {
		const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n      resizePolicy: [{ resourceName: cpu, restartPolicy: NotRequired }]\n';
		const old = await runCli(['lint', '-', '--format', 'json', '--config', 'versions/1.25.yaml'], { input: pod });
		assert.deepEqual(findings(old.stdout), ['9:7 schema-unknown-field error']);
		assert.equal(old.code, 1);
		const current = await runCli(['lint', '-', '--format', 'json'], { input: pod });
		assert.equal(current.code, 0);
	});
});
