/*
 * A parse given the file's previous parse reuses the documents an edit left as they were
 * (parseManifest): after every random edit it must equal a fresh parse of the same text, field by
 * field, and the documents away from the edit must be the previous ones (or copies moved with them).
 * KUBELORE_REUSE_SEED reproduces a run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossReferenced, random } from '../../bench/generate';
import { parseManifest } from '../../server/src/service/manifest/parse';
import type { ManifestFile } from '../../server/src/service/manifest/types';

const SEED = Number(process.env.KUBELORE_REUSE_SEED ?? 20261203);
const PIECES = ['x', '\n', '---\n', '\n---\n', '...\n', '  name: {{ .Values.n }}\n', 'kind: [', '# kubelore-disable\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n', ''];

/** Every field of every document, as plain data. */
function fields(file: ManifestFile): unknown {
	return file.documents.map((d) => ({ start: d.start, end: d.end, text: d.text, kind: d.kind, partialReason: d.partialReason, resource: d.resource, problems: d.problems, disabledRules: [...d.disabledRules] }));
}

describe('a parse that reuses the previous parse of its file', () => {
	it('equals a fresh parse after every random edit', () => {
		const rnd = random(SEED);
		const seed = crossReferenced(300);
		// Copies of the same documents: a text found at several places of the file.
		let text = `${seed}---\n${seed.slice(0, 800)}`;
		let previous = parseManifest('file:///a.yaml', 1, text, { valuesFirst: true });
		for (let step = 0; step < 150; step++) {
			const at = Math.floor(rnd() * (text.length + 1));
			const cut = rnd() < 0.5 ? 0 : Math.floor(rnd() * 40);
			text = text.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + text.slice(at + cut);
			const options = { valuesFirst: true, helmTemplate: rnd() < 0.05 };
			const reused = parseManifest('file:///a.yaml', step + 2, text, options, previous);
			assert.deepEqual(fields(reused), fields(parseManifest('file:///a.yaml', step + 2, text, options)), `step ${step}`);
			previous = reused;
		}
	});

	it('keeps the documents before a one-character edit and moves those after it', () => {
		const text = crossReferenced(3000);
		const first = parseManifest('file:///a.yaml', 1, text, { valuesFirst: true });
		const middle = first.documents[Math.floor(first.documents.length / 2)];
		const at = text.indexOf('LOG_LEVEL: ', middle.start);
		const second = parseManifest('file:///a.yaml', 2, `${text.slice(0, at)}x${text.slice(at)}`, { valuesFirst: true }, first);
		const edited = second.documents.findIndex((d) => d.start <= at && at < d.end);
		second.documents.forEach((d, i) => {
			const was = first.documents[i];
			if (i < edited) assert.equal(d, was);
			else if (i > edited) {
				assert.equal(d.start, was.start + 1);
				assert.equal(d.text, was.text);
				assert.equal(d.resource, was.resource, 'a moved document keeps its values');
			} else assert.notEqual(d.text, was.text);
		});
	});
});

describe('a parse of a file read for the first time', () => {
	it('equals the parse that looks for documents to reuse and finds none, field by field', () => {
		const rnd = random(SEED + 1);
		const unrelated = parseManifest('file:///b.yaml', 1, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: elsewhere\n', { valuesFirst: true });
		const seed = crossReferenced(400);
		for (let step = 0; step < 60; step++) {
			// Pieces of the generated manifests with broken, templated, aliased and silenced documents in between.
			const at = Math.floor(rnd() * seed.length);
			const text = seed.slice(at, at + 2000) + PIECES[step % PIECES.length] + '\n---\nbase: &b { a: 1 }\nother: *b\n' + seed.slice(0, Math.floor(rnd() * 600));
			for (const options of [{ valuesFirst: true }, { valuesFirst: true, helmTemplate: true }, {}]) {
				const fresh = parseManifest('file:///a.yaml', 1, text, options);
				assert.ok(fresh.documents.length > 1);
				assert.deepEqual(fields(fresh), fields(parseManifest('file:///a.yaml', 1, text, options, unrelated)), `step ${step}`);
			}
		}
	});
});
