import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patternVariants } from '../../server/src/service/features/hovers/patterns';

describe('the spellings of a path for knowledge lookups', () => {
	it('depend on the kind, asked once or many times', () => {
		const pv = ['spec.nfs.server', 'spec.volumes[].nfs.server', 'spec.template.spec.volumes[].nfs.server', 'spec.jobTemplate.spec.template.spec.volumes[].nfs.server'];
		for (let round = 0; round < 3; round++) {
			assert.deepEqual([...patternVariants('spec.nfs.server', 'PersistentVolume')].sort(), [...pv].sort());
			// the same pattern in a Pod is a pod field, spelled as every kind with a pod spec spells it
			assert.deepEqual([...patternVariants('spec.nfs.server', 'Pod')].sort(), ['spec.jobTemplate.spec.template.spec.nfs.server', 'spec.nfs.server', 'spec.template.spec.nfs.server']);
			assert.deepEqual(patternVariants('spec.nfs.server', 'ConfigMap'), ['spec.nfs.server']);
			assert.ok(patternVariants('spec.template.spec.runtimeClassName', undefined).includes('spec.runtimeClassName'));
		}
	});

	it('stay right past the number of answers kept', () => {
		for (let i = 0; i < 25_000; i++) patternVariants(`data.KEY_${i}`, 'ConfigMap');
		assert.deepEqual(patternVariants('data.KEY_3', 'ConfigMap'), ['data.KEY_3']);
		assert.ok(patternVariants('spec.claimRef.name', 'PersistentVolume').includes('spec.template.spec.volumes[].claimRef.name'));
	});
});
