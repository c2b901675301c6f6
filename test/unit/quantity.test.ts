import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, nearestName } from '../../server/src/service/rules/nearestName';
import { describeQuantity, isByteResource, parseQuantity, quantitySuggestions } from '../../server/src/service/storage/quantity';

describe('resource quantities follow the API server grammar', () => {
	it('accepts every suffix form Kubernetes accepts', () => {
		for (const text of ['10G', '10Gi', '1.5Gi', '500m', '1e3', '0.5', '0', '.5', '1.', '+1', '1E3', '1e-3', '2E', '100Ki', '7Ei', '250u', '3n', ' 10Gi ', '012']) {
			assert.ok(parseQuantity(text), `${JSON.stringify(text)} parses`);
		}
	});

	it('rejects what the API server rejects', () => {
		for (const text of ['10GB', '1.5 Gi', '10gi', '10K', '1Kb', 'abc', '', '1..5', '10Gii', '1e', '1e3.5', '--1', '1 000', '10 G', '5mb', '1,5Gi']) {
			assert.equal(parseQuantity(text), undefined, `${JSON.stringify(text)} is rejected`);
		}
	});

	it('computes values in base units', () => {
		assert.equal(parseQuantity('1.5Gi')?.value, 1.5 * 2 ** 30);
		assert.equal(parseQuantity('500m')?.value, 0.5);
		assert.equal(parseQuantity('1e3')?.value, 1000);
		assert.equal(parseQuantity('10G')?.value, 1e10);
		assert.equal(parseQuantity('1.1G')?.value, 1.1e9);
		assert.ok(parseQuantity('100Gi')!.value > parseQuantity('100G')!.value);
		assert.equal(parseQuantity('-2Gi')?.negative, true);
		assert.equal(parseQuantity('-0')?.negative, false);
	});

	it('remembers the suffix and format', () => {
		assert.deepEqual([parseQuantity('10Gi')?.format, parseQuantity('10G')?.format, parseQuantity('1e3')?.format], ['BinarySI', 'DecimalSI', 'DecimalExponent']);
		assert.equal(parseQuantity('512m')?.suffix, 'm');
	});

	it('suggests both readings of a byte unit and the plain fix of a spacing or case slip', () => {
		assert.deepEqual(quantitySuggestions('10GB', 'storage'), ['10G', '10Gi']);
		assert.deepEqual(quantitySuggestions('1.5 Gi', 'storage'), ['1.5Gi']);
		assert.deepEqual(quantitySuggestions('10gi', 'memory'), ['10Gi']);
		assert.deepEqual(quantitySuggestions('512m', 'memory'), ['512M', '512Mi']);
		assert.deepEqual(quantitySuggestions('500 m', 'cpu'), ['500m']);
		assert.deepEqual(quantitySuggestions('2 cores', 'cpu'), ['2']);
		assert.deepEqual(quantitySuggestions('lots', 'memory'), []);
	});

	it('knows which resources are measured in bytes', () => {
		assert.ok(isByteResource('memory') && isByteResource('requests.storage') && isByteResource('hugepages-2Mi') && isByteResource('limits.ephemeral-storage'));
		assert.ok(!isByteResource('cpu') && !isByteResource('nvidia.com/gpu') && !isByteResource('pods'));
	});

	it('describes suggestions for fix titles', () => {
		assert.equal(describeQuantity('10Gi'), '10 × 1024³');
		assert.equal(describeQuantity('10G'), '10 × 1000³');
		assert.equal(describeQuantity('500m'), '500m');
	});
});

describe('typo detection for names', () => {
	it('counts a swap of neighbours as one edit', () => {
		assert.equal(editDistance('standrad', 'standard'), 1);
		assert.equal(editDistance('data', 'dta'), 1);
	});

	it('suggests close names only, and never names that differ in digits', () => {
		assert.equal(nearestName('fast-sdd', ['fast-ssd', 'standard']), 'fast-ssd');
		assert.equal(nearestName('dta', ['data']), 'data');
		assert.equal(nearestName('gp3', ['gp2']), undefined);
		assert.equal(nearestName('data-1', ['data-0']), undefined);
		assert.equal(nearestName('fast-ssd', ['fast-hdd']), undefined);
		assert.equal(nearestName('premium', ['standard', 'fast']), undefined);
	});
});
