import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { atCursor } from '../fixtures/hover/harness';
import { settings } from '../util/service';
import type { Settings } from '../../server/src/service/settings';
import { createLanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { realGraph } from '../util/service';

/** The completion items at the `<|>` cursor. */
function complete(files: Record<string, string>, overrides: Partial<Settings> = {}): CompletionItem[] {
	const w = atCursor(files);
	return w.service.doComplete(w.uri, w.position, settings(overrides)).items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
/** The text a completion item would write. */
const inserted = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

const named = (kind: string, name: string, rest = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${rest}`;
const claim = (name: string, size: string, extra = '') => named('PersistentVolumeClaim', name, `${extra}spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${size}\n`);
const deployment = (volumes: string) =>
	`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx\n      volumes:\n${volumes}`;

describe('completion of names that point at other resources', () => {
	it('claimName with nothing typed offers the claims of the namespace with their sizes, nearest first', () => {
		const items = complete({
			'app/web.yaml': deployment('        - name: data\n          persistentVolumeClaim:\n            claimName: <|>\n'),
			'app/claims.yaml': claim('data', '10Gi'),
			'storage/more.yaml': claim('logs', '1Gi'),
			'other/ns.yaml': claim('elsewhere', '5Gi', '').replace('  name: elsewhere\n', '  name: elsewhere\n  namespace: other\n'),
		});
		assert.deepEqual(labels(items), ['data', 'logs', 'elsewhere']);
		assert.equal(items[0].labelDetails?.description, '10Gi · RWO');
		assert.match(items[0].detail ?? '', /PersistentVolumeClaim in claims\.yaml:4/);
		assert.match(items[2].detail ?? '', /namespace other/);
	});

	it('works on a half-typed value in a document that does not parse yet, and in flow style', () => {
		const broken = deployment('        - name: data\n          persistentVolumeClaim:\n            claimName: da<|>\n      - [\n');
		const items = complete({ 'web.yaml': broken, 'claims.yaml': claim('data', '10Gi') });
		assert.deepEqual(labels(items), ['data']);
		assert.equal(inserted(items[0]), 'data');
		const flow = complete({ 'web.yaml': deployment('        - { name: d, persistentVolumeClaim: { claimName: <|> } }\n'), 'claims.yaml': claim('data', '10Gi') });
		assert.deepEqual(labels(flow), ['data']);
	});

	it('right after the colon the inserted name gets its space', () => {
		const items = complete({ 'web.yaml': deployment('        - name: data\n          persistentVolumeClaim:\n            claimName:<|>\n'), 'claims.yaml': claim('data', '1Gi') });
		assert.equal(inserted(items[0]), ' data');
	});

	it('storageClassName: classes in scope with provisioner and binding mode, then the profile', () => {
		const sc = named('StorageClass', 'fast-ssd', 'provisioner: pd.csi.storage.gke.io\nvolumeBindingMode: WaitForFirstConsumer\n', 'storage.k8s.io/v1');
		const items = complete({ 'sc.yaml': sc, 'pvc.yaml': named('PersistentVolumeClaim', 'c', 'spec:\n  storageClassName: <|>\n') }, { storageClasses: ['standard'] });
		assert.deepEqual(labels(items), ['fast-ssd', 'standard']);
		assert.equal(items[0].labelDetails?.description, 'pd.csi.storage.gke.io · WaitForFirstConsumer');
		assert.ok(items[0].documentation, 'the driver note from the knowledge');
	});

	it('runtimeClassName: RuntimeClasses of the workspace, then handlers the graph knows', () => {
		const items = complete({ 'rc.yaml': named('RuntimeClass', 'sandboxed', 'handler: runsc\n', 'node.k8s.io/v1'), 'pod.yaml': named('Pod', 'p', 'spec:\n  runtimeClassName: <|>\n') });
		assert.equal(items[0].label, 'sandboxed');
		assert.equal(items[0].labelDetails?.description, 'handler runsc');
		assert.ok(labels(items).includes('runsc') && labels(items).includes('kata-qemu'));
	});

	it('StatefulSet serviceName lists headless Services first', () => {
		const items = complete({
			'svc.yaml': `${named('Service', 'a-plain', 'spec:\n  ports: [{ port: 80 }]\n')}---\n${named('Service', 'z-headless', 'spec:\n  clusterIP: None\n')}`,
			'sts.yaml': named('StatefulSet', 'db', 'spec:\n  serviceName: <|>\n', 'apps/v1'),
		});
		assert.deepEqual(labels(items), ['z-headless', 'a-plain']);
	});

	it('ConfigMap and Secret names in every kind of reference, then their keys', () => {
		const objects = { 'cm.yaml': named('ConfigMap', 'settings', 'data:\n  LOG_LEVEL: info\n  MODE: fast\n'), 'secret.yaml': named('Secret', 'creds', 'stringData:\n  password: x\n') };
		const pod = (spec: string) => named('Pod', 'p', `spec:\n${spec}`);
		assert.deepEqual(labels(complete({ ...objects, 'p.yaml': pod('  containers:\n    - name: c\n      envFrom:\n        - configMapRef:\n            name: <|>\n') })), ['settings']);
		assert.deepEqual(labels(complete({ ...objects, 'p.yaml': pod('  volumes:\n    - name: s\n      secret:\n        secretName: <|>\n') })), ['creds']);
		const keyRef = pod('  containers:\n    - name: c\n      env:\n        - name: LEVEL\n          valueFrom:\n            configMapKeyRef:\n              name: settings\n              key: <|>\n');
		assert.deepEqual(labels(complete({ ...objects, 'p.yaml': keyRef })), ['LOG_LEVEL', 'MODE']);
		const items = pod('  volumes:\n    - name: s\n      secret:\n        secretName: creds\n        items:\n          - key: <|>\n');
		assert.deepEqual(labels(complete({ ...objects, 'p.yaml': items })), ['password']);
		const flow = pod('  containers:\n    - name: c\n      env:\n        - name: P\n          valueFrom: { secretKeyRef: { name: creds, key: <|> } }\n');
		assert.deepEqual(labels(complete({ ...objects, 'p.yaml': flow })), ['password'], 'the name beside the key in a flow mapping, not the env var name above');
	});

	it('an Ingress backend: Service names, then the ports of the named Service', () => {
		const svc = { 'svc.yaml': named('Service', 'web', 'spec:\n  ports:\n    - { name: http, port: 80 }\n    - { name: admin, port: 9000 }\n') };
		const ingress = (backend: string) => named('Ingress', 'in', `spec:\n  defaultBackend:\n${backend}`, 'networking.k8s.io/v1');
		assert.deepEqual(labels(complete({ ...svc, 'in.yaml': ingress('    service:\n      name: <|>\n') })), ['web']);
		assert.deepEqual(labels(complete({ ...svc, 'in.yaml': ingress('    service:\n      name: web\n      port:\n        number: <|>\n') })), ['80', '9000']);
		assert.deepEqual(labels(complete({ ...svc, 'in.yaml': ingress('    service:\n      name: web\n      port:\n        name: <|>\n') })), ['admin', 'http']);
		assert.deepEqual(labels(complete({ ...svc, 'in.yaml': ingress('    service: { name: web, port: { number: <|> } }\n') })), ['80', '9000']);
	});

	it('serviceAccountName, ingressClassName and priorityClassName', () => {
		assert.deepEqual(labels(complete({ 'sa.yaml': named('ServiceAccount', 'builder'), 'p.yaml': named('Pod', 'p', 'spec:\n  serviceAccountName: <|>\n') })), ['builder', 'default']);
		assert.deepEqual(labels(complete({ 'ic.yaml': named('IngressClass', 'nginx', 'spec:\n  controller: k8s.io/ingress-nginx\n', 'networking.k8s.io/v1'), 'in.yaml': named('Ingress', 'i', 'spec:\n  ingressClassName: <|>\n', 'networking.k8s.io/v1') })), ['nginx']);
		assert.deepEqual(labels(complete({ 'p.yaml': named('Pod', 'p', 'spec:\n  priorityClassName: <|>\n') })), ['system-cluster-critical', 'system-node-critical']);
	});
});

describe('completion of Service selectors and ports', () => {
	const workload = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - { name: http, containerPort: 8080 }\n`;

	it('offers label pairs of pod templates and a whole selector for one workload', () => {
		const items = complete({ 'web.yaml': workload, 'svc.yaml': named('Service', 'web', 'spec:\n  selector:\n    <|>\n') });
		assert.deepEqual(labels(items), ['app: web', 'tier: front', 'Deployment/web']);
		assert.equal(inserted(items[2]), 'app: web\n    tier: front');
		assert.deepEqual(labels(complete({ 'web.yaml': workload, 'svc.yaml': named('Service', 'web', 'spec:\n  selector:\n    tier: <|>\n') })), ['front']);
	});

	it('targetPort offers the container port names of the selected pods', () => {
		const items = complete({ 'web.yaml': workload, 'svc.yaml': named('Service', 'web', 'spec:\n  selector: { app: web }\n  ports:\n    - port: 80\n      targetPort: <|>\n') });
		assert.deepEqual(labels(items), ['http', '8080']);
	});
});

describe('completion from the knowledge', () => {
	it('enumerated values carry a short knowledge note', () => {
		const items = complete({ 'svc.yaml': named('Service', 's', 'spec:\n  type: <|>\n') });
		assert.deepEqual(labels(items), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
		const nodePort = items[1].documentation;
		assert.ok(nodePort && typeof nodePort !== 'string' && nodePort.value.length > 20 && nodePort.value.length < 400);
		assert.deepEqual(labels(complete({ 'pvc.yaml': named('PersistentVolumeClaim', 'c', 'spec:\n  accessModes:\n    - <|>\n') })), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
		assert.deepEqual(labels(complete({ 'pv.yaml': named('PersistentVolume', 'v', 'spec:\n  persistentVolumeReclaimPolicy: <|>\n') })), ['Retain', 'Delete', 'Recycle']);
		assert.deepEqual(labels(complete({ 'pvc.yaml': named('PersistentVolumeClaim', 'c', 'spec:\n  volumeMode: <|>\n') })), ['Filesystem', 'Block']);
	});

	it('in Chinese, the notes and details are Chinese', () => {
		const items = complete({ 'svc.yaml': named('Service', 's', 'spec:\n  type: <|>\n') }, { language: 'zh' });
		const doc = items[1].documentation;
		assert.ok(doc && typeof doc !== 'string' && /[\u4e00-\u9fff]/.test(doc.value));
	});

	it('provisioner and csi.driver come from the graph', () => {
		const provisioners = labels(complete({ 'sc.yaml': named('StorageClass', 'x', 'provisioner: <|>\n', 'storage.k8s.io/v1') }));
		assert.ok(provisioners.includes('pd.csi.storage.gke.io') && provisioners.includes('ebs.csi.aws.com'));
		assert.ok(provisioners.indexOf('ebs.csi.aws.com') < provisioners.indexOf('kubernetes.io/aws-ebs'));
		const drivers = labels(complete({ 'pv.yaml': named('PersistentVolume', 'v', 'spec:\n  csi:\n    driver: <|>\n') }));
		assert.ok(drivers.includes('nfs.csi.k8s.io') && !drivers.includes('kubernetes.io/aws-ebs'));
	});

	it('CNI annotation keys, the cluster CNI first', () => {
		const items = complete({ 'pod.yaml': named('Pod', 'p', '').replace('  name: p\n', '  name: p\n  annotations:\n    <|>\n') }, { cni: 'kube-ovn' });
		assert.equal(items[0].label, 'ovn.kubernetes.io/ip_address');
		assert.ok(labels(items).includes('cni.projectcalico.org/ipAddrs'));
	});

	it('never completes schema keys', () => {
		assert.deepEqual(complete({ 'pod.yaml': named('Pod', 'p', 'spec:\n  <|>\n') }), []);
		assert.deepEqual(complete({ 'pod.yaml': named('Pod', 'p', 'spec:\n  container<|>\n') }), []);
	});
});

/** The list worked out by hand: the same folder (t0) ranks 1, the rest of the workspace 2, another namespace 6 more; then by name, each once, 100 at most. */
function expected(files: Map<string, string>, typed: string): string[] {
	const claims = [...files].flatMap(([path, text]) =>
		text.split('---\n').flatMap((doc) => {
			const name = /^ {2}name: (.*)$/m.exec(doc)?.[1];
			if (!name || !doc.includes('kind: PersistentVolumeClaim')) return [];
			return [{ name, rank: (path.startsWith('t0/') ? 1 : 2) + (/^ {2}namespace: /m.test(doc) ? 6 : 0) }];
		}),
	);
	const inOrder = (label: string) => {
		let at = 0;
		for (const ch of typed) {
			at = label.indexOf(ch, at) + 1;
			if (at === 0) return false;
		}
		return true;
	};
	const sorted = claims.filter((c) => inOrder(c.name)).sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return [...new Set(sorted.map((c) => c.name))].slice(0, 100);
}

describe('how much of a list is sent', () => {
	const claimAt = (typed: string) => deployment(`        - name: data\n          persistentVolumeClaim:\n            claimName: ${typed}<|>\n`);

	it('a short list goes whole, whatever is typed: the editor filters it as the user types and after a backspace', () => {
		const w = atCursor({ 'app/web.yaml': claimAt('da'), 'app/claims.yaml': claim('data', '10Gi'), 'app/logs.yaml': claim('logs', '1Gi') });
		const list = w.service.doComplete(w.uri, w.position, settings());
		assert.equal(list.isIncomplete, false);
		assert.deepEqual(labels(list.items), ['data', 'logs']);
		// the edit replaces what is typed
		const edit = list.items[1].textEdit;
		assert.ok(edit && 'range' in edit);
		assert.equal(edit.range.end.character - edit.range.start.character, 'da'.length);
	});

	it('a long list keeps the names that match what is typed, nearest first, cut to 100, and says it is incomplete', () => {
		const files: Record<string, string> = { 'app/web.yaml': claimAt('da1') };
		for (let i = 0; i < 150; i++) files[`far/c${i}.yaml`] = claim(`data-${i}`, '1Gi');
		for (let i = 0; i < 150; i++) files[`far/l${i}.yaml`] = claim(`logs-${i}`, '1Gi');
		files['app/near.yaml'] = claim('data-near-1', '1Gi');
		const w = atCursor(files);
		const list = w.service.doComplete(w.uri, w.position, settings());
		assert.equal(list.isIncomplete, true);
		assert.equal(list.items[0].label, 'data-near-1', 'the claim of the same folder first');
		assert.ok(list.items.every((i) => /^data-.*1/.test(i.label)), 'only names with d, a, 1 in order');
		const matching = 1 + Array.from({ length: 150 }, (_, i) => `data-${i}`).filter((n) => n.includes('1')).length;
		assert.equal(list.items.length, Math.min(100, matching));
	});

	for (const typed of ['sc-2', 'sc-1', 's9', '']) {
		it(`a long storageClassName list equals the matching names of classes, profile and PVs nearest first, cut to 100 (typed "${typed}")`, () => {
			const files: Record<string, string> = { 'app/pvc.yaml': named('PersistentVolumeClaim', 'c', `spec:\n  storageClassName: ${typed}<|>\n`) };
			const sc = (name: string) => named('StorageClass', name, 'provisioner: ebs.csi.aws.com\n', 'storage.k8s.io/v1');
			const pv = (name: string, storageClass: string) => named('PersistentVolume', name, `spec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${storageClass}\n`);
			for (let i = 0; i < 120; i++) files[`far/sc${i}.yaml`] = sc(`sc-${i}`);
			// PVs of classes that are StorageClasses too (100 to 119) and of classes that are not (120 to 399), their files in the reverse order
			for (let i = 100; i < 400; i++) files[`pvs/pv${1000 - i}.yaml`] = pv(`pv-${i}`, `sc-${i}`);
			const profile = ['sc-7', 'sc-250', 'zz-2'];
			const w = atCursor(files);
			const list = w.service.doComplete(w.uri, w.position, settings({ storageClasses: profile }));
			// the reference: every name with its best rank (classes 2, profile 3, PV classes 5), matching letters in order
			const best = new Map<string, number>();
			const offer = (name: string, rank: number) => best.set(name, Math.min(rank, best.get(name) ?? rank));
			for (let i = 0; i < 120; i++) offer(`sc-${i}`, 2);
			for (const name of profile) offer(name, 3);
			for (let i = 100; i < 400; i++) offer(`sc-${i}`, 5);
			const matches = (label: string) => {
				let at = 0;
				for (const ch of typed) if ((at = label.indexOf(ch, at) + 1) === 0) return false;
				return true;
			};
			const expected = [...best].filter(([name]) => matches(name)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 100);
			assert.equal(list.isIncomplete, true);
			assert.deepEqual(labels(list.items), expected.map(([name]) => name));
			assert.deepEqual(list.items.map((i) => i.sortText?.slice(0, 2)), expected.map(([, rank]) => String(rank).padStart(2, '0')));
			// a class only PVs carry says which PV carries it
			for (const item of list.items) if (Number(item.label.slice(3)) >= 120 && !profile.includes(item.label)) assert.match(item.detail ?? '', new RegExp(`pv-${item.label.slice(3)}\\b`));
		});
	}

	for (const [what, elsewhere] of [
		['most claims in other namespaces', (i: number) => i % 3 !== 0],
		['most claims in the same namespace (the scan stops early)', (i: number) => i % 5 === 0],
	] as const) it(`after edits, removals and new files the answers equal those of a fresh workspace: ${what}`, () => {
		const files = new Map<string, string>();
		const uri = (path: string) => `file:///ws/${path}`;
		const web = (typed: string) => claimAt(typed).replace('<|>', '');
		for (let i = 0; i < 260; i++) files.set(`t${i % 4}/c${i}.yaml`, claim(`data-${i % 200}`, `${i}Gi`, elsewhere(i) ? `  namespace: ns${i % 2}\n` : ''));
		files.set('t0/web.yaml', web('data-1'));
		const live = new WorkspaceIndex(['/ws']);
		const liveService = createLanguageService({ index: live, graph: realGraph(), docsBase: 'file:///docs/rules' });
		for (const [path, text] of files) live.setFile(uri(path), text, 1, true);
		const answer = (service: typeof liveService, index: WorkspaceIndex, typed: string) => {
			const text = index.getFile(uri('t0/web.yaml'))!.text;
			const line = text.getText().split('\n').findIndex((l) => l.includes('claimName'));
			return service.doComplete(uri('t0/web.yaml'), { line, character: 23 + typed.length }, settings());
		};
		const steps: [string, string | undefined][] = [
			['t1/c5.yaml', claim('data-5-renamed', '3Gi')],
			['t2/new.yaml', claim('data-1000', '1Gi') + '---\n' + claim('data-1', '2Gi')],
			['t3/c7.yaml', undefined],
			['t0/c8.yaml', claim('data-8', '9Gi', '  namespace: ns1\n')],
			['t0/web.yaml', web('data-1')],
		];
		for (const [n, [path, text]] of steps.entries()) {
			// answers asked between the changes fill the caches a later answer could wrongly reuse
			for (const typed of ['data-1', 'd', '']) answer(liveService, live, typed);
			if (text === undefined) {
				files.delete(path);
				live.removeFile(uri(path));
			} else {
				files.set(path, text);
				live.setFile(uri(path), text, n + 2, true);
			}
			const fresh = new WorkspaceIndex(['/ws']);
			for (const [p, t] of files) fresh.setFile(uri(p), t, 1, true);
			const freshService = createLanguageService({ index: fresh, graph: realGraph(), docsBase: 'file:///docs/rules' });
			for (const typed of ['data-1', 'd', '']) {
				const got = answer(liveService, live, typed);
				assert.deepEqual(got, answer(freshService, fresh, typed), `after step ${n}, typed "${typed}"`);
				assert.deepEqual(labels(got.items), expected(files, typed), `the nearest 100 after step ${n}, typed "${typed}"`);
			}
		}
	});
});
