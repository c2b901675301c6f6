/*
 * What a lint run does to check each file once and keep less: validation that keeps nothing for a
 * next time, files read with one open, parsed lists copied to their own length, resources that
 * share their values' strings, and the profile's line scans let go. Each gives what the longer way gave.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { workspace } from '../../bench/generate';
import { Checker } from '../../server/src/cli/check';
import { PathNames } from '../../server/src/cli/formats/types';
import { parseForRecord, plainRecord, shareText } from '../../server/src/cli/records';
import { MAX_FILE_BYTES, readTextFileSync } from '../../server/src/node/files';
import { indexSources, type SourceText } from '../../server/src/node/lint';
import { loadSchemas } from '../../server/src/node/schemas';
import { createLanguageService } from '../../server/src/service/service';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { clusterProfile } from '../../server/src/service/workspace/profile';
import { realGraph, ROOT } from '../util/service';
import { sourcesOf } from '../util/sources';

const DOCS = pathToFileURL(join(ROOT, 'docs', 'rules')).toString();

/** A Deployment in one file and its claim and a Service that misses it in another: findings point across. */
const PAIR_A = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: { app: web, tier: 2 }
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: main
          image: registry.example.com/web:1.0.0
          volumeMounts:
            - { name: data, mountPath: /data }
      volumes:
        - name: data
          persistentVolumeClaim: { claimName: data }
`;
const PAIR_B = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data, namespace: shop }
spec:
  accessModes: [ReadWriteMany]
  storageClassName: slow
  resources: { requests: { storage: 1Gi } }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: webb }
  ports: [{ port: 80, targetPort: 8080 }]
`;

function indexOf(sources: SourceText[], roots: string[]): WorkspaceIndex {
	const index = new WorkspaceIndex();
	indexSources(index, sources, () => undefined);
	index.setFolders(roots.map((r) => URI.file(r).path));
	return index;
}

describe('a lint run that checks each file once', () => {
	let folder: string;
	before(() => {
		folder = mkdtempSync(join(tmpdir(), 'kubelore-once-'));
		workspace(folder, 40, 7, 1);
		for (let k = 0; k < 4; k++) {
			mkdirSync(join(folder, `pair-${k}`));
			writeFileSync(join(folder, `pair-${k}`, 'a.yaml'), PAIR_A.replaceAll('shop', `shop-${k}`));
			writeFileSync(join(folder, `pair-${k}`, 'b.yaml'), PAIR_B.replaceAll('shop', `shop-${k}`));
		}
	});
	after(() => rmSync(folder, { recursive: true, force: true }));

	it('validates as validation that keeps findings for the next edit does, the first time and the second', async () => {
		const { sources, roots } = await sourcesOf(folder);
		const index = indexOf(sources, roots);
		const graph = realGraph();
		const schemas = loadSchemas(join(ROOT, 'dist'));
		const once = createLanguageService({ index, graph, docsBase: DOCS, schemas, once: true });
		const kept = createLanguageService({ index, graph, docsBase: DOCS, schemas });
		const settings = { ...DEFAULT_SETTINGS, language: 'en' as const };
		let findings = 0;
		let elsewhere = 0;
		for (const source of sources) {
			const first = kept.doValidation(source.uri, settings);
			const again = kept.doValidation(source.uri, settings);
			const got = once.doValidation(source.uri, settings);
			assert.deepStrictEqual(got, first, source.path);
			assert.deepStrictEqual(got, again, source.path);
			findings += got.length;
			for (const d of got) elsewhere += (d.relatedInformation ?? []).filter((r) => r.location.uri !== source.uri).length;
		}
		assert.ok(findings > 30, `findings to compare (${findings})`);
		assert.ok(elsewhere >= 4, `findings that point into other files (${elsewhere})`);
	});

	it('reports the lines of the profile\'s evidence as positionAt gives them, after its line scans are let go', async () => {
		const { sources, roots } = await sourcesOf(folder);
		const index = indexOf(sources, roots);
		const graph = realGraph();
		const checker = new Checker(index, graph, { language: 'en', rules: {}, docsBase: DOCS, cwd: folder, distDir: join(ROOT, 'dist') });
		const settings = checker.settingsFor(sources[0].uri);
		const profile = clusterProfile(index, graph, settings);
		assert.ok(profile.storageClasses.length > 5, 'the workspace shows storage classes');
		const report = checker.profile(sources[0].uri, new PathNames(folder));
		// The evidence's lines, worked out from its offsets in the text as positionAt gives them.
		for (const [value, shown] of profile.storageClasses.map((v, i) => [v, report.storageClasses[i]] as const)) {
			const first = value.evidence[0];
			const file = index.getFile(first.uri)!;
			assert.equal(shown.line, file.text.positionAt(first.start).line + 1, shown.file);
		}
	});
});

describe('parsed values kept for a run', () => {
	const text = [
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata:',
		'  name: settings',
		'  namespace: shop',
		'  labels: { app: web, version: 2, canary: true }',
		'  annotations: { note: "written here" }',
		'data:',
		'  list:',
		'    - one',
		'    - two',
		'  nested: { deeper: [[a], [b, c], []] }',
		'---',
		'apiVersion: v1',
		'kind: ConfigMap',
		'metadata: { name: other, namespace: shop, labels: { app: web } }',
		'data: { empty: [] }',
		'',
	].join('\n');

	it('copies lists to arrays of their own and keeps every value and every resource field as it was read', () => {
		const record = plainRecord(parseForRecord('file:///kept.yaml', text));
		const before = JSON.parse(JSON.stringify(record)) as unknown;
		const list = (record[0].resource!.value.data as Record<string, unknown>).list;
		const nested = ((record[0].resource!.value.data as Record<string, Record<string, unknown>>).nested.deeper as unknown[][])[1];
		shareText(record, text, new Map());
		assert.deepStrictEqual(JSON.parse(JSON.stringify(record)), before);
		const data = record[0].resource!.value.data as Record<string, unknown>;
		assert.notEqual(data.list, list, 'the list is a copy');
		assert.deepEqual(data.list, ['one', 'two']);
		assert.notEqual(((data.nested as Record<string, unknown>).deeper as unknown[][])[1], nested, 'a list in a list is a copy too');
		assert.deepEqual(record[0].resource!.labels, { app: 'web', version: '2', canary: 'true' });
		assert.deepEqual(record[0].resource!.annotations, { note: 'written here' });
		assert.equal(record[1].resource!.namespace, 'shop');
		assert.deepEqual(record[1].resource!.annotations, {});
	});
});

describe('reading a file with one open', () => {
	let folder: string;
	before(() => (folder = mkdtempSync(join(tmpdir(), 'kubelore-read-'))));
	after(() => rmSync(folder, { recursive: true, force: true }));

	it('reads what readFileSync reads, a byte order mark dropped, small, empty and large files', () => {
		const files: Record<string, string | Buffer> = {
			'small.yaml': 'kind: ConfigMap\n',
			'empty.yaml': '',
			'bom.yaml': '\ufeffkind: ConfigMap\n',
			'wide.yaml': `data: { text: "${'ü字'.repeat(50_000)}" }\n`,
			'large.yaml': `data: { text: ${'x'.repeat(300_000)} }\n`,
		};
		for (const [name, content] of Object.entries(files)) {
			const path = join(folder, name);
			writeFileSync(path, content);
			const read = readTextFileSync(path);
			assert.ok('text' in read, name);
			assert.equal(read.text, readFileSync(path, 'utf8').replace(/^\ufeff/, ''), name);
			assert.equal(read.stamp.size, Buffer.byteLength(content), name);
		}
	});

	it('skips by the stamp without reading, and says why a file is not read', () => {
		const path = join(folder, 'skipped.yaml');
		writeFileSync(path, 'kind: ConfigMap\n');
		const seen: number[] = [];
		const skipped = readTextFileSync(path, (stamp) => (seen.push(stamp.size), true));
		assert.deepEqual(seen, [16]);
		assert.ok('skipped' in skipped);
		assert.equal((readTextFileSync(join(folder, 'missing.yaml')) as { code?: string }).code, 'ENOENT');
		assert.equal((readTextFileSync(folder) as { code?: string }).code, 'EISDIR');
		const binary = join(folder, 'binary.yaml');
		writeFileSync(binary, Buffer.from([0x6b, 0, 0x6b]));
		assert.equal((readTextFileSync(binary) as { reason?: string }).reason, 'binary');
		const huge = join(folder, 'huge.yaml');
		writeFileSync(huge, Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
		assert.equal((readTextFileSync(huge) as { reason?: string }).reason, 'too-large');
	});

	it('does not wait on a named pipe', { skip: process.platform === 'win32' && 'no named pipes here' }, () => {
		const pipe = join(folder, 'pipe.yaml');
		execFileSync('mkfifo', [pipe]);
		assert.equal((readTextFileSync(pipe) as { code?: string }).code, 'ENOTREG');
	});
});
