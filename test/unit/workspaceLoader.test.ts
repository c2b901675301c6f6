/*
 * The workspace read from disk by the loader (in slices, each file read in one call) is the
 * workspace that setFile makes of the same files read by Node directly: the same files, the same
 * documents and resources, the same answers by kind and name.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { workspace } from '../../bench/generate';
import { FileFilter, walkFiles } from '../../server/src/node/files';
import { WorkspaceLoader } from '../../server/src/node/workspaceLoader';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';

const root = mkdtempSync(join(tmpdir(), 'kubelore-loader-'));
after(() => rmSync(root, { recursive: true, force: true }));

function contents(index: WorkspaceIndex): unknown {
	return index.uris.map((uri) => ({
		uri,
		documents: index.getFile(uri)!.manifest.documents.map((d) => ({ start: d.start, end: d.end, text: d.text, kind: d.kind, partialReason: d.partialReason, resource: d.resource, problems: d.problems })),
	}));
}

describe('the workspace loader', () => {
	it('fills the index with what setFile makes of the same files', async () => {
		workspace(root, 60);
		// A byte order mark, a binary file and a file with Windows line ends beside the generated ones.
		writeFileSync(join(root, 'bom.yaml'), '\ufeffapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n');
		writeFileSync(join(root, 'binary.yaml'), Buffer.from([0x6b, 0x3a, 0x00, 0x01]));
		writeFileSync(join(root, 'crlf.yaml'), 'apiVersion: v1\r\nkind: Secret\r\nmetadata:\r\n  name: crlf\r\n');
		const folder = pathToFileURL(root).toString();
		const index = new WorkspaceIndex();
		const logs: string[] = [];
		let indexed = 0;
		const connection = { console: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) } };
		const loader = new WorkspaceLoader(index, connection as never, () => indexed++);
		loader.setFolders([folder]);
		await loader.indexAll({ files: async () => ({}) } as never);

		const expected = new WorkspaceIndex([URI.parse(folder).path]);
		let count = 0;
		for await (const path of walkFiles(root, new FileFilter())) {
			count++;
			const text = readFileSync(path, 'utf8');
			if (text.includes('\0')) continue;
			expected.setFile(URI.file(path).toString(), text.replace(/^\ufeff/, ''), 0, false);
		}
		assert.equal(indexed, 1);
		assert.ok(logs.some((l) => l.startsWith(`KubeLore indexed ${count} files`)), logs.join('\n'));
		assert.ok(index.size > 60);
		assert.equal(index.size, count - 1);
		assert.deepEqual(contents(index), contents(expected));
		for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Secret']) {
			assert.ok(expected.ofKind(kind).length > 0, kind);
			assert.deepEqual(index.ofKindByName(kind).map((e) => [e.uri, e.document.start]), expected.ofKindByName(kind).map((e) => [e.uri, e.document.start]), kind);
		}
	});
});
