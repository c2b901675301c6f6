import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packRecords, unpackRecords } from '../../server/src/cli/workers';
import { parseForRecord, recordOf, type FileRecord } from '../../server/src/cli/records';

const records: Record<string, FileRecord> = {
	a: recordOf(parseForRecord('file:///w/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: größe-配置\ndata:\n  k: "𝒜"\n'))!,
	b: recordOf(parseForRecord('file:///w/b.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n---\nnot: [a manifest\n'))!,
};

describe('the parses handed to worker threads', () => {
	it('travel as JSON in shared memory and come back equal, characters past ASCII included', () => {
		const packed = packRecords(records);
		assert.ok('json' in packed && packed.json instanceof SharedArrayBuffer);
		assert.deepEqual(unpackRecords(packed), JSON.parse(JSON.stringify(records)));
		assert.equal(unpackRecords(packed).a[0].resource?.name, 'größe-配置');
	});

	it('travel as themselves when their JSON would be longer than a string can be', () => {
		const packed = packRecords(records, () => {
			throw new RangeError('Invalid string length');
		});
		assert.deepEqual(packed, { cloned: records });
		assert.equal(unpackRecords(packed), records);
	});

	it('let any other failure through, and give none when there are none', () => {
		assert.throws(
			() =>
				packRecords(records, () => {
					throw new TypeError('cyclic');
				}),
			TypeError,
		);
		assert.deepEqual(unpackRecords(undefined), {});
	});
});
