import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../util/lspClient';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: ClusterIP
  selector: { app: api }
  ports:
    - port: 80
      nodePort: 30080
    - { name: metrics, port: 9090 }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10GB
`;

/** Applies the edits of one file to a text, as the client does. */
function apply(text: string, edits: TextEdit[]): string {
	return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

describe('quick fixes over the protocol', () => {
	let client: TestClient;
	let uri: string;
	let text = MANIFEST;
	let version = 1;

	const diagnostics = async () => ((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
	const actionsFor = async (d: Diagnostic) =>
		(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
	const change = async (next: string) => {
		text = next;
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
	};

	before(async () => {
		const folder = mkdtempSync(join(tmpdir(), 'kubelore-fix-'));
		writeFileSync(join(folder, 'app.yaml'), MANIFEST);
		uri = pathToFileURL(join(folder, 'app.yaml')).toString();
		client = new TestClient();
		await client.initialize(pathToFileURL(folder).toString(), { diagnostic: { dynamicRegistration: false } });
		await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
	});
	after(async () => {
		if (client.process.exitCode === null) await client.shutdown();
	});

	for (const [rule, expectedTitle, check] of [
		['service-port-name-required', /Name the port/, (t: string) => /- name: \S+\n\s+port: 80/.test(t)],
		['service-node-port-invalid', /nodePort/, (t: string) => !t.includes('nodePort: 30080')],
		['quantity-invalid', /10Gi/, (t: string) => t.includes('storage: 10Gi')],
	] as const) {
		it(`${rule}: the fix applies, the YAML still parses, and the diagnostic goes away`, async () => {
			const found = (await diagnostics()).find((d) => d.code === rule);
			assert.ok(found, `${rule} is reported`);
			// Sent without its fixes: the server works them out for the code action.
			assert.equal(found.data, undefined);
			const actions = await actionsFor(found);
			const fix = actions.find((a) => expectedTitle.test(a.title));
			assert.ok(fix, `a fix titled ${expectedTitle} among: ${actions.map((a) => a.title).join(' | ')}`);
			assert.equal(fix.kind, 'quickfix');
			const next = apply(text, fix.edit!.changes![uri]);
			assert.ok(check(next), next);
			assert.ok(parseAllDocuments(next).every((d) => d.errors.length === 0), 'the fixed text parses');
			await change(next);
			assert.ok(!(await diagnostics()).some((d) => d.code === rule), `${rule} is gone after the fix`);
		});
	}

	it('offers both suppressions on every diagnostic, and the suppression silences it', async () => {
		await change(`${text}---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: old\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  hostPath: { path: /data }\n`);
		const found = (await diagnostics()).find((d) => d.code === 'pv-reclaim-recycle');
		assert.ok(found);
		const actions = await actionsFor(found);
		const line = actions.find((a) => /for this line/.test(a.title));
		const documentWide = actions.find((a) => /in this document/.test(a.title));
		assert.ok(line && documentWide, actions.map((a) => a.title).join(' | '));
		await change(apply(text, line.edit!.changes![uri]));
		assert.ok(text.includes('# kubelore-disable-next-line pv-reclaim-recycle'));
		assert.ok(!(await diagnostics()).some((d) => d.code === 'pv-reclaim-recycle'));
		assert.ok((await diagnostics()).some((d) => d.code === 'host-path-pv'), 'other rules still report on that document');
	});
});
