import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../util/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: { app: web }\n';
const TYPE_VALUE = { line: 5, character: 10 };
const TYPE_KEY = { line: 5, character: 3 };
const SELECTOR_KEY = { line: 6, character: 4 };
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    cni.projectcalico.org/ipAddrs: \'["10.0.0.5"]\'\n';
const CALICO_KEY = { line: 5, character: 10 };

interface Session {
	client: TestClient;
	/** The settings the server pulls; change them, then call `changed()`. */
	configuration: Record<string, unknown>;
	folder: string;
	open(path: string, text: string): Promise<string>;
	hover(uri: string, position: { line: number; character: number }): Promise<string>;
	changed(): Promise<void>;
}

const sessions: TestClient[] = [];
after(() => {
	for (const client of sessions) if (client.process.exitCode === null) client.process.kill();
});

/** Starts the bundled server on a temporary folder with a locale, settings and initialization options. */
async function start(locale: string, configuration: Record<string, unknown> = {}, initializationOptions: Record<string, unknown> = {}): Promise<Session> {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-hover-'));
	const client = new TestClient(configuration);
	sessions.push(client);
	const rootUri = pathToFileURL(folder).toString();
	await client.connection.sendRequest('initialize', {
		processId: process.pid,
		rootUri,
		workspaceFolders: [{ uri: rootUri, name: 'ws' }],
		locale,
		initializationOptions,
		capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
	});
	await client.connection.sendNotification('initialized', {});
	return {
		client,
		configuration,
		folder,
		async open(path, text) {
			const uri = pathToFileURL(join(folder, path)).toString();
			await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
			return uri;
		},
		async hover(uri, position) {
			const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
			return hover ? (hover.contents as { value: string }).value : '';
		},
		async changed() {
			await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
		},
	};
}

/** Asks again until the hover satisfies the check (the server reads team folders in the background). */
async function hoverUntil(session: Session, uri: string, position: { line: number; character: number }, check: (text: string) => boolean): Promise<string> {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const text = await session.hover(uri, position);
		if (check(text)) return text;
		if (Date.now() > deadline) throw new Error(`the hover never satisfied the check; last:\n${text}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('hover over the protocol: display language', () => {
	it('locale zh-cn shows the entry in Chinese', async () => {
		const session = await start('zh-cn');
		const text = await session.hover(await session.open('svc.yaml', SERVICE), TYPE_VALUE);
		assert.match(text, /NodePort 类型的 Service/);
		assert.match(text, /\*\*相关：\*\*/);
		assert.equal(await session.client.shutdown(), 0);
	});

	it('zh-tw is Chinese too; other locales are English', async () => {
		const tw = await start('zh-tw');
		assert.match(await tw.hover(await tw.open('svc.yaml', SERVICE), TYPE_VALUE), /NodePort 类型/);
		const de = await start('de');
		assert.match(await de.hover(await de.open('svc.yaml', SERVICE), TYPE_VALUE), /A NodePort Service opens/);
		assert.equal(await tw.client.shutdown(), 0);
		assert.equal(await de.client.shutdown(), 0);
	});

	it('kubelore.language overrides the locale, and a change applies to the next hover', async () => {
		const session = await start('zh-cn', { language: 'en' });
		const uri = await session.open('svc.yaml', SERVICE);
		assert.match(await session.hover(uri, TYPE_VALUE), /A NodePort Service opens/);
		session.configuration.language = 'zh';
		await session.changed();
		assert.match(await session.hover(uri, TYPE_VALUE), /NodePort 类型/);
		session.configuration.language = 'auto';
		await session.changed();
		assert.match(await session.hover(uri, TYPE_VALUE), /NodePort 类型/, 'auto follows the locale');
		assert.equal(await session.client.shutdown(), 0);
	});
});

describe('hover over the protocol: team notes', () => {
	it('a team markdown folder that mentions Calico shows on the next hover of a Calico annotation', async () => {
		const notes = mkdtempSync(join(tmpdir(), 'kubelore-team-'));
		mkdirSync(join(notes, 'runbooks'));
		writeFileSync(join(notes, 'runbooks', 'network.md'), '# Network\n\nOur prod clusters run Calico in BGP mode; ask #net-team before changing IP pools.\n');
		const session = await start('en', { knowledge: { paths: [notes], allowOutsideWorkspace: true } });
		const uri = await session.open('pod.yaml', POD);
		const text = await hoverUntil(session, uri, CALICO_KEY, (t) => t.includes('Team notes'));
		assert.match(text, /Our prod clusters run Calico in BGP mode/);
		assert.match(text, /network\\\.md:3/);
		writeFileSync(join(notes, 'runbooks', 'ipam.md'), 'Fixed pod addresses with Calico need an IPPool per zone.\n');
		await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(notes, 'runbooks', 'ipam.md')).toString(), type: 1 }] });
		assert.match(await hoverUntil(session, uri, CALICO_KEY, (t) => t.includes('IPPool')), /ipam\\\.md:1/);
		assert.equal(await session.client.shutdown(), 0);
	});
});

describe('hover over the protocol: field descriptions beside Red Hat YAML', () => {
	const described = /type determines how the Service is exposed/;

	it('auto leaves field descriptions to Red Hat YAML when it is active, keeping KubeLore notes', async () => {
		const session = await start('en', {}, { yamlExtensionActive: true });
		const uri = await session.open('svc.yaml', SERVICE);
		const text = await session.hover(uri, SELECTOR_KEY);
		assert.doesNotMatch(text, /Route service traffic to pods/);
		assert.match(text, /KubeLore · \[Labels and selectors\]/);
		assert.doesNotMatch(await session.hover(uri, TYPE_KEY), described);
		session.configuration.hover = { fieldDocs: 'on' };
		await session.changed();
		assert.match(await session.hover(uri, TYPE_KEY), described, 'on shows them anyway');
		assert.equal(await session.client.shutdown(), 0);
	});

	it('auto shows them when Red Hat YAML is not there; off hides them', async () => {
		const session = await start('en', {}, { yamlExtensionActive: false });
		const uri = await session.open('svc.yaml', SERVICE);
		assert.match(await session.hover(uri, TYPE_KEY), described);
		assert.match(await session.hover(uri, SELECTOR_KEY), /Route service traffic to pods.*KubeLore · \[Labels and selectors\]/s, 'the two add up');
		session.configuration.hover = { fieldDocs: 'off' };
		await session.changed();
		assert.doesNotMatch(await session.hover(uri, TYPE_KEY), described);
		assert.equal(await session.client.shutdown(), 0);
	});
});
