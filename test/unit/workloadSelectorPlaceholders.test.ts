import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLACEHOLDER } from '../../server/src/service/schema/validate';
import { hasPlaceholders } from '../../server/src/service/rules/workloadSelector';

/** What hasPlaceholders answered before it looked for a '$' first: the pattern over the value's JSON. */
const byJson = (value: unknown) => PLACEHOLDER.test(JSON.stringify(value) ?? '');

/** A value nested `depth` mappings down. */
function deep(depth: number, leaf: string): unknown {
	let value: unknown = leaf;
	for (let i = 0; i < depth; i++) value = { [`k${i}`]: value };
	return value;
}

describe('hasPlaceholders', () => {
	const cases: [string, unknown, boolean][] = [
		['plain matchLabels', { matchLabels: { app: 'web', tier: 'front' } }, false],
		['a value ${VAR}', { matchLabels: { app: '${APP}' } }, true],
		['a value $(VAR)', { app: '$(APP)' }, true],
		['a key ${VAR}', { '${KEY}': 'web' }, true],
		['a lone $ in a value', { app: 'cost$' }, false],
		['${ and } in two strings: their JSON matches', { a: '${', b: '}' }, true],
		['$( in a key, ) in its value', { '$(': ')' }, true],
		['an expression with values', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', '${B}'] }] }, true],
		['an expression without', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, false],
		['numbers, booleans, null', { a: 1, b: true, c: null, d: [2, false] }, false],
		['a date', { a: new Date(0) }, false],
		['a $ under a key JSON leaves out', { a: undefined, '${X}': undefined }, false],
		['undefined', undefined, false],
		['a string', '${X}', true],
		['deeper than any selector', deep(30, '${DEEP}'), true],
		['deep, no placeholder', deep(30, 'web'), false],
	];
	for (const [name, value, expected] of cases) {
		it(`${name}: ${expected}, as the value's JSON says`, () => {
			assert.equal(byJson(value), expected);
			assert.equal(hasPlaceholders(value), expected);
		});
	}
});
