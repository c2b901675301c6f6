import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import type { GraphData } from '../../server/src/service/knowledge/types';
import { hoverText, linkedEntries } from '../fixtures/hover/harness';
import { ROOT } from '../util/service';

const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData;

/** A manifest with `value` at a dotted path (`[]` for list items), the cursor on the last key or on the value. */
function manifest(kind: string, path: string, value: string, on: 'key' | 'value'): string {
	const root: Record<string, unknown> = { apiVersion: 'v1', kind, metadata: { name: 'x' } };
	let node = root;
	const segments = path.split('.');
	segments.forEach((segment, i) => {
		const key = segment.replace(/\[\]$/, '');
		const list = segment.endsWith('[]');
		if (i === segments.length - 1) {
			node[key] = list ? [value] : value;
			return;
		}
		const child = (node[key] as Record<string, unknown> | undefined) ?? {};
		node[key] = list ? [child] : child;
		node = child;
	});
	const text = stringify(root);
	const at = on === 'value' ? text.lastIndexOf(value) : text.lastIndexOf(`${segments[segments.length - 1].replace(/\[\]$/, '')}:`);
	return `${text.slice(0, at + 1)}<|>${text.slice(at + 1)}`;
}

/** The kind of document a field path of the knowledge belongs in. */
function kindFor(path: string, own: string | undefined): string {
	if (path.startsWith('spec.jobTemplate.')) return 'CronJob';
	if (path.startsWith('spec.template.')) return 'Deployment';
	if (path.startsWith('spec.volumeClaimTemplates')) return 'StatefulSet';
	if (/^spec\.(containers|volumes|tolerations|topologySpreadConstraints|affinity|nodeSelector|runtimeClassName|schedulerName|priorityClassName|restartPolicy|serviceAccountName|imagePullSecrets)\b/.test(path)) return 'Pod';
	return own ?? 'ConfigMap';
}

const mark = (text: string) => `${text.slice(0, 1)}<|>${text.slice(1)}`;

describe('every match the knowledge documents declare finds its entity through a hover', () => {
	for (const entity of data.entities) {
		const m = entity.matches;
		if (Object.keys(m).length === 0) continue;
		it(entity.id, () => {
			const missed: string[] = [];
			const expect = (what: string, text: string) => {
				if (!linkedEntries(hoverText(text)).includes(entity.id)) missed.push(what);
			};
			for (const kind of m.kinds ?? []) expect(`kind ${kind}`, `apiVersion: v1\nkind: ${mark(kind)}\n`);
			for (const field of m.fields ?? []) expect(`field ${field}`, manifest(kindFor(field, m.kinds?.[0]), field, 'v', 'key'));
			for (const v of m.values ?? []) {
				const kind = v.kind ?? kindFor(v.field, m.kinds?.[0]);
				if (v.field === 'apiVersion') expect(`apiVersion ${v.value}`, `apiVersion: ${mark(v.value)}\nkind: ${v.kind ?? 'K8sCustomPolicy'}\n`);
				else expect(`value ${v.field}=${v.value}`, manifest(kind, v.field, v.value, 'value'));
			}
			for (const prefix of m.annotations ?? []) {
				const key = /[/.-]$/.test(prefix) ? `${prefix}example` : prefix;
				expect(`annotation ${prefix}`, `apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    "${mark(key)}": "v"\n`);
			}
			for (const image of m.images ?? []) expect(`image ${image}`, `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      image: registry.example.com/${mark(image)}:v1\n`);
			for (const name of m.provisioners ?? []) expect(`provisioner ${name}`, `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: ${mark(name)}\n`);
			for (const handler of m.runtimeHandlers ?? []) expect(`handler ${handler}`, `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nhandler: ${mark(handler)}\n`);
			for (const source of m.volumeSources ?? []) expect(`volume source ${source}`, `apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: v\n      ${mark(source)}: {}\n`);
			assert.deepEqual(missed, []);
		});
	}
});

describe('a match written once finds its entity in every spelling of the path', () => {
	it('a pod field written for Pods also matches in Deployments and CronJobs, and the other way round', () => {
		const cron = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          volumes:\n            - name: v\n              nfs:\n                ser<|>ver: s\n';
		assert.ok(linkedEntries(hoverText(cron)).includes('nfs'), 'spec.volumes[].nfs.server');
		const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  topologySpread<|>Constraints: []\n';
		assert.ok(linkedEntries(hoverText(pod)).includes('availability-zones'));
	});

	it('a PV volume source field matches a pod volume and the other way round', () => {
		const pv = 'apiVersion: v1\nkind: PersistentVolume\nspec:\n  hostPath:\n    pa<|>th: /data\n';
		assert.ok(linkedEntries(hoverText(pv)).includes('hostpath'));
		const pod = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      volumes:\n        - name: v\n          nfs:\n            pa<|>th: /export\n';
		assert.ok(linkedEntries(hoverText(pod)).includes('nfs'), 'spec.nfs.path written for PVs');
	});

	it('a claim field matches in a StatefulSet claim template', () => {
		const sts = 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  volumeClaimTemplates:\n    - spec:\n        volumeMode: Blo<|>ck\n';
		assert.ok(linkedEntries(hoverText(sts)).includes('volume-modes'));
	});
});
