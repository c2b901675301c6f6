import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../util/lspClient';
import { deploymentWithLabel, serviceWithProtocol } from '../util/manifests';

// A Service with an unsupported protocol (a schema error) and a Deployment whose selector misses its labels (beyond the schema).
const MANIFEST = `${serviceWithProtocol('TCPP')}---\n${deploymentWithLabel('api')}`;

const clients: TestClient[] = [];
after(() => {
	for (const client of clients) if (client.process.exitCode === null) client.process.kill();
});

/** The errors the server publishes for the manifest (line and rule), given the settings and whether Red Hat YAML is active. */
async function codes(configuration: Record<string, unknown>, yamlExtensionActive: boolean): Promise<string[]> {
	const client = new TestClient(configuration);
	clients.push(client);
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-validation-'));
	const rootUri = pathToFileURL(folder).toString();
	await client.connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], initializationOptions: { yamlExtensionActive }, capabilities: { workspace: { configuration: true } } });
	await client.connection.sendNotification('initialized', {});
	const uri = pathToFileURL(join(folder, 'app.yaml')).toString();
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFEST } });
	const published = await client.until(() => {
		const p = client.published.get(uri);
		// The selector check runs in every mode: its error means this document's diagnostics are in.
		return p?.diagnostics.some((d) => d.code === 'workload-selector-mismatch') ? p : undefined;
	});
	const out = published.diagnostics.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1} ${String(d.code)}`).sort();
	assert.equal(await client.shutdown(), 0);
	return out;
}

describe('kubelore.validation over the protocol', () => {
	it('auto without Red Hat YAML: schema errors and the checks beyond the schema', async () => {
		assert.deepEqual(await codes({}, false), ['17 workload-selector-mismatch', '9 schema-enum']);
	});

	it('auto beside Red Hat YAML: no schema errors (no double squiggles), the selector check stays', async () => {
		assert.deepEqual(await codes({ validation: 'auto' }, true), ['17 workload-selector-mismatch']);
	});

	it('on beside Red Hat YAML: everything', async () => {
		assert.deepEqual(await codes({ validation: 'on' }, true), ['17 workload-selector-mismatch', '9 schema-enum']);
	});
});
