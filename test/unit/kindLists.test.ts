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

const KINDS = ['ConfigMap', 'Service', 'PersistentVolumeClaim'];
const NAMES = ['a', 'b', 'data', 'data-1', 'data-10', 'data-2', 'Z', 'web', 'é'];

/** A file of one to four documents of random kinds and names (some nameless, some names repeated). */
function randomFile(rnd: () => number): string {
	const count = 1 + Math.floor(rnd() * 4);
	return Array.from({ length: count }, () => {
		const kind = KINDS[Math.floor(rnd() * KINDS.length)];
		const name = rnd() < 0.1 ? undefined : NAMES[Math.floor(rnd() * NAMES.length)];
		return `apiVersion: v1\nkind: ${kind}\nmetadata:\n${name === undefined ? '  labels: { x: y }\n' : `  name: ${name}\n`}`;
	}).join('---\n');
}

const place = (e: IndexedResource) => `${e.uri}@${e.document.start}`;
const byPlace = (a: IndexedResource, b: IndexedResource) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.document.start - b.document.start);
const byName = (a: IndexedResource, b: IndexedResource) => {
	const x = a.resource.name ?? '';
	const y = b.resource.name ?? '';
	return x < y ? -1 : x > y ? 1 : byPlace(a, b);
};

/** Every resource of a kind found by walking the files, sorted from scratch. */
function fullSort(index: WorkspaceIndex, kind: string, compare: (a: IndexedResource, b: IndexedResource) => number): string[] {
	const all: IndexedResource[] = [];
	for (const uri of index.uris) {
		for (const document of index.getFile(uri)!.manifest.documents) if (document.resource?.kind === kind) all.push({ uri, document, resource: document.resource });
	}
	return all.sort(compare).map((e) => `${e.resource.name ?? ''}|${place(e)}`);
}

const described = (list: readonly IndexedResource[]) => list.map((e) => `${e.resource.name ?? ''}|${place(e)}`);

/** The resources of a kind and name, in place order, found by walking the files. */
function fullNamed(index: WorkspaceIndex, kind: string, name: string): string[] {
	return fullSort(index, kind, byPlace).filter((e) => e.startsWith(`${name}|`));
}

describe('the index keeps each kind sorted by place and by name as files come and go', () => {
	// Seeds 6 to 8 read by name through named() alone: its lists by name are kept without the whole list by name.
	for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
		const wholeList = seed <= 5;
		it(`equals a full sort after random adds, edits, renames and removals (seed ${seed}${wholeList ? '' : ', named() alone'})`, () => {
			const rnd = seeded(seed);
			const index = new WorkspaceIndex(['/ws']);
			const uris = Array.from({ length: 12 }, (_, i) => `file:///ws/${String.fromCharCode(97 + Math.floor(rnd() * 5))}/f${i}.yaml`);
			let checks = 0;
			for (let step = 0; step < 300; step++) {
				const uri = uris[Math.floor(rnd() * uris.length)];
				const roll = rnd();
				const file = index.getFile(uri);
				if (roll < 0.2 && file) index.removeFile(uri);
				else if (roll < 0.4 && file) {
					// a rename: one name of the file changed, the rest of the text as it was
					const renamed = file.manifest.text.replace(/name: \S+/, `name: ${NAMES[Math.floor(rnd() * NAMES.length)]}`);
					index.setFile(uri, renamed, step, rnd() < 0.5);
				} else index.setFile(uri, randomFile(rnd), step, rnd() < 0.5);
				// reads between some changes only: both the settled lists and the ones with resources waiting are checked
				if (rnd() < 0.3) {
					for (const kind of KINDS) {
						assert.deepEqual(described(index.ofKind(kind)), fullSort(index, kind, byPlace), `${kind} by place after step ${step}`);
						if (wholeList) assert.deepEqual(described(index.ofKindByName(kind)), fullSort(index, kind, byName), `${kind} by name after step ${step}`);
						for (const name of ['', ...NAMES, 'absent']) assert.deepEqual(described(index.named(kind, name)), fullNamed(index, kind, name), `${kind} named ${name} after step ${step}`);
						checks++;
					}
				}
			}
			for (const kind of KINDS) assert.deepEqual(described(index.ofKindByName(kind)), fullSort(index, kind, byName));
			assert.ok(checks > 100);
		});
	}

	it('the lists equal those of an index that read the final files only', () => {
		const rnd = seeded(9);
		const index = new WorkspaceIndex(['/ws']);
		for (let step = 0; step < 200; step++) {
			const uri = `file:///ws/f${Math.floor(rnd() * 20)}.yaml`;
			if (rnd() < 0.2) index.removeFile(uri);
			else index.setFile(uri, randomFile(rnd), step, false);
			if (step % 7 === 0) index.ofKindByName('Service');
		}
		const fresh = new WorkspaceIndex(['/ws']);
		for (const uri of [...index.uris].reverse()) fresh.setFile(uri, index.getFile(uri)!.manifest.text, 0, false);
		for (const kind of KINDS) {
			assert.deepEqual(described(index.ofKind(kind)), described(fresh.ofKind(kind)));
			assert.deepEqual(described(index.ofKindByName(kind)), described(fresh.ofKindByName(kind)));
		}
	});

	it('a kind changes version when one of its resources comes, goes or is edited, and only then', () => {
		const index = new WorkspaceIndex(['/ws']);
		index.setFile('file:///ws/a.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', 1, true);
		index.setFile('file:///ws/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n', 1, true);
		const service = index.kindVersion('Service');
		const configMap = index.kindVersion('ConfigMap');
		index.setFile('file:///ws/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg2\n', 2, true);
		assert.equal(index.kindVersion('Service'), service);
		assert.notEqual(index.kindVersion('ConfigMap'), configMap);
		index.removeFile('file:///ws/a.yaml');
		assert.notEqual(index.kindVersion('Service'), service);
		assert.deepEqual(index.ofKindByName('Service'), []);
		assert.deepEqual(described(index.ofKindByName('ConfigMap')), ['cfg2|file:///ws/b.yaml@0']);
	});
});
