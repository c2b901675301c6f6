import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { hoverText } from '../fixtures/hover/harness';
import { ROOT, settings, workspace } from '../util/service';

const VALID = join(ROOT, 'test', 'fixtures', 'valid', 'infrastructure');

/** host-path-volume findings of a file of the infrastructure suite (or given text), with severity and message. */
function hostPaths(file: string, text = readFileSync(join(VALID, file), 'utf8')) {
	const { service, uri } = workspace({ [file]: text });
	return service
		.doValidation(uri(file), settings())
		.filter((d) => d.code === 'host-path-volume')
		.map((d) => ({ severity: d.severity, message: String(d.message) }));
}

describe('node agents the knowledge recognises mount host paths by design', () => {
	it('a CSI driver\'s own StatefulSet in "default" gets information, not warnings, on each host path', () => {
		const found = hostPaths('csi-hostpath-plugin.yaml');
		assert.equal(found.length, 6);
		for (const f of found) assert.equal(f.severity, DiagnosticSeverity.Information, f.message);
		const registry = found.find((f) => f.message.includes('/var/lib/kubelet/plugins_registry'));
		assert.match(registry?.message ?? '', /by design.*registers its socket with the kubelet/);
		const data = found.find((f) => f.message.includes('/var/lib/csi-hostpath-data/'));
		assert.match(data?.message ?? '', /not among the paths such agents usually need/);
	});

	it('CNI agents, storage plugins, runtime installers, log agents and kube-proxy are recognised wherever they run', () => {
		const expected: Record<string, RegExp> = {
			'kube-flannel.yaml': /Flannel is a node agent.*CNI agent writes/,
			'calico-node.yaml': /Calico is a node agent/,
			'rook-ceph.yaml': /node agent/,
			'aws-ebs-csi-node.yaml': /node agent.*CSI plugin/,
			'kata-deploy.yaml': /Kata Containers is a node agent/,
			'fluent-bit.yaml': /Node log agents is a node agent.*log agent reads/,
			'kube-proxy.yaml': /kube-proxy is a node agent/,
		};
		for (const [file, pattern] of Object.entries(expected)) {
			const found = hostPaths(file);
			assert.ok(found.length > 0, file);
			for (const f of found) assert.equal(f.severity, DiagnosticSeverity.Information, `${file}: ${f.message}`);
			assert.ok(found.some((f) => pattern.test(f.message)), `${file}: ${found.map((f) => f.message).join('\n')}`);
		}
	});

	it('a node monitoring agent reading the host is recognised too', () => {
		const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: newrelic-infra }\nspec:\n  selector: { matchLabels: { name: newrelic } }\n  template:\n    metadata: { labels: { name: newrelic } }\n    spec:\n      containers:\n        - name: agent\n          image: newrelic/infrastructure:1.50\n          volumeMounts: [{ name: host-root, mountPath: /host, readOnly: true }]\n      volumes:\n        - name: host-root\n          hostPath: { path: / }\n';
		const found = hostPaths('newrelic.yaml', text);
		assert.equal(found.length, 1);
		assert.equal(found[0].severity, DiagnosticSeverity.Information);
		assert.match(found[0].message, /Node monitoring agents is a node agent: it mounts \/ from the node by design.*Set `type`/);
		assert.doesNotMatch(found[0].message, /Mount it readOnly/);
	});

	it('says what to restrict only where it is not restricted yet (readOnly, type)', () => {
		const found = hostPaths('fluent-bit.yaml');
		const varlog = found.find((f) => f.message.includes('mounts /var/log from'))!;
		assert.match(varlog.message, /readOnly/);
		assert.match(varlog.message, /Set `type`/);
		const docker = found.find((f) => f.message.includes('/var/lib/docker/containers'))!;
		assert.doesNotMatch(docker.message, /Mount it readOnly/);
		assert.match(docker.message, /Set `type`/);
		const typed = hostPaths('fluent-bit.yaml', readFileSync(join(VALID, 'fluent-bit.yaml'), 'utf8').replace('path: /var/lib/docker/containers', 'path: /var/lib/docker/containers\n            type: Directory'));
		assert.match(typed.find((f) => f.message.includes('/var/lib/docker/containers'))!.message, /nothing more to restrict/);
	});

	it('an application with an unknown image mounting the same paths is still warned', () => {
		const text = readFileSync(join(VALID, 'fluent-bit.yaml'), 'utf8').replace('cr.fluentbit.io/fluent/fluent-bit:3.1.9', 'registry.example.com/shop/web:1.0');
		const found = hostPaths('fluent-bit.yaml', text);
		assert.equal(found.length, 2);
		for (const f of found) assert.equal(f.severity, DiagnosticSeverity.Warning);
	});

	it('the hover on a node agent\'s hostPath shows the same recognition', () => {
		const text = readFileSync(join(VALID, 'kube-flannel.yaml'), 'utf8').replace('path: /run/flannel', 'path: /run/fla<|>nnel');
		const hover = hoverText(text);
		assert.match(hover, /Node agent/);
		assert.match(hover, /Flannel is a node agent: it mounts \/run\/flannel from the node by design/);
		const key = hoverText(readFileSync(join(VALID, 'kube-flannel.yaml'), 'utf8').replace('- name: run\n          hostPath:', '- name: run\n          host<|>Path:'));
		assert.match(key, /Flannel is a node agent/);
		const app = hoverText('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: nginx }]\n  volumes:\n    - name: d\n      hostPath:\n        path: /da<|>ta\n');
		assert.doesNotMatch(app, /node agent/);
	});
});
