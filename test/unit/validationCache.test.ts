import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiagnosticData } from '../../server/src/service/features/validation';
import { settings, workspace } from '../util/service';

const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10GB\n';
const CONFIG = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i}: v\n`).join('')}`;

describe('local rule findings are reused while a document is unchanged', () => {
	it('an edit above a document moves its findings and their quick-fix edits with it', () => {
		const { service, uri } = workspace({ 'a.yaml': `${CONFIG(1)}---\n${CLAIM}` });
		const file = uri('a.yaml');
		const first = service.doValidation(file, settings()).find((d) => d.code === 'quantity-invalid');
		assert.ok(first);
		const edited = `${CONFIG(5)}---\n${CLAIM}`;
		service.index.setFile(file, edited, 2, true);
		const second = service.doValidation(file, settings()).find((d) => d.code === 'quantity-invalid');
		assert.ok(second);
		assert.equal(second.range.start.line, first.range.start.line + 4, 'the diagnostic moved down with its document');
		const text = service.index.getFile(file)!.text;
		for (const fix of (second.data as DiagnosticData).fixes) {
			for (const edit of fix.edits) assert.equal(text.getText(edit.range), '10GB', `the fix "${fix.title}" still replaces the quantity`);
		}
	});

	it('new settings and edited documents are checked again', () => {
		const { service, uri } = workspace({ 'a.yaml': CLAIM });
		const file = uri('a.yaml');
		assert.ok(service.doValidation(file, settings()).some((d) => d.code === 'quantity-invalid'));
		assert.ok(!service.doValidation(file, settings({ rules: { 'quantity-invalid': 'off' } })).some((d) => d.code === 'quantity-invalid'));
		service.index.setFile(file, CLAIM.replace('10GB', '10Gi'), 2, true);
		assert.ok(!service.doValidation(file, settings()).some((d) => d.code === 'quantity-invalid'));
	});
});
