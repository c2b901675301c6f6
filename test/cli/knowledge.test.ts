import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnowledgeSearch } from '../../server/src/service/knowledge/search';
import { realGraph } from '../util/service';
import { runCli } from './run';

interface Hit {
	id: string;
	title: string;
	category: string;
	summary: string;
	score: number;
}

describe('kubelore search', () => {
	it('ranks exactly as the editor does (the shared KnowledgeSearch), in both languages', async () => {
		const search = new KnowledgeSearch(realGraph().entities);
		for (const query of ['calico', 'network polcy', '网络插件', 'storage class']) {
			const run = await runCli(['search', query, '--json']);
			assert.equal(run.code, 0, query);
			const hits = JSON.parse(run.stdout) as Hit[];
			assert.ok(hits.length > 0, query);
			assert.deepEqual(hits.map((h) => h.id), search.search(query, 10).map((h) => h.entity.id), query);
		}
	});

	it('answers a question and says why each entry answers it', async () => {
		const run = await runCli(['search', '哪个网络插件支持网络策略', '--language', 'zh']);
		assert.equal(run.code, 0);
		assert.match(run.stdout.split('\n')[0], /^ 1\. .+ — 支持 NetworkPolicy：是 /);
		const json = JSON.parse((await runCli(['search', 'which CNI supports network policy', '--json', '--language', 'en'])).stdout) as (Hit & { answer?: string })[];
		assert.equal(json[0].answer, 'Enforces NetworkPolicy: yes');
	});

	it('shows a numbered list of titles with id, category and summary, in the chosen language', async () => {
		const run = await runCli(['search', 'calico', '--language', 'en']);
		assert.match(run.stdout, /^ 1\. Calico {2}calico · networking\n {4}Calico is /);
		const zh = await runCli(['search', '存储', '--language', 'zh', '--limit', '3']);
		assert.equal(zh.stdout.split('\n').filter((l) => /^ ?\d+\. /.test(l)).length, 3);
		assert.match(zh.stdout, /[\u4e00-\u9fff]/);
	});

	it('says so when nothing matches, and needs a query', async () => {
		const none = await runCli(['search', 'zzqxwv', '--language', 'en']);
		assert.equal(none.code, 0);
		assert.equal(none.stdout, 'No entries match "zzqxwv".\n');
		assert.deepEqual(JSON.parse((await runCli(['search', 'zzqxwv', '--json'])).stdout), []);
		const missing = await runCli(['search']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /search needs a query/);
	});
});

describe('kubelore explain', () => {
	it('shows the entry: title, summary and body, facts, relations, docs and sources', async () => {
		const graph = realGraph();
		const calico = graph.get('calico')!;
		const run = await runCli(['explain', 'calico', '--language', 'en']);
		assert.equal(run.code, 0);
		const out = run.stdout;
		assert.ok(out.startsWith('Calico\n══════\ncalico · networking'));
		assert.ok(out.includes(calico.summary.en.slice(0, 60)), 'the summary opens the body');
		for (const heading of ['Facts\n─────', 'Related\n───────', 'Docs\n────', 'Sources\n───────']) assert.ok(out.includes(heading), heading);
		for (const url of calico.docs) assert.ok(out.includes(url), url);
		assert.ok(out.includes(calico.sources[0].title), 'sources are listed');
		const neighbour = graph.neighbours('calico')[0].entity;
		assert.ok(out.includes(`(${neighbour.id})`), 'related entries by id');
		assert.doesNotMatch(out, /^#+ /m, 'markdown headings are rendered, not shown raw');
		assert.doesNotMatch(out, /\]\(/, 'no raw markdown links');
		assert.ok(out.split('\n').every((line) => [...line].length <= 100), 'lines are wrapped');
	});

	it('shows the entry in Chinese, found by alias or kind', async () => {
		const run = await runCli(['explain', 'Calico 网络', '--language', 'zh']);
		assert.equal(run.code, 0);
		assert.match(run.stdout, /要点\n/);
		assert.match(run.stdout, /支持 NetworkPolicy +是/, 'facts by their Chinese names and values');
		assert.match(run.stdout, /方向 +独立虚拟网络/);
		assert.doesNotMatch(run.stdout, /networkPolicy|virtual-network|alternative-to/, 'no raw keys or values');
		assert.match(run.stdout, /可替代/, 'relations by their Chinese labels');
		assert.ok(run.stdout.includes(realGraph().get('calico')!.summary.zh.slice(0, 20)));
		const byKind = await runCli(['explain', 'NetworkPolicy', '--language', 'en']);
		assert.equal(byKind.code, 0);
		assert.match(byKind.stdout, /network-policy · networking/);
	});

	it('prints the entry as JSON with its relations', async () => {
		const entry = JSON.parse((await runCli(['explain', 'calico', '--json'])).stdout) as { id: string; title: { en: string }; related: { id: string }[] };
		assert.equal(entry.id, 'calico');
		assert.equal(entry.title.en, 'Calico');
		assert.ok(entry.related.length > 0);
	});

	it('exits 2 for an unknown name and suggests close entries', async () => {
		const run = await runCli(['explain', 'calcio', '--language', 'en']);
		assert.equal(run.code, 2);
		assert.equal(run.stdout, '');
		assert.match(run.stderr, /^kubelore: no entry is called "calcio"\. Did you mean: calico/);
	});
});
