import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { atCursor } from '../fixtures/hover/harness';
import { settings, workspace } from '../util/service';
import type { Settings } from '../../server/src/service/settings';

const named = (kind: string, name: string, rest = '', apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${rest}`;
const web = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          envFrom:\n            - configMapRef: { name: settings }\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data\n`;
const claim = (name: string, spec: string) => named('PersistentVolumeClaim', name, `spec:\n${spec}`);

/** The files after a rename at the cursor, or the refusal in English. */
function renamed(files: Record<string, string>, newName: string, overrides: Partial<Settings> = {}): Record<string, string> | string {
	const w = atCursor(files);
	const prepared = w.service.prepareRename(w.uri, w.position, settings(overrides));
	if (prepared && 'refused' in prepared) return prepared.refused.en;
	assert.ok(prepared, 'something to rename at the cursor');
	const result = w.service.rename(w.uri, w.position, newName, settings(overrides));
	if (!result || 'refused' in result) return result?.refused.en ?? 'null';
	return apply(w.service.index, result, w.uriOf(''));
}

function apply(index: { getFile(uri: string): { text: TextDocument } | undefined }, edit: WorkspaceEdit, root: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [uri, edits] of Object.entries(edit.changes ?? {})) out[uri.slice(root.length)] = TextDocument.applyEdits(index.getFile(uri)!.text, edits as TextEdit[]);
	return out;
}

describe('rename a resource with its references across files', () => {
	it('renaming a Service from its name updates Ingress backends and a StatefulSet serviceName in other files', () => {
		const files = {
			'svc.yaml': named('Service', 'we<|>b', 'spec:\n  selector: { app: web }\n'),
			'ingress.yaml': named('Ingress', 'in', 'spec:\n  rules:\n    - http:\n        paths:\n          - backend:\n              service: { name: web, port: { number: 80 } }\n', 'networking.k8s.io/v1'),
			'sts.yaml': named('StatefulSet', 'db', 'spec:\n  serviceName: "web"\n', 'apps/v1'),
		};
		const out = renamed(files, 'frontend');
		assert.equal(typeof out, 'object');
		const changed = out as Record<string, string>;
		assert.deepEqual(Object.keys(changed).sort(), ['ingress.yaml', 'sts.yaml', 'svc.yaml']);
		assert.match(changed['svc.yaml'], /name: frontend\n/);
		assert.match(changed['ingress.yaml'], /service: \{ name: frontend, port/);
		assert.match(changed['sts.yaml'], /serviceName: "frontend"/);
	});

	it('renaming from a reference renames the claim and every claimName', () => {
		const out = renamed({ 'web.yaml': web.replace('claimName: data', 'claimName: da<|>ta'), 'pvc.yaml': claim('data', '  resources: { requests: { storage: 1Gi } }\n') }, 'cache') as Record<string, string>;
		assert.match(out['pvc.yaml'], /name: cache\n/);
		assert.match(out['web.yaml'], /claimName: cache\n/);
	});

	it('a ConfigMap, StorageClass and RuntimeClass rename reaches their references', () => {
		const cm = renamed({ 'web.yaml': web, 'cm.yaml': named('ConfigMap', 'sett<|>ings') }, 'app-settings') as Record<string, string>;
		assert.match(cm['web.yaml'], /configMapRef: \{ name: app-settings \}/);
		const sc = renamed({ 'sc.yaml': named('StorageClass', 'fa<|>st', 'provisioner: ebs.csi.aws.com\n', 'storage.k8s.io/v1'), 'pvc.yaml': claim('c', '  storageClassName: fast\n') }, 'gp3') as Record<string, string>;
		assert.match(sc['pvc.yaml'], /storageClassName: gp3/);
		const rc = renamed({ 'rc.yaml': named('RuntimeClass', 'gvi<|>sor', 'handler: runsc\n', 'node.k8s.io/v1'), 'pod.yaml': named('Pod', 'p', 'spec:\n  runtimeClassName: gvisor\n') }, 'sandboxed') as Record<string, string>;
		assert.match(rc['pod.yaml'], /runtimeClassName: sandboxed/);
	});

	it('refuses with a reason when a Helm template uses the name, leaving every file alone', () => {
		const files = {
			'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
			'chart/templates/pvc.yaml': named('PersistentVolumeClaim', 'da<|>ta'),
			'chart/templates/web.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  volumes:\n    - name: d\n      persistentVolumeClaim: { claimName: data }\n`,
		};
		assert.match(renamed(files, 'other') as string, /Helm template/);
	});

	it('refuses names the cluster profile uses, names not defined in the workspace, and invalid names', () => {
		assert.match(renamed({ 'sc.yaml': named('StorageClass', 'stan<|>dard', 'provisioner: x\n', 'storage.k8s.io/v1') }, 'y', { storageClasses: ['standard'] }) as string, /cluster profile/);
		assert.match(renamed({ 'pod.yaml': named('Pod', 'p', 'spec:\n  runtimeClassName: gvi<|>sor\n') }, 'x') as string, /No RuntimeClass named "gvisor"/);
		assert.match(renamed({ 'svc.yaml': named('Service', 'we<|>b') }, '9web') as string, /not a valid Service name/);
		assert.match(renamed({ 'd.yaml': web.replace('  name: web\nspec', '  name: w<|>eb\nspec') }, 'x') as string, /not a Deployment/);
	});
});

describe('outline and workspace symbols', () => {
	it('one node per document, `Kind name` with the namespace, main sections as children', () => {
		const docs = Array.from({ length: 10 }, (_, i) => named('ConfigMap', `cm-${i}`, 'data:\n  a: b\n').replace('metadata:\n', 'metadata:\n  namespace: shop\n'));
		const { service, uri } = workspace({ 'many.yaml': [...docs, web].join('---\n') });
		const symbols = service.documentSymbols(uri('many.yaml'));
		assert.equal(symbols.length, 11);
		assert.equal(symbols[3].name, 'ConfigMap cm-3');
		assert.equal(symbols[3].detail, 'shop');
		assert.deepEqual(symbols[3].children?.map((c) => c.name), ['data']);
		const spec = symbols[10].children?.find((c) => c.name === 'spec');
		assert.deepEqual(spec?.children?.map((c) => c.name), ['container web']);
		for (const s of symbols) assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line);
	});

	it('workspace symbols find resources by name or by kind', () => {
		const { service } = workspace({ 'a.yaml': web, 'b.yaml': named('ConfigMap', 'settings'), 'c.yaml': claim('data', '  accessModes: [ReadWriteOnce]\n') });
		assert.deepEqual(service.workspaceSymbols('sett').map((s) => s.name), ['settings']);
		assert.deepEqual(service.workspaceSymbols('PersistentVolumeClaim').map((s) => s.name), ['data']);
		assert.equal(service.workspaceSymbols('').length, 3);
	});
});

describe('code lenses', () => {
	const lenses = (files: Record<string, string>, path: string, overrides: Partial<Settings> = {}) => {
		const { service, uri } = workspace(files);
		return service.codeLenses(uri(path), settings(overrides)).map((unresolved) => service.resolveCodeLens(unresolved, settings(overrides))).map((l) => ({ title: l.command?.title, line: l.range.start.line, count: (l.command?.arguments?.[2] as unknown[] | undefined)?.length ?? 0 }));
	};

	it('a Service shows the workloads it selects, or that it selects nothing', () => {
		const files = { 'web.yaml': web, 'svc.yaml': `${named('Service', 'web', 'spec:\n  selector: { app: web }\n')}---\n${named('Service', 'lost', 'spec:\n  selector: { app: gone }\n')}` };
		assert.deepEqual(lenses(files, 'svc.yaml'), [
			{ title: 'selects Deployment/web, 3 replicas', line: 0, count: 1 },
			{ title: 'selects nothing in this workspace', line: 7, count: 0 },
		]);
	});

	it('a claim shows how it binds and who uses it', () => {
		const pv = named('PersistentVolume', 'data-1', 'spec:\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  hostPath: { path: /d }\n');
		const sc = named('StorageClass', 'fast-ssd', 'provisioner: pd.csi.storage.gke.io\n', 'storage.k8s.io/v1');
		const files = { 'web.yaml': web, 'pv.yaml': pv, 'sc.yaml': sc, 'pvc.yaml': `${claim('data', '  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 5Gi } }\n')}---\n${claim('fast', '  storageClassName: fast-ssd\n  accessModes: [ReadWriteOnce]\n')}---\n${claim('big', '  storageClassName: ""\n  accessModes: [ReadWriteMany]\n')}` };
		assert.deepEqual(
			lenses(files, 'pvc.yaml').map((l) => l.title),
			['bound to PV data-1', 'used by Deployment/web', 'dynamic: fast-ssd, pd.csi.storage.gke.io', 'used by nothing in this workspace', 'no PV can bind', 'used by nothing in this workspace'],
		);
	});

	it('ConfigMaps show who uses them, in the display language, and the setting turns lenses off', () => {
		const files = { 'web.yaml': web, 'cm.yaml': named('ConfigMap', 'settings') };
		assert.deepEqual(lenses(files, 'cm.yaml'), [{ title: 'used by Deployment/web', line: 0, count: 1 }]);
		assert.equal(lenses(files, 'cm.yaml', { language: 'zh' })[0].title, '被 Deployment/web 使用');
		assert.deepEqual(lenses(files, 'cm.yaml', { codeLens: false }), []);
	});
});
