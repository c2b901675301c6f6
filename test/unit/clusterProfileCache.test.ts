/*
 * The cluster profile is read from the workspace again only when what it is read from changed
 * (workspace/profile.ts): after every random edit, the profile of a long-lived index must equal the
 * profile of a fresh index over the same texts, evidence places included.
 * KUBELORE_PROFILE_SEED reproduces a run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { random } from '../../bench/generate';
import type { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { clusterProfile, type ClusterProfile, type ProfileEvidence } from '../../server/src/service/workspace/profile';
import { daemonSet } from '../util/manifests';
import { FOLDER, realGraph, settings } from '../util/service';

const SEED = Number(process.env.KUBELORE_PROFILE_SEED ?? 20261203);

const storageClass = (name: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: ebs.csi.aws.com\n`;
const runtimeClass = (name: string) => `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: ${name}\nhandler: runsc\n`;
const crd = (group: string) => `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.${group}\nspec:\n  group: ${group}\n  names: { kind: Thing, plural: things }\n  scope: Namespaced\n`;
const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: ${value}\n`;

const IMAGES = ['docker.io/flannel/flannel:v0.25.6', 'docker.io/calico/node:v3.28.1', 'nginx:1.27', 'ghcr.io/k8snetworkplumbingwg/multus-cni:v4.0.2'];
const NAMES = ['fast', 'slow', 'gp3', 'standard'];
const GROUPS = ['cilium.io', 'crd.projectcalico.org', 'example.com'];

/** A random document of a kind the profile reads, or one it does not (a ConfigMap, a broken document). */
function randomDocument(rnd: () => number): string {
	const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const roll = rnd();
	if (roll < 0.25) return daemonSet(pick(['net', 'agent']), pick(IMAGES));
	if (roll < 0.45) return storageClass(pick(NAMES));
	if (roll < 0.55) return runtimeClass(pick(['gvisor', 'kata']));
	if (roll < 0.65) return crd(pick(GROUPS));
	if (roll < 0.7) return 'kind: [broken\n';
	return configMap(pick(['info', 'debug', 'x']));
}

/** What a profile says, evidence places included, as plain data. */
function plain(profile: ClusterProfile): unknown {
	const places = (list: ProfileEvidence[]) => list.map((e) => [e.uri, e.start, e.end, e.what]);
	return {
		cni: profile.cni && [profile.cni.value, profile.cni.configured, places(profile.cni.evidence)],
		cniSeen: [...profile.cniSeen].map(([id, list]) => [id, places(list)]),
		multus: places(profile.multus),
		runtimeClasses: profile.runtimeClasses.map((v) => [v.value, v.configured, places(v.evidence)]),
		storageClasses: profile.storageClasses.map((v) => [v.value, v.configured, places(v.evidence)]),
	};
}

function freshProfile(files: Map<string, string[]>, graph: KnowledgeGraph, overrides = {}): ClusterProfile {
	const index = new WorkspaceIndex([FOLDER]);
	for (const [uri, docs] of files) index.setFile(uri, docs.join('---\n'), 1, true);
	return clusterProfile(index, graph, settings(overrides));
}

describe('the cluster profile kept between edits', () => {
	it('equals the profile of a fresh index after every random edit', () => {
		const rnd = random(SEED);
		const graph = realGraph();
		const index = new WorkspaceIndex([FOLDER]);
		const files = new Map<string, string[]>();
		const uris = ['a.yaml', 'b.yaml', 'c.yaml'].map((name) => `file://${FOLDER}/${name}`);
		for (const uri of uris) {
			files.set(uri, Array.from({ length: 4 }, () => randomDocument(rnd)));
			index.setFile(uri, files.get(uri)!.join('---\n'), 1, true);
		}
		const overrides = [{}, { storageClasses: ['fast'] }, { cni: 'cilium' }];
		for (let step = 0; step < 300; step++) {
			const uri = uris[Math.floor(rnd() * uris.length)];
			const docs = [...files.get(uri)!];
			const at = Math.floor(rnd() * (docs.length + 1));
			const roll = rnd();
			// Moves (a comment above), changes in place, and documents that come and go.
			if (roll < 0.3 && docs.length) docs[Math.min(at, docs.length - 1)] = `# moved ${step}\n${docs[Math.min(at, docs.length - 1)]}`;
			else if (roll < 0.6 && docs.length) docs[Math.min(at, docs.length - 1)] = randomDocument(rnd);
			else if (roll < 0.8) docs.splice(at, 0, randomDocument(rnd));
			else if (docs.length > 1) docs.splice(Math.min(at, docs.length - 1), 1);
			files.set(uri, docs);
			if (rnd() < 0.05) index.removeFile(uri);
			else index.setFile(uri, docs.join('---\n'), step + 2, true);
			if (!index.getFile(uri)) files.set(uri, []);
			for (const o of overrides) {
				// Asked twice in a row, and after the other settings: the reading kept must not go stale either way.
				if (rnd() < 0.5) continue;
				assert.deepEqual(plain(clusterProfile(index, graph, settings(o))), plain(freshProfile(files, graph, o)), `step ${step}`);
			}
		}
	});

	it('is kept while an edit changes nothing it is read from, and follows a StorageClass that changes', () => {
		const graph = realGraph();
		const index = new WorkspaceIndex([FOLDER]);
		const uri = `file://${FOLDER}/all.yaml`;
		const text = (level: string, name: string) => [daemonSet('net', IMAGES[0]), storageClass(name), configMap(level)].join('---\n');
		index.setFile(uri, text('info', 'fast'), 1, true);
		const before = clusterProfile(index, graph, settings());
		assert.deepEqual(before.storageClasses.map((v) => v.value), ['fast']);
		index.setFile(uri, text('debug', 'fast'), 2, true);
		// Only the last document changed: nothing the profile reads changed or moved, it is the same object.
		assert.equal(clusterProfile(index, graph, settings()), before);
		index.setFile(uri, text('debug', 'slow'), 3, true);
		assert.deepEqual(clusterProfile(index, graph, settings()).storageClasses.map((v) => v.value), ['slow']);
	});

	it('moves its evidence with a document that only moved', () => {
		const graph = realGraph();
		const index = new WorkspaceIndex([FOLDER]);
		const uri = `file://${FOLDER}/all.yaml`;
		index.setFile(uri, [configMap('info'), daemonSet('net', IMAGES[0])].join('---\n'), 1, true);
		const before = clusterProfile(index, graph, settings()).cni!.evidence[0].start;
		index.setFile(uri, [configMap('information'), daemonSet('net', IMAGES[0])].join('---\n'), 2, true);
		const after = clusterProfile(index, graph, settings()).cni!.evidence[0];
		assert.equal(after.start, before + 'rmation'.length);
		assert.equal(index.getFile(uri)!.manifest.text.slice(after.start, after.end), `"${IMAGES[0]}"`);
	});
});
