import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { hashText, parseForRecord, plainRecord } from '../../server/src/cli/records';
import { CacheFile } from '../../server/src/cli/cache';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { readTextFileSync, type ReadFailure } from '../../server/src/node/files';
import { indexSources, readRest, readSources, type FileToIndex } from '../../server/src/node/lint';

const dir = mkdtempSync(join(tmpdir(), 'kubelore-read-'));

/** Files of every kind the reading tells apart, and enough plain ones to fill more than one chunk of texts decoded together. */
function writeFiles(): string[] {
	const files: [string, string | Buffer][] = [
		['plain.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n'],
		['empty.yaml', ''],
		['accents.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café\ndata:\n  note: "naïve 中文"\n'],
		['bom.yaml', '\ufeffapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bom\n'],
		['latin1.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a])],
		['binary.yaml', Buffer.from([0x6b, 0x3a, 0x00, 0x0a])],
		['short.yaml', 'a: b\n'],
	];
	for (let i = 0; i < 60; i++) files.push([`big-${i}.yaml`, `# file ${i}\n${'key: value\n'.repeat(3000 + i)}`]);
	// Larger than the buffer plain files are read into, between files that fit.
	files.push(['large.yaml', `# large\n${'key: value\n'.repeat(300_000)}`]);
	files.push(['after-large.yaml', 'k: v\n']);
	files.push(['after.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: after\n']);
	return files.map(([name, content]) => {
		writeFileSync(join(dir, name), content);
		return join(dir, name);
	});
}

async function* inputs(paths: string[]): AsyncGenerator<FileToIndex> {
	for (const path of paths) yield { path, report: true };
}

describe('reading the files of a lint run', () => {
	after(() => rmSync(dir, { recursive: true, force: true }));
	const paths = writeFiles();
	const expected = new Map(paths.map((p) => [p, readTextFileSync(p)]));

	it('gives each file the text and hash it has read alone, chunks of plain texts or not, and tells binary files apart', async () => {
		const failures: [string, ReadFailure][] = [];
		const sources = await readSources(inputs(paths), (path, failure) => failures.push([path, failure]));
		assert.deepEqual(
			failures.map(([path, failure]) => [path, failure.reason]),
			[[join(dir, 'binary.yaml'), 'binary']],
		);
		assert.equal(sources.length, paths.length - 1);
		for (const source of sources) {
			const alone = expected.get(source.path)!;
			assert.ok('text' in alone, source.path);
			assert.equal(source.text, alone.text, source.path);
			assert.equal(source.hash, hashText(alone.text), source.path);
			assert.deepEqual(source.stamp, alone.stamp, source.path);
		}
		assert.ok(sources.find((s) => s.path.endsWith('bom.yaml'))!.text!.startsWith('apiVersion'), 'the byte order mark is dropped');
		assert.equal(sources.find((s) => s.path.endsWith('latin1.yaml'))!.text, 'k: \ufffd\n', 'bytes that are not UTF-8 read as the replacement character');
	});

	it('keeps no stamps when asked not to, and reads the same texts and hashes', async () => {
		const withStamps = await readSources(inputs(paths), () => undefined);
		const without = await readSources(inputs(paths), () => undefined, undefined, undefined, false);
		assert.deepEqual(
			without.map((s) => [s.uri, s.text, s.hash]),
			withStamps.map((s) => [s.uri, s.text, s.hash]),
		);
		assert.ok(withStamps.every((s) => s.stamp !== undefined));
		assert.ok(without.every((s) => s.stamp === undefined));
	});

	it('reads later, the same, the files a cache knew by their stamps', async () => {
		const known = new Map((await readSources(inputs(paths), () => undefined)).map((s) => [s.uri, s]));
		const later = await readSources(inputs(paths), () => undefined, undefined, (uri) => known.get(uri)?.hash);
		assert.ok(later.every((s) => s.text === undefined));
		const read = readRest(later, () => assert.fail('every file can be read'));
		assert.deepEqual(
			read.map((s) => [s.uri, s.text, s.hash]),
			[...known.values()].map((s) => [s.uri, s.text, s.hash]),
		);
	});

	it('reads a file git vouched for only when its text is asked for, and tells when it is not the text vouched for', async () => {
		const path = join(dir, 'vouched.yaml');
		const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n';
		writeFileSync(path, text);
		const record = plainRecord(parseForRecord(URI.file(path).toString(), text));
		// As a shard has it: read from an index, values not parsed until a rule reads them.
		const written = CacheFile.empty('test');
		written.remember(hashText(text), record);
		written.write(join(dir, 'vouched.index'), '', {}, [hashText(text)]);
		const stored = CacheFile.read(join(dir, 'vouched.index'), 'test');
		const fromIndex = () => stored.parse(hashText(text), true);
		const vouched = (hash: string) => readSources(inputs([path]), () => assert.fail('readable'), undefined, undefined, false, () => hash);
		const [source] = await vouched(hashText(text));
		assert.equal(source.text, undefined, 'not read');
		const changed: string[] = [];
		const index = new WorkspaceIndex();
		indexSources(index, [source], () => record, undefined, (p) => changed.push(p));
		const file = index.getFile(source.uri)!;
		assert.equal(file.manifest.documents[1].resource?.name, 'two');
		assert.equal(file.manifest.documents[1].text, text.slice(record[1].start, record[1].end));
		assert.equal(file.text.positionAt(text.indexOf('two')).line, 8);
		assert.equal(file.manifest.text, text);
		assert.equal(changed.length, 0, 'nothing changed');

		// Indexed, then changed on disk before a rule asked for its text: read then, as it is then, and told.
		const [later] = await vouched(hashText(text));
		const again = new WorkspaceIndex();
		indexSources(again, [later], fromIndex, undefined, (p) => changed.push(p));
		const edited = text.replace('name: two', 'name: six');
		writeFileSync(path, edited);
		assert.equal(changed.length, 0, 'nothing changed');
		assert.equal(again.getFile(later.uri)!.text.getText(), edited);
		assert.deepEqual(changed, [path]);
	});
});
