import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkspaceIndex, type IndexedResource } from '../../server/src/service/workspace/index';

/** A small seeded generator, so that a failure can be replayed. */
function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const byPlace = (a: IndexedResource, b: IndexedResource) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.document.start - b.document.start);
const byNameThenPlace = (a: IndexedResource, b: IndexedResource) => {
	const x = a.resource.name ?? '';
	const y = b.resource.name ?? '';
	return x < y ? -1 : x > y ? 1 : byPlace(a, b);
};
const described = (list: readonly IndexedResource[]) => list.map((e) => `${e.resource.name ?? ''}|${e.uri}@${e.document.start}`);

/**
 * Names that share long prefixes, end inside one another, repeat, and reach past ASCII: past the
 * basic plane too, where the order of code units (that of the lists) differs from that of code
 * points (U+1D49C is two code units below U+FB00).
 */
function randomName(rnd: () => number): string | undefined {
	if (rnd() < 0.05) return undefined;
	const parts = ['data', 'data-', 'data-1', 'a', 'b', 'Z', 'é', 'x'.repeat(20), '\u{1D49C}', '\uFB00'];
	let name = '';
	const length = 1 + Math.floor(rnd() * 4);
	for (let i = 0; i < length; i++) name += parts[Math.floor(rnd() * parts.length)];
	return name;
}

describe('the sorted lists of a kind, settled after batches of files, equal a plain sort with the two comparators', () => {
	for (const seed of [11, 12, 13, 14, 15]) {
		it(`equals a plain sort with the two comparators over files of several resources with equal names (seed ${seed})`, () => {
			const rnd = seeded(seed);
			const index = new WorkspaceIndex(['/ws']);
			const folders = ['a', 'a/b', 'a/b/c', 'team-1/svc-10', 'team-1/svc-1', 'z'];
			const uris = Array.from({ length: 60 }, (_, i) => `file:///ws/${folders[Math.floor(rnd() * folders.length)]}/app-${Math.floor(rnd() * 30)}-${i}.yaml`);
			const all = (kind: string) => {
				const out: IndexedResource[] = [];
				for (const uri of index.uris) for (const document of index.getFile(uri)!.manifest.documents) if (document.resource?.kind === kind) out.push({ uri, document, resource: document.resource });
				return out;
			};
			let checks = 0;
			for (let round = 0; round < 6; round++) {
				// a batch of files (new ones, replaced ones, and a few removed) between reads, in a random order
				for (let n = 0; n < 40; n++) {
					const uri = uris[Math.floor(rnd() * uris.length)];
					if (rnd() < 0.1) {
						index.removeFile(uri);
						continue;
					}
					const docs = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => {
						const name = randomName(rnd);
						const kind = rnd() < 0.7 ? 'ConfigMap' : 'Service';
						return `apiVersion: v1\nkind: ${kind}\nmetadata:\n${name === undefined ? '  labels: { x: y }\n' : `  name: "${name}"\n`}`;
					});
					index.setFile(uri, docs.join('---\n'), round, false);
				}
				for (const kind of ['ConfigMap', 'Service']) {
					const expectedByPlace = all(kind).sort(byPlace);
					const expectedByName = all(kind).sort(byNameThenPlace);
					assert.ok(expectedByName.some((e, i) => i > 0 && e.resource.name === expectedByName[i - 1].resource.name), 'equal names occur');
					assert.deepEqual(described(index.ofKindByPlace(kind)), described(expectedByPlace), `${kind} by place, round ${round}`);
					assert.deepEqual(described(index.ofKindByName(kind)), described(expectedByName), `${kind} by name, round ${round}`);
					const name = expectedByName[Math.floor(rnd() * expectedByName.length)].resource.name ?? '';
					assert.deepEqual(described(index.named(kind, name)), described(expectedByPlace.filter((e) => (e.resource.name ?? '') === name)));
					checks++;
				}
			}
			assert.equal(checks, 12);
		});
	}
});
