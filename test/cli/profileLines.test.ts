/*
 * The cluster profile of a run names the line each inferred value came from. It counts the line
 * itself instead of asking the file's text for positions, which would work out (and keep) where
 * every line of the file starts again after the file was checked and its line offsets let go.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Checker } from '../../server/src/cli/check';
import { lineAt } from '../../server/src/cli/formats/profile';
import { PathNames } from '../../server/src/cli/formats/types';
import { hashText } from '../../server/src/cli/records';
import { indexSources } from '../../server/src/node/lint';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { TextSnapshot } from '../../server/src/service/workspace/textSnapshot';
import { random } from '../../bench/generate';
import { realGraph, ROOT } from '../util/service';

describe('lineAt', () => {
	it('gives the line positionAt gives, for every offset of texts with LF, CRLF and lone CR breaks', () => {
		const rnd = random(11);
		const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\n\r', '\r\r\n', 'x: y'];
		for (let round = 0; round < 200; round++) {
			const length = Math.floor(rnd() * 30);
			let text = '';
			for (let i = 0; i < length; i++) text += pieces[Math.floor(rnd() * pieces.length)];
			const snapshot = new TextSnapshot('file:///t.yaml', 'yaml', 0, text);
			for (let offset = -1; offset <= text.length + 1; offset++) {
				assert.equal(lineAt(text, offset), snapshot.positionAt(offset).line, `offset ${offset} of ${JSON.stringify(text)}`);
			}
		}
	});
});

describe('the profile of a run', () => {
	const storageClass = (name: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: ebs.csi.aws.com\n`;

	it('names the line of each storage class, and leaves the checked files without their line offsets', () => {
		const folder = '/ws';
		// The second file breaks its lines with CRLF and puts its class in the second document.
		const texts: Record<string, string> = {
			'a.yaml': `# classes\n\n${storageClass('fast')}`,
			'b.yaml': `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n---\r\n${storageClass('slow').replace(/\n/g, '\r\n')}`,
		};
		const sources = Object.entries(texts).map(([name, text]) => {
			const path = join(folder, name);
			return { uri: pathToFileURL(path).toString(), path, text, hash: hashText(text), report: true };
		});
		const index = new WorkspaceIndex();
		indexSources(index, sources, () => undefined);
		index.setFolders([folder]);
		const checker = new Checker(index, realGraph(), { language: 'en', rules: {}, docsBase: pathToFileURL(join(ROOT, 'docs', 'rules')).toString(), cwd: folder, distDir: join(ROOT, 'dist') });
		for (const source of sources) checker.check(source.uri);
		const report = checker.profile(sources[0].uri, new PathNames(folder));
		const lines = Object.fromEntries(report.storageClasses.map((c) => [c.name, [c.file, c.line]]));
		// Each named at the line of its name.
		assert.deepEqual(lines, { fast: ['a.yaml', 6], slow: ['b.yaml', 9] });
		for (const source of sources) {
			const text = index.getFile(source.uri)?.text;
			assert.ok(text instanceof TextSnapshot);
			assert.equal((text as unknown as { offsets: unknown }).offsets, undefined, `${source.path}: line offsets worked out again`);
			// And positionAt (which works them out) agrees with the line named.
			const name = source.path.endsWith('a.yaml') ? 'fast' : 'slow';
			assert.equal(text.positionAt(text.getText().indexOf(`name: ${name}`)).line + 1, lines[name][1]);
		}
	});
});
