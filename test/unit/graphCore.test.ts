import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GRAPH_CORE_FILE, GRAPH_FILE, withoutBodies } from '../../knowledge/build/graphFiles';
import { loadGraphData } from '../../server/src/node/knowledge';
import { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import { KnowledgeSearch } from '../../server/src/service/knowledge/search';
import type { GraphData } from '../../server/src/service/knowledge/types';
import { ROOT } from '../util/service';

const DIST = join(ROOT, 'dist');
const whole = () => JSON.parse(readFileSync(join(DIST, GRAPH_FILE), 'utf8')) as GraphData;

function withFolder(run: (dir: string) => void): void {
	const dir = mkdtempSync(join(tmpdir(), 'kubelore-graph-'));
	try {
		run(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('graph-core.json', () => {
	it('is graph.json without the bodies', () => {
		const core = JSON.parse(readFileSync(join(DIST, GRAPH_CORE_FILE), 'utf8')) as GraphData;
		assert.deepEqual(core, withoutBodies(whole()));
		assert.ok(core.entities.every((e) => !('body' in e)));
	});

	it('loads to the same graph as graph.json, bodies included', () => {
		const loaded = loadGraphData(DIST);
		const expected = whole();
		assert.deepEqual(JSON.parse(JSON.stringify(loaded)), expected);
		for (const [i, entity] of loaded.entities.entries()) assert.deepEqual(entity.body, expected.entities[i].body, entity.id);
	});

	it('reads graph.json only when a body is first asked for', () => {
		withFolder((dir) => {
			copyFileSync(join(DIST, GRAPH_CORE_FILE), join(dir, GRAPH_CORE_FILE));
			const loaded = loadGraphData(dir);
			const graph = new KnowledgeGraph(loaded);
			const expected = whole();
			assert.equal(graph.forKind('Deployment')?.id, expected.entities.find((e) => e.matches.kinds?.includes('Deployment'))?.id);
			// graph.json appears after the load: the bodies still come from it
			copyFileSync(join(DIST, GRAPH_FILE), join(dir, GRAPH_FILE));
			assert.deepEqual(loaded.entities[0].body, expected.entities[0].body);
			assert.ok(loaded.entities[0].body.en.length > 0);
		});
	});

	it('gives empty bodies when graph.json cannot be read, and a set body stays', () => {
		withFolder((dir) => {
			copyFileSync(join(DIST, GRAPH_CORE_FILE), join(dir, GRAPH_CORE_FILE));
			const loaded = loadGraphData(dir);
			assert.deepEqual(loaded.entities[0].body, { en: '', zh: '' });
			loaded.entities[1].body = { en: 'set', zh: '设' };
			assert.deepEqual(loaded.entities[1].body, { en: 'set', zh: '设' });
		});
	});

	it('without the core file, graph.json is read whole', () => {
		withFolder((dir) => {
			copyFileSync(join(DIST, GRAPH_FILE), join(dir, GRAPH_FILE));
			assert.deepEqual(loadGraphData(dir), whole());
		});
	});

	it('the knowledge search finds the same entries from either file', () => {
		const fromCore = new KnowledgeSearch(loadGraphData(DIST).entities);
		const fromWhole = new KnowledgeSearch(whole().entities);
		for (const query of ['network policy', 'ingress controller', 'container runtime sandbox', '存储', 'gpu scheduling', 'what enforces pod security']) {
			const hits = fromWhole.search(query);
			assert.ok(hits.length > 0, query);
			assert.deepEqual(fromCore.search(query).map((h) => [h.entity.id, h.score]), hits.map((h) => [h.entity.id, h.score]), query);
		}
	});
});
