import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - { name: http, port: 80 }\n';
const DEPLOYMENT = (app: string) =>
	`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: { app: ${app} }\n  template:\n    metadata:\n      labels: { app: ${app} }\n    spec:\n      containers:\n        - { name: web, image: nginx, ports: [{ name: http, containerPort: 80 }] }\n`;
const PV = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-data\nspec:\n  storageClassName: ""\n  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-1 }\n';
const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 5Gi\n';

describe('diagnostics follow changes in other files', () => {
	let client: TestClient;
	let folder: string;
	const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
	const codes = async (name: string) =>
		((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(name) } })) as { items: Diagnostic[] }).items.map((d) => d.code);

	before(async () => {
		folder = mkdtempSync(join(tmpdir(), 'kubelore-cross-'));
		for (const [name, text] of [['service.yaml', SERVICE], ['deployment.yaml', DEPLOYMENT('web')], ['pv.yaml', PV], ['claim.yaml', CLAIM]]) writeFileSync(join(folder, name), text);
		client = new TestClient();
		await client.initialize(pathToFileURL(folder).toString(), { diagnostic: { dynamicRegistration: false } });
		for (const [name, text] of [['service.yaml', SERVICE], ['deployment.yaml', DEPLOYMENT('web')]]) {
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'yaml', version: 1, text } });
		}
		// the workspace index is filled in the background; wait until it says it is done
		await client.until(() => client.logs.some((l) => /KubeLore indexed 4 files/.test(l)));
	});
	after(async () => {
		if (client.process.exitCode === null) await client.shutdown();
	});

	it("changing a Deployment's labels in one file asks the client to re-pull, and the Service in another file now warns", async () => {
		assert.ok(!(await codes('service.yaml')).includes('service-selector-no-match'));
		const before = client.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length;
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('deployment.yaml'), version: 2 }, contentChanges: [{ text: DEPLOYMENT('shop') }] });
		await client.until(() => client.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length > before);
		assert.ok((await codes('service.yaml')).includes('service-selector-no-match'));
	});

	it('deleting the PV file re-checks the claim that bound to it', async () => {
		assert.ok(!(await codes('claim.yaml')).includes('pvc-unbindable'));
		const before = client.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length;
		rmSync(join(folder, 'pv.yaml'));
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('pv.yaml'), type: 3 }] });
		await client.until(() => client.serverRequests.filter((m) => m === 'workspace/diagnostic/refresh').length > before);
		assert.ok((await codes('claim.yaml')).includes('pvc-unbindable'));
	});
});
