import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { createLanguageService } from '../../server/src/service/service';
import { realGraph, settings } from '../util/service';

type Files = Record<string, string>;

const APP: Files = {
	'apps/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: wbe }
  ports: [{ port: 80 }]
`,
};

const CHART: Files = {
	'charts/billing/Chart.yaml': 'apiVersion: v2\nname: billing\nversion: 1.0.0\n',
	'charts/billing/values.yaml': 'replicaCount: 1\n',
	'charts/billing/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "billing.fullname" . }}
spec:
  template:
    metadata:
      labels:
        app.kubernetes.io/name: billing
        app.kubernetes.io/instance: {{ .Release.Name }}
`,
};

/** Warnings and errors per file, as "path rule", from an index of the files under the given root. */
function lint(files: Files, root: string): string[] {
	const index = new WorkspaceIndex([root]);
	const uri = (path: string) => `file:///repo/${path}`;
	for (const [path, text] of Object.entries(files)) if (`/repo/${path}`.startsWith(`${root}/`)) index.setFile(uri(path), text, 1, false);
	const service = createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs' });
	return index.uris.flatMap((u) =>
		service
			.doValidation(u, settings())
			.filter((d) => d.severity !== undefined && d.severity <= 2)
			.map((d) => `${u.replace('file:///repo/', '')} ${String(d.code)}`),
	);
}

describe('a Helm chart is a scope of its own', () => {
	it('a chart beside apps/ does not silence a selector typo in apps/', () => {
		assert.deepEqual(lint({ ...APP, ...CHART }, '/repo'), ['apps/web.yaml service-selector-no-match']);
	});

	it('linting apps/ or the repository root gives the same findings for apps/', () => {
		const fromRoot = lint({ ...APP, ...CHART }, '/repo').filter((l) => l.startsWith('apps/'));
		assert.deepEqual(lint({ ...APP, ...CHART }, '/repo/apps'), fromRoot);
	});

	it('a selector outside the chart stays silent when the chart carries its labels', () => {
		const edge = `apiVersion: v1
kind: Service
metadata: { name: billing-metrics }
spec:
  selector: { app.kubernetes.io/name: billing, app.kubernetes.io/instance: prod }
  ports: [{ port: 9090 }]
`;
		assert.deepEqual(lint({ ...APP, ...CHART, 'apps/edge.yaml': edge }, '/repo'), ['apps/web.yaml service-selector-no-match']);
		const other = edge.replace('app.kubernetes.io/name: billing', 'app.kubernetes.io/name: payroll').replace('billing-metrics', 'payroll-metrics');
		const withWeb = {
			...APP,
			'apps/web.yaml': APP['apps/web.yaml'].replace('{ app: web } }\n  template:\n    metadata: { labels: { app: web } }', '{ app: web } }\n  template:\n    metadata: { labels: { app: web, app.kubernetes.io/name: payrol } }'),
		};
		assert.ok(lint({ ...withWeb, ...CHART, 'apps/edge.yaml': other }, '/repo').includes('apps/edge.yaml service-selector-no-match'), 'labels the chart never writes are judged');
	});

	it('the chart folder is the scope of its templates and other files', () => {
		const index = new WorkspaceIndex(['/repo']);
		for (const [path, text] of Object.entries({ ...APP, ...CHART })) index.setFile(`file:///repo/${path}`, text, 1, false);
		assert.equal(index.scopeOf('file:///repo/charts/billing/templates/deployment.yaml'), '/repo/charts/billing');
		assert.equal(index.scopeOf('file:///repo/apps/web.yaml'), '/repo');
		assert.ok(index.partialScopes().has('/repo/charts/billing'));
		assert.ok(!index.partialScopes().has('/repo'), 'the chart does not make the workspace folder partial');
	});

	it('adding a Chart.yaml makes its templates/ templates; deleting it makes them plain files again', () => {
		const index = new WorkspaceIndex(['/repo']);
		const template = 'file:///repo/charts/billing/templates/service.yaml';
		index.setFile(template, 'apiVersion: v1\nkind: Service\nmetadata: { name: billing }\nspec:\n  selector: { app: billing }\n', 1, false);
		assert.equal(index.isPartialFile(template), false);
		assert.equal(index.getFile(template)?.manifest.documents[0].kind, 'resource');
		const chart = 'file:///repo/charts/billing/Chart.yaml';
		index.setFile(chart, CHART['charts/billing/Chart.yaml'], 1, false);
		assert.equal(index.isPartialFile(template), true);
		assert.equal(index.getFile(template)?.manifest.documents[0].partialReason, 'helm');
		assert.equal(index.scopeOf(template), '/repo/charts/billing');
		index.removeFile(chart);
		assert.equal(index.isPartialFile(template), false);
		assert.equal(index.getFile(template)?.manifest.documents[0].partialReason, undefined);
		assert.equal(index.scopeOf(template), '/repo');
	});

	it("an Ingress outside the chart routing to the release's Service is not told it is missing", () => {
		const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: edge }
spec:
  defaultBackend: { service: { name: prod-billing, port: { number: 80 } } }
`;
		assert.deepEqual(lint({ ...CHART, 'apps/edge.yaml': ingress }, '/repo'), []);
	});
});

describe('a templated file outside any chart silences only what it could render', () => {
	const loose = `apiVersion: v1
kind: Pod
metadata:
  name: vttablet-{{uid}}
  labels:
    app: vitess
spec:
  containers: [{ name: t, image: vitess/lite }]
`;
	const edge = (backend: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: edge }
spec:
  defaultBackend: { service: { name: ${backend}, port: { number: 80 } } }
`;

	it('its folder is not partial: a selector typo beside it is still reported', () => {
		assert.deepEqual(lint({ ...APP, 'apps/vttablet-template.yaml': loose }, '/repo'), ['apps/web.yaml service-selector-no-match']);
	});

	it('a name it could render (vttablet-{{uid}}) is not missing; another name is', () => {
		const files = { ...APP, 'apps/vttablet-template.yaml': loose };
		assert.deepEqual(lint({ ...files, 'apps/edge.yaml': edge('vttablet-7') }, '/repo').filter((l) => l.includes('edge')), []);
		assert.deepEqual(lint({ ...files, 'apps/edge.yaml': edge('web-tablet') }, '/repo').filter((l) => l.includes('edge')), ['apps/edge.yaml ingress-backend-unknown']);
	});

	it('a document that does not parse and mentions the labels keeps a selector silent', () => {
		const broken = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: wbe\n  name: wbe\nspec:\n  template:\n    metadata: { labels: { app: wbe } }\n';
		assert.deepEqual(lint({ ...APP, 'apps/broken.yaml': broken }, '/repo').filter((l) => l.includes('service-selector')), []);
	});
});

describe('a Kustomize patch makes only its overlay partial', () => {
	it('an overlay with a patch does not silence the folder beside it', () => {
		const files: Files = {
			...APP,
			'overlays/prod/kustomization.yaml': 'resources: [service.yaml]\npatches: [{ path: patch.yaml }]\n',
			'overlays/prod/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  selector: { app: api }\n',
			'overlays/prod/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\nspec: { replicas: 3 }\n',
		};
		assert.deepEqual(lint(files, '/repo'), ['apps/web.yaml service-selector-no-match']);
	});
});
