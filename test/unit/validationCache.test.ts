import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from '../../server/src/service/features/validation';
import { ROOT, settings, workspace } from '../util/service';

const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10GB\n';
const CONFIG = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i}: v\n`).join('')}`;

describe('local rule findings are reused while a document is unchanged', () => {
	it('an edit above a document moves its findings and their quick-fix edits with it', () => {
		const { service, uri } = workspace({ 'a.yaml': `${CONFIG(1)}---\n${CLAIM}` });
		const file = uri('a.yaml');
		const first = service.doValidation(file, settings()).find((d) => d.code === 'quantity-invalid');
		assert.ok(first);
		const edited = `${CONFIG(5)}---\n${CLAIM}`;
		service.index.setFile(file, edited, 2, true);
		const second = service.doValidation(file, settings()).find((d) => d.code === 'quantity-invalid');
		assert.ok(second);
		assert.equal(second.range.start.line, first.range.start.line + 4, 'the diagnostic moved down with its document');
		const text = service.index.getFile(file)!.text;
		for (const fix of (second.data as DiagnosticData).fixes) {
			for (const edit of fix.edits) assert.equal(text.getText(edit.range), '10GB', `the fix "${fix.title}" still replaces the quantity`);
		}
	});

	it('new settings and edited documents are checked again', () => {
		const { service, uri } = workspace({ 'a.yaml': CLAIM });
		const file = uri('a.yaml');
		assert.ok(service.doValidation(file, settings()).some((d) => d.code === 'quantity-invalid'));
		assert.ok(!service.doValidation(file, settings({ rules: { 'quantity-invalid': 'off' } })).some((d) => d.code === 'quantity-invalid'));
		service.index.setFile(file, CLAIM.replace('10GB', '10Gi'), 2, true);
		assert.ok(!service.doValidation(file, settings()).some((d) => d.code === 'quantity-invalid'));
	});
});

describe('cross-resource findings are kept while what they read stands still', () => {
	const CALICO = readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'cni-calico', 'calico.yaml'), 'utf8');
	const POLICY = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: l7\nspec:\n  endpointSelector: { matchLabels: { app: web } }\n';
	const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          envFrom: [{ configMapRef: { name: settings } }]\n';
	const SERVICE = (app: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: ${app} }\n  ports: [{ port: 80 }]\n`;
	const fresh = (files: Record<string, string>, path: string): Diagnostic[] => {
		const { service, uri } = workspace(files);
		return service.doValidation(uri(path), settings());
	};

	it('a message naming the line of the profile\'s evidence follows it when text above the evidence grows', () => {
		// In one file: the finding's related place moves with its document, its message must too.
		const files = { 'calico.yaml': `${CONFIG(1)}---\n${CALICO}---\n${POLICY}` };
		const { service, uri } = workspace(files);
		const before = service.doValidation(uri('calico.yaml'), settings()).find((d) => d.code === 'cni-resource-mismatch');
		assert.ok(before, 'the Cilium policy under Calico is reported');
		const grown = { 'calico.yaml': `${CONFIG(6)}---\n${CALICO}---\n${POLICY}` };
		service.index.setFile(uri('calico.yaml'), grown['calico.yaml'], 2, true);
		const after = service.doValidation(uri('calico.yaml'), settings());
		assert.deepEqual(after, fresh(grown, 'calico.yaml'));
		assert.notEqual(after.find((d) => d.code === 'cni-resource-mismatch')?.message, before.message, 'the line in the message moved');
	});

	it('a pod\'s missing ConfigMap is reported until one of that name comes, not after', () => {
		const files: Record<string, string> = { 'a.yaml': WEB };
		const { service, uri } = workspace(files);
		const missing = () => service.doValidation(uri('a.yaml'), settings()).filter((d) => d.code === 'config-ref-missing').length;
		assert.equal(missing(), 1);
		service.index.setFile(uri('b.yaml'), CONFIG(2).replace('name: c', 'name: other'), 1, true);
		assert.equal(missing(), 1, 'a ConfigMap of another name changes nothing');
		service.index.setFile(uri('b.yaml'), CONFIG(2).replace('name: c', 'name: settings'), 2, true);
		assert.equal(missing(), 0, 'renamed to the missing name, it is found');
		service.index.removeFile(uri('b.yaml'));
		assert.equal(missing(), 1, 'deleted, it is missing again');
	});

	it('a Service without pods is reported until a workload in another file carries its labels', () => {
		const files: Record<string, string> = { 'svc.yaml': `${CONFIG(1)}---\n${SERVICE('api')}`, 'web.yaml': WEB };
		const { service, uri } = workspace(files);
		const codes = () => service.doValidation(uri('svc.yaml'), settings()).map((d) => d.code);
		assert.ok(codes().includes('service-selector-no-match'));
		service.index.setFile(uri('web.yaml'), WEB.replace(/app: web/g, 'app: api'), 2, true);
		assert.ok(!codes().includes('service-selector-no-match'), 'the workload now carries the labels');
		service.index.setFile(uri('svc.yaml'), `${CONFIG(3)}---\n${SERVICE('api')}`, 2, true);
		assert.deepEqual(service.doValidation(uri('svc.yaml'), settings()), fresh({ 'svc.yaml': `${CONFIG(3)}---\n${SERVICE('api')}`, 'web.yaml': WEB.replace(/app: web/g, 'app: api') }, 'svc.yaml'));
	});
});
