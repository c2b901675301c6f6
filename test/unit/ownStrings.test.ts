import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValues, ownStrings } from '../../server/src/service/manifest/yamlRead';

const long = (c: string) => c.repeat(40);

const TEXTS = [
	`apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${long('x')}"\n  b: ${long('y')}\n  c: '${long('z')}'\n`,
	// the same long value twice, a value that is also a key, and integer-like keys (read out of written order)
	`data:\n  "2": ${long('q')}\n  "1": ${long('q')}\n  ${long('k')}: ${long('k')}\n  list:\n    - ${long('r')}\n    - { inner: "${long('s')}" }\n`,
	// escapes and folded or literal blocks: the value is not the text as written
	`a: "${long('t')}\\n${long('u')}"\nb: >\n  ${long('v')}\n  ${long('w')}\nc: |\n  ${long('e')}\n  ${long('f')}\nd: 'it''s ${long('g')}'\n`,
	// more than the look-ahead between two long values
	`a: ${long('h')}\nfiller:\n${Array.from({ length: 400 }, (_, i) => `  k${i}: short${i}\n`).join('')}b: ${long('i')}\n`,
];

describe('long strings of the fast reader', () => {
	for (const [n, text] of TEXTS.entries()) {
		it(`keep their values when taken out of the document text (case ${n + 1})`, () => {
			assert.deepEqual(ownStrings(loadValues(text), text), loadValues(text));
			assert.deepEqual(ownStrings(loadValues(text)), loadValues(text));
		});
	}

	it('a lone string value is taken from the text as well', () => {
		const text = `"${long('p')}"\n`;
		assert.equal(ownStrings(loadValues(text), text), long('p'));
	});
});
