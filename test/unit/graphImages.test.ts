/*
 * forImage looks an image up among the patterns that share its last path segment: it finds what a
 * scan of every pattern, longest first, finds (the lookup as it was), for the real knowledge and for
 * team patterns that overlap.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { imageRepository, KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { Entity, GraphData } from '../../server/src/service/knowledge/types';
import { ROOT } from '../util/service';

/** The lookup as a scan of every pattern, longest first. */
function scan(entities: Entity[], image: string): string | undefined {
	const patterns = entities.flatMap((e) => (e.matches.images ?? []).map((p) => [p.toLowerCase(), e.id] as const));
	patterns.sort((a, b) => b[0].length - a[0].length);
	const repo = imageRepository(image);
	return patterns.find(([p]) => repo === p || repo.endsWith(`/${p}`))?.[1];
}

function team(id: string, images: string[]): Entity {
	return { id, aliases: [], title: { en: id, zh: id }, matches: { images } } as unknown as Entity;
}

describe('the knowledge entity of an image', () => {
	const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData;
	const extra = [team('team-flannel', ['Mirror/Flannel/Flannel', 'flannel']), team('team-any', ['app']), team('team-slash', ['shop/app-main'])];
	const graph = new KnowledgeGraph(data, extra);
	const all = [...data.entities, ...extra];

	it('is the one a scan of every pattern finds', () => {
		const patterns = all.flatMap((e) => e.matches.images ?? []);
		const images = new Set<string>();
		for (const p of patterns) {
			for (const form of [p, `${p}:1.2`, `docker.io/${p}`, `registry.k8s.io/${p}:v1@sha256:abc`, `localhost:5000/${p}`, `x${p}`, `other/${p}`, `${p}-extra`, p.toUpperCase(), p.split('/').pop()!]) images.add(form);
		}
		for (const other of ['', ' ', 'nginx', 'app', 'shop/app-main:1', 'registry.example.com/shop/app-main:1.9', 'a/b/c/app', '/flannel', 'flannel/', 'quay.io/coreos/flannel:v0.15']) images.add(other);
		let found = 0;
		for (const image of images) {
			const expected = scan(all, image);
			assert.equal(graph.forImage(image)?.id, expected, image);
			if (expected) found++;
		}
		assert.ok(found > patterns.length, `most of the forms have an entity (${found} of ${images.size})`);
		// answered again from what it remembered
		for (const image of images) assert.equal(graph.forImage(image)?.id, scan(all, image), image);
	});
});
