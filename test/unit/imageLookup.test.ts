import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadGraphData } from '../../server/src/node/knowledge';
import { imageRepository, KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { Entity } from '../../server/src/service/knowledge/types';
import { ROOT } from '../util/service';

/** The lookup as a scan: every pattern, longest first (ties in the order the entities came), matching the repository or its end after a slash. */
function scanned(data: ReturnType<typeof loadGraphData>, image: string): Entity | undefined {
	const patterns: [string, Entity][] = [];
	const seen = new Set<string>();
	for (const entity of data.entities) {
		if (seen.has(entity.id)) continue;
		seen.add(entity.id);
		for (const pattern of entity.matches.images ?? []) patterns.push([pattern.toLowerCase(), entity]);
	}
	patterns.sort((a, b) => b[0].length - a[0].length);
	const repo = imageRepository(image);
	return patterns.find(([pattern]) => repo === pattern || repo.endsWith(`/${pattern}`))?.[1];
}

describe('the entity of a container image', () => {
	it('is the one a scan of every pattern finds, for each pattern written in many ways and for images of no pattern', () => {
		const data = loadGraphData(join(ROOT, 'dist'));
		const graph = new KnowledgeGraph(data);
		const patterns = data.entities.flatMap((e) => e.matches.images ?? []);
		assert.ok(patterns.length > 10, 'the graph names images');
		const images: string[] = ['nginx', 'nginx:1.25', 'registry.example.com/shop/app-1:1.0.0', 'localhost:5000/x/y', '', '/', 'a//b', 'UPPER/Case:tag', 'repo@sha256:abc'];
		for (const pattern of patterns) {
			const tail = pattern.split('/').slice(1).join('/');
			images.push(
				pattern,
				`${pattern}:v1.2.3`,
				`docker.io/${pattern}`,
				`quay.io/mirror/${pattern}@sha256:0123`,
				`localhost:5000/${pattern.toUpperCase()}:latest`,
				`other${pattern}`,
				`${pattern}-fork`,
				tail,
				`registry.k8s.io/${tail}`,
			);
		}
		for (const image of images) assert.equal(graph.forImage(image)?.id, scanned(data, image)?.id, image);
	});
});
