/*
 * The files the kustomizations name as patches (isPartialFile), as files come, change and go in a
 * random order: the same as worked out from every file of the index at each step, the way it was
 * done before the kustomizations were kept apart; and a repository of many overlays is indexed
 * without going over the whole index for each kustomization.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI, Utils } from 'vscode-uri';
import { random } from '../../bench/generate';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';

const ROOT = '/repo';
const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** The patch files of the index, from every file of it (a kustomization without apiVersion and kind read from its tree). */
function patchesFromScratch(index: WorkspaceIndex): Set<string> {
	const patches = new Set<string>();
	for (const uri of index.uris) {
		const path = URI.parse(uri).path;
		if (!KUSTOMIZATION.test(path)) continue;
		const dir = path.slice(0, path.lastIndexOf('/'));
		for (const doc of index.getFile(uri)!.manifest.documents) {
			const value = (doc.resource?.value ?? doc.yaml?.toJS()) as Record<string, unknown> | undefined;
			for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
				const list = value?.[key];
				if (!Array.isArray(list)) continue;
				for (const item of list) {
					const name = typeof item === 'string' && !item.includes('\n') ? item : (item as { path?: unknown })?.path;
					if (typeof name === 'string') patches.add(Utils.joinPath(URI.file(dir), name).path);
				}
			}
		}
	}
	return patches;
}

function kustomization(rnd: () => number, dirs: string[]): string {
	const names = Array.from({ length: Math.floor(rnd() * 3) }, () => `${rnd() < 0.3 ? `../${dirs[Math.floor(rnd() * dirs.length)]}/` : ''}patch-${Math.floor(rnd() * 3)}.yaml`);
	const header = rnd() < 0.5 ? 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n' : '';
	const key = ['patches', 'patchesStrategicMerge', 'patchesJson6902'][Math.floor(rnd() * 3)];
	const items = names.map((n) => (rnd() < 0.5 ? `  - ${n}\n` : `  - path: ${n}\n`)).join('');
	return `${header}resources:\n  - deploy.yaml\n${items ? `${key}:\n${items}` : ''}`;
}

describe('the patch files of the kustomizations', () => {
	it('are the ones worked out from every file of the index, after every change', () => {
		const rnd = random(20261203);
		const dirs = Array.from({ length: 8 }, (_, i) => `overlay-${i}`);
		const index = new WorkspaceIndex([ROOT]);
		const candidates = dirs.flatMap((d) => ['kustomization.yaml', 'Kustomization', 'deploy.yaml', 'patch-0.yaml', 'patch-1.yaml', 'patch-2.yaml'].map((f) => URI.file(`${ROOT}/${d}/${f}`).toString()));
		let partial = 0;
		for (let step = 0; step < 400; step++) {
			const uri = candidates[Math.floor(rnd() * candidates.length)];
			const path = URI.parse(uri).path;
			if (rnd() < 0.25) index.removeFile(uri);
			else if (KUSTOMIZATION.test(path)) index.setFile(uri, kustomization(rnd, dirs), step, false);
			else index.setFile(uri, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${step}\n`, step, false);
			const expected = patchesFromScratch(index);
			for (const other of candidates) {
				assert.equal(index.isPartialFile(other), expected.has(URI.parse(other).path), `step ${step}: ${other}`);
				if (index.isPartialFile(other)) partial++;
			}
		}
		// Patches were found and lost along the way: the comparison covered both answers.
		assert.ok(partial > 1000, String(partial));
	});

	it('reads each kustomization once however many come after it', () => {
		const index = new WorkspaceIndex([ROOT]);
		let reads = 0;
		for (let i = 0; i < 300; i++) {
			// A kustomization whose patch list is read through a getter counts the reads of its value.
			index.setFile(URI.file(`${ROOT}/o${i}/kustomization.yaml`).toString(), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: patch.yaml\n`, 0, false);
			const value = index.getFile(URI.file(`${ROOT}/o${i}/kustomization.yaml`).toString())!.manifest.documents[0].resource!.value as Record<string, unknown>;
			const patches = value.patches;
			Object.defineProperty(value, 'patches', { get: () => (reads++, patches), enumerable: true });
			index.setFile(URI.file(`${ROOT}/o${i}/deploy.yaml`).toString(), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\n`, 0, false);
			assert.equal(index.isPartialFile(URI.file(`${ROOT}/o${i}/patch.yaml`).toString()), true);
		}
		assert.equal(reads, 300);
	});
});
