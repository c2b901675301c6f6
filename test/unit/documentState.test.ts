import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import { createLanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { DocumentSettings } from '../../server/src/settings';
import { realGraph, realSchemas, settings } from '../util/service';

const SERVICE = (i: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web-${i}\nspec:\n  selector: { app: web }\n  ports:\n    - { port: 80 }\n    - { port: 81 }\n`;
const KEPT = 'file:///ws/deploy.yaml';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx }]\n';

// The maps below are private: the test reads them to show that nothing per document stays behind.
const scopeCache = (index: WorkspaceIndex) => (index as unknown as { scopeCache: Map<string, string> }).scopeCache;

describe('nothing is kept for a document after it closes', () => {
	it('the index forgets closed documents and keeps no scope for URIs it never indexed', () => {
		const index = new WorkspaceIndex(['/ws']);
		const service = createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs/rules', schemas: realSchemas() });
		const s = settings();
		index.setFile(KEPT, DEPLOYMENT, 1, false);
		const position = { line: 1, character: 8 };
		for (let i = 0; i < 40; i++) {
			// Files that are not on disk and untitled editors, as git and diff views open them all day.
			const uri = i % 2 ? `file:///nowhere/doc-${i}.yaml` : `untitled:Untitled-${i}`;
			index.setFile(uri, SERVICE(i), 1, true);
			const diagnostics = service.doValidation(uri, s);
			assert.ok(diagnostics.length > 0, 'the document was checked');
			service.doHover(uri, position, s);
			service.findDefinition(uri, position, s);
			service.findReferences(uri, position, s);
			service.codeLenses(uri, s);
			service.documentSymbols(uri);
			service.getCodeActions(uri, diagnostics, s);
			// Closing as the server does: the editor's text stops winning, the state is dropped, and the re-read finds no file.
			index.markClosed(uri);
			service.forget(uri);
			index.removeFile(uri);
			// Requests about URIs that were never opened answer empty and leave nothing either.
			const stranger = `git:/ws/doc-${i}.yaml?ref=HEAD`;
			assert.deepEqual(service.doValidation(stranger, s), []);
			assert.equal(service.doHover(stranger, position, s), null);
			assert.deepEqual(service.findDefinition(stranger, position, s), []);
			assert.deepEqual(service.codeLenses(stranger, s), []);
			assert.deepEqual(service.documentSymbols(stranger), []);
			index.scopeOf(stranger);
		}
		service.doValidation(KEPT, s);
		assert.deepEqual(index.uris, [KEPT]);
		assert.deepEqual([...scopeCache(index).keys()], [KEPT], 'only the workspace file keeps its scope');
		index.removeFile(KEPT);
		assert.equal(scopeCache(index).size, 0);
	});

	it('per-document settings are dropped when the document is forgotten', async () => {
		const connection = { workspace: { getConfiguration: () => Promise.resolve({ defaultNamespace: 'team' }) } } as unknown as Connection;
		const documentSettings = new DocumentSettings(connection, true, 'en', false);
		const maps = documentSettings as unknown as { cache: Map<string, unknown>; raw: Map<string, unknown> };
		for (let i = 0; i < 20; i++) {
			const uri = `untitled:Untitled-${i}`;
			assert.equal((await documentSettings.get(uri)).defaultNamespace, 'team');
			documentSettings.forget(uri);
		}
		assert.equal(maps.cache.size, 0);
		assert.equal(maps.raw.size, 0);
	});
});
