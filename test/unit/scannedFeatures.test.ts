import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crossReferenced, manifest } from '../../bench/generate';
import { isParsed } from '../../server/src/service/manifest/parse';
import { createLanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { hostileInputs } from '../fuzz/hostileInputs';
import { yamlFiles } from '../util/documents';
import { realGraph, ROOT } from '../util/service';

const URI = 'file:///ws/outline.yaml';

/**
 * The outline and the links of a text read values-first (as a file just opened is), then the same
 * once every document is parsed with ranges, and how many documents the first ones parsed.
 */
function bothWays(text: string) {
	const index = new WorkspaceIndex(['/ws']);
	index.setFile(URI, text, 1, true);
	const service = createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs/rules' });
	const documents = index.getFile(URI)!.manifest.documents;
	const scanned = { outline: service.documentSymbols(URI), links: service.findLinks(URI) };
	const parsedByOutline = documents.filter(isParsed).length;
	for (const document of documents) void document.yaml;
	return { scanned, parsed: { outline: service.documentSymbols(URI), links: service.findLinks(URI) }, parsedByOutline, documents: documents.length };
}

/** Asserts that both ways agree; returns how many documents were parsed the first way. */
function agree(text: string, where: string): { parsedByOutline: number; documents: number; links: number } {
	const { scanned, parsed, parsedByOutline, documents } = bothWays(text);
	assert.deepEqual(scanned, parsed, where);
	return { parsedByOutline, documents, links: scanned.links.length };
}

describe('the outline and the links of a file read values-first', () => {
	it('are those of the full parse, without parsing the documents the line scan reads', () => {
		const text = [
			'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n        - image: sidecar\n        - name: 8080\n',
			'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ name: http, port: 80 }]\n',
			'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n  b: |\n    text\nbinaryData: {}\nimmutable: true\n',
			'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    docs: https://example.com/ingress\n    runbook: |\n      see http://example.com/runbook.\nspec:\n  rules:\n    - host: shop.example.com\n    - http: {}\n      host: other.example.com\n',
			'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n',
		].join('---\n');
		const { parsedByOutline, documents, links } = agree(text, 'the five documents');
		assert.equal(documents, 5);
		assert.equal(links, 2);
		// The Service's flow list of maps is beyond the scan: that document alone is parsed.
		assert.equal(parsedByOutline, 1);
	});

	it('agrees with the full parse on generated manifests, reading them by the scan', () => {
		for (const [name, text] of [['manifest', manifest(2000)], ['cross-referenced', crossReferenced(2000)]]) {
			const { parsedByOutline, documents, links } = agree(text, name);
			assert.ok(documents > 20, name);
			if (name === 'cross-referenced') assert.ok(links >= 10, `${name}: ${links} links`);
			assert.ok(parsedByOutline < documents / 10, `${name}: ${parsedByOutline} of ${documents} documents parsed`);
		}
	});

	it('agrees with the full parse on every fixture and hostile input', () => {
		for (const file of yamlFiles(join(ROOT, 'test', 'fixtures'))) agree(readFileSync(file, 'utf8'), file);
		for (const input of hostileInputs()) if (input.text.length < 2_000_000) agree(input.text, input.name);
	});

	// A real-world corpus kept outside the repository, used when present.
	const corpus = process.env.KUBELORE_CORPUS ?? '/work/shared/corpus';
	it('agrees with the full parse on a real-world corpus', { skip: !existsSync(corpus) && 'no corpus folder' }, () => {
		let parsed = 0;
		let documents = 0;
		for (const file of yamlFiles(corpus)) {
			const counts = agree(readFileSync(file, 'utf8'), file);
			parsed += counts.parsedByOutline;
			documents += counts.documents;
		}
		assert.ok(parsed < documents / 2, `${parsed} of ${documents} documents parsed`);
	});
});
