import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphData } from '../../server/src/service/knowledge/types';
import { hoverText } from '../fixtures/hover/harness';
import { applied, findingsOf } from '../util/quickFixes';
import { ROOT } from '../util/service';

const RULE = 'deprecated-api-version';

/** Applies the preferred fix of the only finding and returns the new text. */
function fixed(text: string, version = '1.31'): string {
	const files = { 'a.yaml': text };
	const { diagnostics, fixes } = findingsOf(files, 'a.yaml', RULE, { kubernetesVersion: version });
	assert.equal(diagnostics.length, 1, 'one finding');
	const out = applied(files, 'a.yaml', fixes().find((a) => a.isPreferred));
	assert.equal(findingsOf({ 'a.yaml': out }, 'a.yaml', RULE, { kubernetesVersion: version }).diagnostics.length, 0, `the fixed manifest passes:\n${out}`);
	return out;
}

describe('deprecated-api-version quick fixes produce manifests of the new version', () => {
	it('turns an extensions/v1beta1 Ingress into a valid networking.k8s.io/v1 Ingress', () => {
		const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: fallback
    servicePort: 8080
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 80
          - path: /api
            backend: { serviceName: api, servicePort: http }
`;
		assert.equal(
			fixed(text),
			`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 8080
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: web
                port:
                  number: 80
          - path: /api
            pathType: ImplementationSpecific
            backend: { service: { name: api, port: { name: http } } }
`,
		);
	});

	it('is an error at 1.31 and a warning at 1.21, where networking.k8s.io/v1 is already served', () => {
		const text = 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: w }\nspec:\n  rules: []\n';
		assert.equal(findingsOf({ 'a.yaml': text }, 'a.yaml', RULE).diagnostics[0].severity, 1);
		const older = findingsOf({ 'a.yaml': text }, 'a.yaml', RULE, { kubernetesVersion: '1.21' });
		assert.equal(older.diagnostics[0].severity, 2);
		assert.match(String(older.diagnostics[0].message), /stops being served in 1\.22/);
		assert.equal(findingsOf({ 'a.yaml': text }, 'a.yaml', RULE, { kubernetesVersion: '1.18' }).diagnostics.length, 0, 'not deprecated yet at 1.18');
	});

	it('adds the selector apps/v1 requires from the template labels', () => {
		const out = fixed(`apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: etcd-operator
spec:
  replicas: 1
  rollbackTo: { revision: 2 }
  template:
    metadata:
      labels:
        name: etcd-operator
        tier: "1"
    spec:
      containers: [{ name: op, image: quay.io/coreos/etcd-operator:v0.9.4 }]
`);
		const value = parse(out) as { apiVersion: string; spec: Record<string, unknown> };
		assert.equal(value.apiVersion, 'apps/v1');
		assert.deepEqual(value.spec.selector, { matchLabels: { name: 'etcd-operator', tier: '1' } });
		assert.equal(value.spec.rollbackTo, undefined);
	});

	it('says to add the selector when the template has no labels, and offers no fix', () => {
		const text = 'apiVersion: apps/v1beta1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  template:\n    spec:\n      containers: [{ name: db, image: postgres:16 }]\n';
		const { diagnostics, fixes } = findingsOf({ 'a.yaml': text }, 'a.yaml', RULE);
		assert.match(String(diagnostics[0].message), /Add spec\.selector yourself/);
		assert.equal(fixes().length, 0);
	});

	it('rewrites autoscaling/v2beta1 metrics into the v2 target shape', () => {
		const out = fixed(`apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        targetAverageUtilization: 60
    - type: Pods
      pods:
        metricName: requests_per_second
        targetAverageValue: 10
    - type: Object
      object:
        target: { apiVersion: networking.k8s.io/v1, kind: Ingress, name: main }
        metricName: hits
        targetValue: 2k
`);
		const metrics = (parse(out) as { spec: { metrics: unknown[] } }).spec.metrics;
		assert.deepEqual(metrics, [
			{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
			{ type: 'Pods', pods: { metric: { name: 'requests_per_second' }, target: { type: 'AverageValue', averageValue: 10 } } },
			{ type: 'Object', object: { describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' }, metric: { name: 'hits' }, target: { type: 'Value', value: '2k' } } },
		]);
	});

	it('moves CronJob and PodDisruptionBudget by their apiVersion alone', () => {
		assert.match(fixed('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "* * * * *"\n'), /^apiVersion: batch\/v1\n/);
		assert.match(fixed('apiVersion: "policy/v1beta1"\nkind: PodDisruptionBudget\nmetadata: { name: p }\nspec: { minAvailable: 1, selector: { matchLabels: { app: a } } }\n'), /^apiVersion: "policy\/v1"\n/);
	});

	it('renames assuredConcurrencyShares for flowcontrol v1', () => {
		const out = fixed('apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: PriorityLevelConfiguration\nmetadata: { name: p }\nspec:\n  type: Limited\n  limited:\n    assuredConcurrencyShares: 5\n');
		assert.match(out, /nominalConcurrencyShares: 5/);
		assert.match(out, /^apiVersion: flowcontrol\.apiserver\.k8s\.io\/v1\n/);
	});

	it('explains PodSecurityPolicy instead of offering an edit', () => {
		const text = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: { name: p }\nspec: {}\n';
		const { diagnostics, fixes } = findingsOf({ 'a.yaml': text }, 'a.yaml', RULE);
		assert.match(String(diagnostics[0].message), /Pod Security Admission/);
		assert.equal(fixes().length, 0);
		assert.match(String(findingsOf({ 'a.yaml': text }, 'a.yaml', RULE, { language: 'zh' }).diagnostics[0].message), /Pod 安全准入/);
	});
});

describe('the apiVersion hover and deprecated-api-version agree', () => {
	const rows = (JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData).apiVersions ?? [];
	it('for every row of the API version table, at three target versions', () => {
		assert.ok(rows.length > 40, 'the table is in the graph');
		for (const target of ['1.21', '1.25', '1.31']) {
			for (const row of rows) {
				const text = `apiVersion: ${row.version}\nkind: ${row.kind}\nmetadata: { name: x }\n`;
				const found = findingsOf({ 'a.yaml': text }, 'a.yaml', RULE, { kubernetesVersion: target }).diagnostics;
				const hover = hoverText(text.replace(row.version, `${row.version.slice(0, 2)}<|>${row.version.slice(2)}`), { kubernetesVersion: target });
				const what = `${row.kind} ${row.version} at ${target}`;
				assert.equal(/rejects it/.test(hover), found[0]?.severity === 1, `${what}: error iff the hover says the target rejects it`);
				if (/warns/.test(hover)) assert.equal(found[0]?.severity, 2, `${what}: the hover warns, so does the rule`);
			}
		}
	});
});
