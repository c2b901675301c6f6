import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { settings, workspace } from '../util/service';

const SERVICE = (name: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: { app: ${name} }\n  ports: [{ port: 80 }]\n${extra}`;
const EXTERNAL = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ExternalName\n  externalName: 10.0.0.1\n  clusterIP: 10.0.0.1\n  selector: { app: ${name} }\n`;
const CONFIG = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

/** The diagnostics of one file in a workspace made for them alone (nothing remembered from a run before). */
function fresh(files: Record<string, string>, path: string): Diagnostic[] {
	const { service, uri } = workspace(files);
	return service.doValidation(uri(path), settings());
}

describe('results of rules that found nothing are shared, and later runs read them right', () => {
	it('an edit that makes rules find something where they found nothing gives what a fresh run gives', () => {
		const quiet = [CONFIG('a'), SERVICE('b'), CONFIG('c'), SERVICE('d')].join('---\n');
		const { service, uri } = workspace({ 'a.yaml': quiet });
		const file = uri('a.yaml');
		const before = service.doValidation(file, settings());
		assert.deepEqual(before, fresh({ 'a.yaml': quiet }, 'a.yaml'));
		const loud = [CONFIG('a'), EXTERNAL('b'), CONFIG('c'), SERVICE('d')].join('---\n');
		service.index.setFile(file, loud, 2, true);
		const after = service.doValidation(file, settings());
		assert.ok(after.some((d) => d.code === 'service-external-name-misuse'), 'the ExternalName Service is reported');
		assert.deepEqual(after, fresh({ 'a.yaml': loud }, 'a.yaml'));
		// And back: what the edit found is gone again, as in a fresh run.
		service.index.setFile(file, quiet, 3, true);
		assert.deepEqual(service.doValidation(file, settings()), before);
	});

	it('diagnostics of one rule name its page, and serialise as a fresh run does', () => {
		const text = [EXTERNAL('a'), EXTERNAL('b')].join('---\n');
		const { service, uri } = workspace({ 'a.yaml': text });
		const diagnostics = service.doValidation(uri('a.yaml'), settings()).filter((d) => d.code === 'service-external-name-misuse');
		assert.ok(diagnostics.length >= 4, 'two findings per Service');
		for (const d of diagnostics) assert.equal(d.codeDescription?.href, 'file:///docs/rules/service-external-name-misuse.md');
		assert.equal(JSON.stringify(service.doValidation(uri('a.yaml'), settings())), JSON.stringify(fresh({ 'a.yaml': text }, 'a.yaml')));
	});
});

describe('kubelore-disable-next-line', () => {
	it('a comment silences the finding below it and no other; without one every finding is shown', () => {
		const plain = [EXTERNAL('a'), EXTERNAL('b')].join('---\n');
		const all = fresh({ 'a.yaml': plain }, 'a.yaml');
		const commented = plain.replace('  clusterIP: 10.0.0.1\n', '  # kubelore-disable-next-line service-external-name-misuse\n  clusterIP: 10.0.0.1\n');
		const some = fresh({ 'a.yaml': commented }, 'a.yaml');
		const onClusterIp = (list: Diagnostic[]) => list.filter((d) => typeof d.message === 'string' && d.message.includes('sets `clusterIP`')).length;
		assert.equal(onClusterIp(all), 2);
		assert.equal(onClusterIp(some), 1, 'the first Service\'s clusterIP finding is silenced, the second one stays');
		assert.equal(some.length, all.length - 1);
	});
});

describe('partial files', () => {
	it('a chart template and a plain file asked about in turn are each told apart', () => {
		const { service, uri } = workspace({ 'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 0.1.0\n', 'chart/templates/a.yaml': CONFIG('t'), 'plain/b.yaml': CONFIG('p') });
		const index = service.index;
		for (let i = 0; i < 3; i++) {
			assert.equal(index.isPartialFile(uri('chart/templates/a.yaml')), true);
			assert.equal(index.isPartialFile(uri('plain/b.yaml')), false);
		}
	});
});
