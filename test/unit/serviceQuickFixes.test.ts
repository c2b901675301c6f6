import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { GraphData } from '../../server/src/service/knowledge/types';
import { deploymentWithLabel } from '../util/manifests';
import { afterFix, findingsOf, type Files } from '../util/quickFixes';
import { ROOT } from '../util/service';

describe('Service quick fixes leave valid manifests the rule accepts', () => {
	it('names every port of a multi-port Service written in flow style', () => {
		const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports: [{ port: 53, protocol: UDP }, {port: 53}]\n' };
		const { diagnostics, fixes } = findingsOf(files, 'svc.yaml', 'service-port-name-required');
		assert.equal(diagnostics.length, 2);
		const all = fixes().find((a) => a.title.startsWith('Name all'));
		const fixed = afterFix(files, all);
		assert.match(fixed['svc.yaml'], /\[\{ name: port-53-udp, port: 53, protocol: UDP \}, \{name: port-53, port: 53\}\]/);
		assert.equal(findingsOf(fixed, 'svc.yaml', 'service-port-name-required').diagnostics.length, 0);
	});

	it('names a block-style port at the indentation of its keys', () => {
		const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - name: http\n      port: 80\n    -   port: 443\n        targetPort: tls\n' };
		const fixed = afterFix(files, findingsOf(files, 'svc.yaml', 'service-port-name-required').fixes()[0]);
		assert.match(fixed['svc.yaml'], /- {3}name: tls\n {8}port: 443\n/);
	});

	it('drops nodePort from a ClusterIP Service, in block and flow style, keeping the list item', () => {
		const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - nodePort: 30080 # old\n      port: 80\n    - { name: b, port: 81, nodePort: 30081 }\n' };
		let current: Files = files;
		for (let i = 0; i < 2; i++) current = afterFix(current, findingsOf(current, 'svc.yaml', 'service-node-port-invalid').fixes()[0]);
		assert.match(current['svc.yaml'], /ports:\n {4}- port: 80\n {4}- \{ name: b, port: 81 \}\n$/);
		assert.equal(findingsOf(current, 'svc.yaml', 'service-node-port-invalid').diagnostics.length, 0);
	});

	it("makes a StatefulSet's Service headless in the Service's own file", () => {
		const files = {
			'sts.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: { app: db }\n  template:\n    metadata:\n      labels: { app: db }\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n',
			'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector: { app: db }\n  ports:\n    - port: 5432\n',
		};
		const { diagnostics, fixes } = findingsOf(files, 'sts.yaml', 'statefulset-service-unknown');
		assert.equal(diagnostics.length, 1);
		const fix = fixes()[0];
		assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), ['file:///ws/svc.yaml']);
		const fixed = afterFix(files, fix);
		assert.match(fixed['svc.yaml'], /spec:\n {2}clusterIP: None\n {2}selector:/);
		assert.equal(findingsOf(fixed, 'sts.yaml', 'statefulset-service-unknown').diagnostics.length, 0);
	});

	it('offers no headless fix when an Ingress routes to the Service', () => {
		const files = {
			'all.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: { app: db }\n  template:\n    metadata:\n      labels: { app: db }\n    spec:\n      containers: [{ name: db, image: postgres:16 }]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector: { app: db }\n  ports: [{ port: 80 }]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: db\nspec:\n  defaultBackend:\n    service: { name: db, port: { number: 80 } }\n',
		};
		const { diagnostics, fixes } = findingsOf(files, 'all.yaml', 'statefulset-service-unknown');
		assert.equal(diagnostics.length, 1);
		assert.deepEqual(fixes(), []);
	});

	it('adds the missing headless Service after the StatefulSet, selecting its pods', () => {
		const files = { 'sts.yaml': deploymentWithLabel('web').replace('Deployment', 'StatefulSet').replace('spec:\n  selector', 'spec:\n  serviceName: web-hs\n  selector').replace('image: nginx:1.27', 'image: nginx:1.27\n          ports: [{ name: http, containerPort: 8080 }]') + '---\nkind: ConfigMap\napiVersion: v1\nmetadata: { name: x }\n' };
		const fixed = afterFix(files, findingsOf(files, 'sts.yaml', 'statefulset-service-unknown').fixes()[0]);
		assert.match(fixed['sts.yaml'], /---\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: web-hs\nspec:\n {2}clusterIP: None\n {2}selector:\n {4}app: web\n {2}ports:\n {4}- name: http\n {6}port: 8080\n---\nkind: ConfigMap/);
		assert.equal(findingsOf(fixed, 'sts.yaml', 'statefulset-service-unknown').diagnostics.length, 0);
	});
});

describe('Service rules read their facts from the graph and the settings', () => {
	const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData;
	const without = (id: string) => new KnowledgeGraph({ ...data, entities: data.entities.filter((e) => e.id !== id) });
	const nodePort = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 20080\n' };

	it('the node port range comes from the graph, the settings override it, and no fact means silence', () => {
		assert.match(String(findingsOf(nodePort, 'svc.yaml', 'service-node-port-invalid').diagnostics[0]?.message), /30000-32767/);
		assert.equal(findingsOf(nodePort, 'svc.yaml', 'service-node-port-invalid', { nodePortRange: [20000, 22767] }).diagnostics.length, 0);
		assert.equal(findingsOf(nodePort, 'svc.yaml', 'service-node-port-invalid', {}, without('nodeport')).diagnostics.length, 0);
	});

	it('the serverless limits come from the graph: no platform entity, no finding', () => {
		assert.equal(findingsOf(nodePort, 'svc.yaml', 'service-type-unsupported', { profile: 'serverless' }).diagnostics.length, 1);
		assert.equal(findingsOf(nodePort, 'svc.yaml', 'service-type-unsupported', { profile: 'standard' }).diagnostics.length, 0);
		assert.equal(findingsOf(nodePort, 'svc.yaml', 'service-type-unsupported', { profile: 'serverless' }, without('ack-serverless')).diagnostics.length, 0);
	});

	it('a label changed in another file is seen by the Service at its next check', () => {
		const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports: [{ port: 80 }]\n';
		assert.equal(findingsOf({ 'deploy.yaml': deploymentWithLabel('web'), 'svc.yaml': service }, 'svc.yaml', 'service-selector-no-match').diagnostics.length, 0);
		const moved = findingsOf({ 'deploy.yaml': deploymentWithLabel('website'), 'svc.yaml': service }, 'svc.yaml', 'service-selector-no-match');
		assert.equal(moved.diagnostics.length, 1);
		assert.equal(moved.diagnostics[0].relatedInformation?.[0].location.uri, 'file:///ws/deploy.yaml');
		assert.match(moved.diagnostics[0].relatedInformation?.[0].message ?? '', /app is "website", not "web"/);
	});
});

describe('a nodePort the API server rejects has real fixes', () => {
	const service = (type: string, nodePort: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${type ? `  type: ${type}\n` : ''}  selector: { app: web }\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`;
	const taken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  type: NodePort\n  selector: { app: other }\n  ports:\n    - port: 80\n      nodePort: 30080\n';

	it('out of range: remove it (preferred), or a free port in range that no other Service uses', () => {
		const files = { 'svc.yaml': service('NodePort', 80), 'other.yaml': taken };
		const { fixes } = findingsOf(files, 'svc.yaml', 'service-node-port-invalid');
		const titles = fixes().map((a) => a.title);
		assert.deepEqual(titles, ['Remove nodePort (the cluster allocates one)', 'Use nodePort 30081 (in range, unused in the workspace)']);
		assert.equal(fixes()[0].isPreferred, true);
		for (const action of fixes()) assert.equal(findingsOf(afterFix(files, action), 'svc.yaml', 'service-node-port-invalid').diagnostics.length, 0, action.title);
	});

	it('on a ClusterIP Service: remove it, or make the Service a NodePort one, written or not', () => {
		for (const type of ['ClusterIP', '']) {
			const files = { 'svc.yaml': service(type, 30090) };
			const { fixes } = findingsOf(files, 'svc.yaml', 'service-node-port-invalid');
			assert.deepEqual(fixes().map((a) => a.title), ['Remove nodePort', 'Change the type to NodePort'], type || 'type not written');
			for (const action of fixes()) assert.equal(findingsOf(afterFix(files, action), 'svc.yaml', 'service-node-port-invalid').diagnostics.length, 0, action.title);
			assert.match(afterFix(files, fixes()[1])['svc.yaml'], /type: NodePort/);
		}
	});
});

describe('a port name used twice can be renamed', () => {
	it('the second use becomes <name>-<port>, which the API server accepts', () => {
		const files = { 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - name: http\n      port: 80\n    - name: http\n      port: 8080\n' };
		const { fixes } = findingsOf(files, 'svc.yaml', 'service-port-duplicate');
		assert.deepEqual(fixes().map((a) => a.title), ['Rename it "http-8080"']);
		assert.equal(findingsOf(afterFix(files, fixes()[0]), 'svc.yaml', 'service-port-duplicate').diagnostics.length, 0);
	});
});
