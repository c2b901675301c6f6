/*
 * Open documents kept as versions (service/workspace/textSnapshot.ts): after random edits, each version
 * answers exactly as a document made afresh from its text, and as the editor's own document model
 * (vscode-languageserver-textdocument) that applies the same edits in place.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { random } from '../../bench/generate';
import { TextSnapshot } from '../../server/src/service/workspace/textSnapshot';

const SEED = Number(process.env.KUBELORE_SNAPSHOT_SEED ?? 20261203);
const PIECES = ['a', 'key: value', '\n', '\r\n', '\r', '---\n', '  - x\n', '', 'é', '\n\n'];

/** Every answer of a document that depends on its line offsets. */
function answers(doc: TextDocument): unknown {
	const text = doc.getText();
	const positions = [];
	for (let offset = -1; offset <= text.length + 1; offset++) positions.push(doc.positionAt(offset));
	const offsets = [];
	const lines = [];
	for (let line = -1; line <= doc.lineCount + 1; line++) {
		for (let character = -1; character <= 6; character++) offsets.push(doc.offsetAt({ line, character }));
		lines.push([doc.getLineRange(line), doc.getEOLCharacters(line)]);
	}
	const slice = doc.getText({ start: { line: 1, character: 1 }, end: { line: 3, character: 2 } });
	return { text, lineCount: doc.lineCount, positions, offsets, lines, slice };
}

/** A random edit as an editor sends it: a range of existing lines (a character may be past the line's end) and new text. */
function randomEdit(rnd: () => number, doc: TextDocument) {
	const position = () => ({ line: Math.floor(rnd() * doc.lineCount), character: Math.floor(rnd() * 8) });
	const text = Array.from({ length: Math.floor(rnd() * 3) }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join('');
	return rnd() < 0.05 ? { text } : { range: { start: position(), end: position() }, text };
}

describe('text snapshots of open documents', () => {
	it('every version answers as a fresh document of its text, and as the in-place model', () => {
		const rnd = random(SEED);
		for (let run = 0; run < 40; run++) {
			const initial = Array.from({ length: 12 }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join('');
			let snapshot = new TextSnapshot('file:///a.yaml', 'yaml', 1, initial);
			const model = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
			const versions: { snapshot: TextSnapshot; text: string }[] = [];
			for (let step = 0; step < 30; step++) {
				// Line offsets are worked out only when asked: sometimes before the edit, sometimes not.
				if (rnd() < 0.7) snapshot.positionAt(0);
				// Each change of a batch is in the text the ones before it left.
				const changes = [];
				const scratch = TextDocument.create('file:///a.yaml', 'yaml', 1, model.getText());
				for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) {
					const change = randomEdit(rnd, scratch);
					TextDocument.update(scratch, [change], 0);
					changes.push(change);
				}
				TextDocument.update(model, changes, step + 2);
				snapshot = snapshot.update(changes, step + 2);
				const text = model.getText();
				assert.equal(snapshot.version, step + 2);
				assert.deepEqual(answers(snapshot), answers(TextDocument.create('file:///a.yaml', 'yaml', 1, text)), `run ${run} step ${step}`);
				versions.push({ snapshot, text });
			}
			// Versions that handed their line offsets on still answer for their own text.
			for (const { snapshot: old, text } of versions) assert.deepEqual(answers(old), answers(TextDocument.create('file:///a.yaml', 'yaml', 1, text)));
		}
	});

	it('answers as a fresh document when its lines were found only part way before each edit', () => {
		const rnd = random(SEED + 1);
		for (let run = 0; run < 20; run++) {
			// Half the texts start without a CR (searched for LFs alone), until an edit brings one.
			const pieces = run % 2 ? PIECES : PIECES.filter((p) => !p.includes('\r'));
			const initial = Array.from({ length: 400 }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
			let snapshot = new TextSnapshot('file:///a.yaml', 'yaml', 1, initial);
			const model = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
			for (let step = 0; step < 40; step++) {
				// One question near the top, or none: only the lines up to it are found.
				const line = Math.floor(rnd() * Math.min(model.lineCount, 12));
				const fresh = () => TextDocument.create('file:///a.yaml', 'yaml', 1, model.getText());
				if (rnd() < 0.5) assert.deepEqual(snapshot.offsetAt({ line, character: 2 }), fresh().offsetAt({ line, character: 2 }));
				else if (rnd() < 0.6) {
					const offset = Math.floor(rnd() * Math.min(model.getText().length, 80));
					assert.deepEqual(snapshot.positionAt(offset), fresh().positionAt(offset));
				}
				// An edit near the top: the lines after it are not found yet.
				const scratch = fresh();
				const change = randomEdit(rnd, scratch);
				if (change.range) {
					change.range.start.line = Math.min(change.range.start.line, 10);
					change.range.end.line = Math.min(change.range.end.line, 12);
				}
				TextDocument.update(model, [change], step + 2);
				snapshot = snapshot.update([change], step + 2);
				// Now and then lines far below the edit, or the whole of the answers.
				const far = model.lineCount - 1 - Math.floor(rnd() * 5);
				if (rnd() < 0.3) assert.deepEqual(snapshot.offsetAt({ line: far, character: 1 }), fresh().offsetAt({ line: far, character: 1 }), `run ${run} step ${step}`);
				if (step % 10 === 9) assert.deepEqual(answers(snapshot), answers(fresh()), `run ${run} step ${step}`);
			}
		}
	});

	it('answers the same after its line offsets were let go', () => {
		const text = 'a: 1\r\nb:\n  - x\r\n\ré: 2\n';
		const snapshot = new TextSnapshot('file:///forget.yaml', 'yaml', 1, text);
		const expected = answers(TextDocument.create('file:///forget.yaml', 'yaml', 1, text));
		assert.deepStrictEqual(answers(snapshot), expected);
		snapshot.forgetLines();
		assert.deepStrictEqual(answers(snapshot), expected);
		snapshot.forgetLines();
		assert.deepStrictEqual(answers(snapshot.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'c: 3\n' }], 2)), answers(TextDocument.create('file:///forget.yaml', 'yaml', 2, `a: 1\r\nc: 3\nb:\n  - x\r\n\ré: 2\n`)));
	});

	it('an edit leaves the version before it unchanged', () => {
		const before = new TextSnapshot('file:///a.yaml', 'yaml', 1, 'a: 1\nb: 2\n');
		before.positionAt(6);
		const after = before.update([{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: '0\nc: 3' }], 2);
		assert.equal(after.getText(), 'a: 10\nc: 3\nb: 2\n');
		assert.deepEqual(after.positionAt(13), { line: 2, character: 2 });
		assert.equal(before.getText(), 'a: 1\nb: 2\n');
		assert.deepEqual(before.positionAt(6), { line: 1, character: 1 });
		assert.equal(before.lineCount, 3);
	});
});
