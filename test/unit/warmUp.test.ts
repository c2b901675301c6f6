import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAndValuePositions, WARM_UP, WARM_UP_HOVERS, warmUp } from '../../server/src/warmUp';
import { fieldDocs } from '../fixtures/hover/harness';
import { realGraph, settings } from '../util/service';

describe('the warm-up at server start', () => {
	it('finds the start of each key and of each value written after its key', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      # a comment\n      targetPort: http\n';
		assert.deepEqual(keyAndValuePositions(text), [
			{ line: 0, character: 0 },
			{ line: 0, character: 12 },
			{ line: 1, character: 0 },
			{ line: 1, character: 6 },
			{ line: 2, character: 0 },
			{ line: 3, character: 2 },
			{ line: 3, character: 8 },
			{ line: 4, character: 0 },
			{ line: 5, character: 2 },
			{ line: 6, character: 6 },
			{ line: 6, character: 12 },
			{ line: 8, character: 6 },
			{ line: 8, character: 18 },
		]);
		assert.deepEqual(keyAndValuePositions(text, 2), keyAndValuePositions(text).slice(0, 4));
	});

	it('hovers on keys and values of its manifest, each of which has an answer with the real knowledge', () => {
		const starts = keyAndValuePositions(WARM_UP).map((p) => `${p.line}:${p.character}`);
		for (const p of WARM_UP_HOVERS) assert.ok(starts.includes(`${p.line}:${p.character}`), `${p.line}:${p.character} starts a key or a value`);
		assert.equal(warmUp(realGraph(), settings(), fieldDocs), WARM_UP_HOVERS.length);
	});
});
