import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkEntitiesAgainstTable, readApiTable } from '../../knowledge/build/apiTable';
import type { Entity } from '../../server/src/service/knowledge/types';
import { ROOT } from '../util/service';

const SOURCE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#x';

describe('the API version table', () => {
	it('the shipped table reads without problems and covers the guide up to 1.32', () => {
		const { rows, problems } = readApiTable('t.yaml', readFileSync(join(ROOT, 'knowledge', 'tables', 'api-versions.yaml'), 'utf8'));
		assert.deepEqual(problems, []);
		const removedIn = new Set(rows.map((r) => r.removedIn));
		for (const release of ['1.16', '1.22', '1.25', '1.26', '1.27', '1.29', '1.32']) assert.ok(removedIn.has(release), release);
		assert.ok(rows.every((r) => r.source.startsWith('https://kubernetes.io/docs/reference/using-api/deprecation-guide/')));
	});

	it('reports rows it cannot trust, with their line', () => {
		const text = `versions:
  - { kind: Ingress, version: extensions/v1beta1, removedIn: 1.22, replacement: networking.k8s.io/v1, replacementSince: "1.19", migration: apiVersion, source: "${SOURCE}" }
  - { kind: Ingress, version: networking.k8s.io/v1beta1, deprecatedIn: "1.23", removedIn: "1.22", migration: rewrite, source: "${SOURCE}" }
  - { kind: PodSecurityPolicy, version: policy/v1beta1, removedIn: "1.25", migration: manual }
`;
		const messages = readApiTable('t.yaml', text).problems.map((p) => `${p.line}: ${p.message}`);
		assert.ok(messages.includes('2: removedIn must be a release written as a string "1.x"'), messages.join('\n'));
		assert.ok(messages.includes('3: deprecatedIn must come before removedIn'));
		assert.ok(messages.some((m) => m.startsWith('3: migration must be one of')));
		assert.ok(messages.includes('4: a manual migration must say what changed (changes)'));
		assert.ok(messages.includes('4: every row needs a source: an https link to the guide section'));
	});

	it('a kind entity that tells another story than the table is a problem', () => {
		const { rows } = readApiTable('t.yaml', `versions:\n  - { kind: CronJob, version: batch/v1beta1, removedIn: "1.25", replacement: batch/v1, replacementSince: "1.21", migration: apiVersion, source: "${SOURCE}" }\n`);
		const entity = { file: 'cronjob.md', facts: { apiVersions: [{ version: 'batch/v1beta1', removedIn: '1.26' }] }, matches: { kinds: ['CronJob'] } } as unknown as Entity;
		assert.match(checkEntitiesAgainstTable([entity], rows)[0]?.message ?? '', /removedIn "1\.26" disagrees/);
	});
});
