import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/service/rules/index';
import { SERVICE_RULES } from '../../server/src/service/rules/serviceRules';
import { createLanguageService, type LanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { clusterProfile } from '../../server/src/service/workspace/profile';
import { realGraph, realSchemas, ROOT, settings } from '../util/service';

const VALID = join(ROOT, 'test', 'fixtures', 'valid');

/** The YAML files under a folder, as paths relative to it, in a stable order. */
function yamlFiles(dir: string, root = dir): string[] {
	return readdirSync(dir)
		.sort()
		.flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return yamlFiles(path, root);
			return /\.ya?ml$/.test(name) ? [relative(root, path)] : [];
		});
}

/** One folder of the suite as a workspace of its own, indexed in memory in the given file order. */
function openFolder(folder: string, order: 'forward' | 'reverse' = 'forward', replace?: { file: string; from: string; to: string }): { service: LanguageService; uris: string[] } {
	const root = `/valid/${folder}`;
	const index = new WorkspaceIndex([root]);
	const files = yamlFiles(join(VALID, folder));
	if (order === 'reverse') files.reverse();
	const uris: string[] = [];
	for (const file of files) {
		let text = readFileSync(join(VALID, folder, file), 'utf8');
		if (replace?.file === file) {
			assert.ok(text.includes(replace.from), `${file} holds "${replace.from}"`);
			text = text.replace(replace.from, replace.to);
		}
		const uri = `file://${root}/${file}`;
		index.setFile(uri, text, 1, false);
		uris.push(uri);
	}
	return { service: createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs/rules', schemas: realSchemas() }), uris };
}

/** Warnings and errors of every file of a folder, from every rule, as readable lines. */
function problems(service: LanguageService, uris: string[]): string[] {
	const out: string[] = [];
	for (const uri of uris) {
		const diagnostics: Diagnostic[] = service.doValidation(uri, service.settingsFor(uri, settings()));
		for (const d of diagnostics) {
			if (d.severity !== DiagnosticSeverity.Error && d.severity !== DiagnosticSeverity.Warning) continue;
			out.push(`${uri.replace('file:///valid/', '')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}: ${d.message}`);
		}
	}
	return out;
}

const FOLDERS = readdirSync(VALID).filter((name) => statSync(join(VALID, name)).isDirectory()).sort();

describe('valid manifests give no warning and no error from any rule', () => {
	it('the suite covers every Service rule and holds the folders the issue asks for', () => {
		for (const rule of SERVICE_RULES) assert.ok(RULES.includes(rule), `${rule.id} runs in the suite`);
		for (const folder of ['web-app', 'services', 'statefulsets', 'storage', 'kustomize', 'helm']) assert.ok(FOLDERS.includes(folder), `valid/${folder}`);
	});

	for (const folder of FOLDERS) {
		it(`valid/${folder}: silent, whatever order the files are read in`, () => {
			for (const order of ['forward', 'reverse'] as const) {
				const { service, uris } = openFolder(folder, order);
				const resources = uris.flatMap((uri) => service.index.getFile(uri)?.manifest.documents.filter((d) => d.resource) ?? []);
				assert.ok(resources.length > 0, `valid/${folder} holds resources`);
				assert.deepEqual(problems(service, uris), [], `valid/${folder} (${order})`);
			}
		});
	}

	it('the suite can fail: one wrong label in a valid folder is reported', () => {
		const { service, uris } = openFolder('web-app', 'forward', { file: 'service.yaml', from: 'selector: { app: api }', to: 'selector: { app: apl }' });
		const found = problems(service, uris);
		assert.equal(found.length, 1, found.join('\n'));
		assert.match(found[0], /^web-app\/service\.yaml:\d+:\d+ service-selector-no-match: .*closest is Deployment\/api/);
	});

	it('the cluster folders are judged: their CNI is inferred, and a wrong constraint parameter is reported', () => {
		for (const [folder, cni] of [['cni-flannel', 'flannel'], ['cni-calico', 'calico'], ['cni-cilium', 'cilium']]) {
			const { service } = openFolder(folder);
			assert.equal(clusterProfile(service.index, service.graph, settings()).cni?.value, cni, folder);
		}
		const { service, uris } = openFolder('gatekeeper', 'forward', { file: 'constraints.yaml', from: 'cpu: "200m"', to: 'cpu: 200' });
		const found = problems(service, uris);
		assert.equal(found.length, 1, found.join('\n'));
		assert.match(found[0], /^gatekeeper\/constraints\.yaml:\d+:\d+ constraint-parameters-invalid: Parameter cpu must be string/);
	});

	it('a Service whose pods only a Helm template defines is not reported, even with a wrong label', () => {
		const { service, uris } = openFolder('helm', 'forward', { file: 'extras/edge.yaml', from: 'app.kubernetes.io/instance: prod', to: 'app.kubernetes.io/instance: nope' });
		assert.deepEqual(problems(service, uris), []);
	});

	it('an overlay that routes to a Service of its base is not told the Service is missing', () => {
		const { service, uris } = openFolder('kustomize');
		const staging = uris.filter((u) => u.includes('/overlays/staging/'));
		assert.equal(staging.length, 2);
		assert.deepEqual(problems(service, staging), []);
		const base = uris.find((u) => u.endsWith('/base/service.yaml'))!;
		assert.equal(service.index.scopeOf(base), '/valid/kustomize/base', 'the base is a scope of its own');
	});
});
