import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildGraph, buildTeamKnowledge, type Article } from '../../knowledge/build/builder';
import { readCoverage } from '../../knowledge/build/coverage';
import { MentionMatcher } from '../../knowledge/build/mentions';
import { realGraph, ROOT } from '../util/service';

const ARTICLES: Record<string, Article> = { a: { title: 'An article', address: 'https://example.org/a' } };

function doc(id: string, extra = '', body = `# en\n\n${id} summary in English, mentions Flannel.\n\n# zh\n\n${id} 的中文摘要，提到了法兰绒网络。\n`): string {
	return `---\nid: ${id}\ntitle: { en: ${id} title, zh: ${id} 标题 }\naliases: [${id}-alias]\ncategory: networking\nrelations:\n  - { type: alternative-to, target: flannel }\n  - { type: implements, target: cni }\ndocs: [https://kubernetes.io/docs/]\nsources:\n  - { article: a, section: "S1" }\n${extra}---\n${body}`;
}

const FLANNEL = `---\nid: flannel\ntitle: { en: Flannel, zh: Flannel }\naliases: [flannel, 法兰绒网络]\ncategory: networking\nrelations:\n  - { type: implements, target: cni }\n  - { type: alternative-to, target: calico }\nfacts:\n  networkPolicy: false\nmatches:\n  images: [flannel/flannel]\ndocs: [https://github.com/flannel-io/flannel]\nsources:\n  - { article: a, section: "S" }\n---\n# en\n\nA simple overlay.\n\n# zh\n\n简单的覆盖网络。\n`;

describe('knowledge builder', () => {
	it('builds entities with summaries in both languages, relations, facts and mentions', () => {
		const { graph, problems } = buildGraph(
			[
				{ path: 'flannel.md', text: FLANNEL },
				{ path: 'cni.md', text: doc('cni').replace('type: implements, target: cni', 'type: supports, target: calico') },
				{ path: 'calico.md', text: doc('calico') },
			],
			ARTICLES,
			{ strict: true },
		);
		assert.deepEqual(problems, []);
		const calico = graph.entities.find((e) => e.id === 'calico')!;
		assert.equal(calico.summary.en, 'calico summary in English, mentions Flannel.');
		assert.equal(calico.summary.zh, 'calico 的中文摘要，提到了法兰绒网络。');
		assert.deepEqual(calico.mentions, ['flannel'], 'mentions found by alias in both languages');
		assert.equal(calico.sources[0].address, 'https://example.org/a');
		assert.equal(graph.entities.find((e) => e.id === 'flannel')!.facts.networkPolicy, false);
	});

	it('reports a broken relation with file and line', () => {
		const { problems } = buildGraph([{ path: 'x.md', text: doc('x').replace('target: cni', 'target: nowhere') }, { path: 'flannel.md', text: FLANNEL }], ARTICLES);
		const p = problems.find((q) => q.message.includes('nowhere'));
		assert.ok(p);
		assert.equal(p.file, 'x.md');
		assert.equal(p.line, 6, 'the line of `relations:`');
	});

	it('reports a list item split at a comma inside brackets, and a Chinese term the glossary replaces', () => {
		const text = doc('x', 'facts:\n  kinds: [regional mirrors, P2P distribution (Dragonfly, Kraken)]\n  quoted: ["P2P distribution (Dragonfly, Kraken)"]\n').replace('的中文摘要', '的中文摘要，没有供给器');
		const { problems } = buildGraph([{ path: 'x.md', text }, { path: 'flannel.md', text: FLANNEL }], ARTICLES);
		const messages = problems.map((p) => `${p.line} ${p.message}`);
		assert.deepEqual(messages.filter((m) => m.includes('bracket')).map((m) => m.split(' ').slice(0, 3).join(' ')), ['12 fact kinds:', '12 fact kinds:']);
		assert.ok(messages.some((m) => m.startsWith('22 ') && m.includes('"供给器"') && m.includes('制备器')), messages.join('\n'));
	});

	it('reports duplicate ids and duplicate aliases', () => {
		const { problems } = buildGraph([{ path: 'one.md', text: doc('one') }, { path: 'two.md', text: doc('one') }, { path: 'three.md', text: doc('three').replace('three-alias', 'one-alias') }], ARTICLES);
		assert.ok(problems.some((p) => p.file === 'two.md' && /duplicate id "one"/.test(p.message)));
		assert.ok(problems.some((p) => p.file === 'three.md' && /alias "one-alias"/.test(p.message) && p.line === 4));
	});

	it('reports a missing language, a missing source and broken front matter', () => {
		const noZh = doc('a1', '', '# en\n\nOnly English.\n');
		const noSource = doc('a2').replace('sources:\n  - { article: a, section: "S1" }\n', '');
		const broken = doc('a3').replace('category: networking', 'category: [unclosed');
		const { problems } = buildGraph([{ path: 'a1.md', text: noZh }, { path: 'a2.md', text: noSource }, { path: 'a3.md', text: broken }], ARTICLES);
		assert.ok(problems.some((p) => p.file === 'a1.md' && /no "# zh" section/.test(p.message)));
		assert.ok(problems.some((p) => p.file === 'a2.md' && /at least one source/.test(p.message)));
		assert.ok(problems.some((p) => p.file === 'a3.md' && p.line >= 5 && /front matter/.test(p.message)));
	});

	it('names an article by its title, in the language of the text, wherever the text uses its id', () => {
		const articles: Record<string, Article> = { ...ARTICLES, 'long-read': { title: 'Original', short: { en: 'A long read', zh: '长文' } } };
		const text = doc('x', '', '# en\n\nThe long-read article says so.\n\n# zh\n\nlong-read 一文这样说。\n');
		const { graph } = buildGraph([{ path: 'x.md', text }], articles);
		const x = graph.entities[0];
		assert.equal(x.summary.en, 'The “A long read” article says so.');
		assert.equal(x.summary.zh, '《长文》一文这样说。');
	});

	it('makes alternative-to hold both ways', () => {
		const { graph, problems } = buildGraph([{ path: 'flannel.md', text: FLANNEL.replace('  - { type: alternative-to, target: calico }\n', '') }, { path: 'calico.md', text: doc('calico') }, { path: 'cni.md', text: doc('cni').replace('type: implements, target: cni', 'type: supports, target: calico') }], ARTICLES);
		assert.deepEqual(problems, []);
		const flannel = graph.entities.find((e) => e.id === 'flannel')!;
		assert.ok(flannel.relations.some((r) => r.type === 'alternative-to' && r.target === 'calico'), 'the reverse edge was added');
		assert.equal(flannel.relations.filter((r) => r.type === 'alternative-to' && r.target === 'calico').length, 1);
	});

	it('reports a requires cycle, a relation to itself and, when strict, an entity nothing points at', () => {
		const requires = (id: string, target: string) => doc(id).replace('type: implements, target: cni', `type: requires, target: ${target}`);
		const { problems } = buildGraph(
			[
				{ path: 'a.md', text: requires('a', 'b') },
				{ path: 'b.md', text: requires('b', 'c') },
				{ path: 'c.md', text: requires('c', 'a') },
				{ path: 'self.md', text: requires('self', 'self') },
				{ path: 'flannel.md', text: FLANNEL },
				{ path: 'lonely.md', text: requires('lonely', 'flannel').replace('alternative-to, target: flannel', 'supports, target: a') },
			],
			ARTICLES,
			{ strict: true },
		);
		assert.ok(problems.some((p) => p.file === 'a.md' && p.message === 'requires cycle: a -> b -> c -> a'), JSON.stringify(problems));
		assert.ok(problems.some((p) => p.file === 'self.md' && /does not relate to itself/.test(p.message)));
		assert.ok(problems.some((p) => p.file === 'lonely.md' && /no other entity relates to this one/.test(p.message)));
		assert.ok(!problems.some((p) => p.file === 'b.md' && /no other entity/.test(p.message)), 'b is reached from a');
	});

	it('never runs code from front matter and survives hostile markdown', () => {
		const hostile = '---js\n{ id: (function(){ throw new Error("ran") })() }\n---\n# en\n\n<script>alert(1)</script> [x](command:workbench.action.terminal.new)\n';
		assert.doesNotThrow(() => buildGraph([{ path: 'h.md', text: hostile }], ARTICLES));
		assert.doesNotThrow(() => buildTeamKnowledge([{ path: 'h.md', text: hostile }, { path: 'deep.md', text: '>'.repeat(10000) + ' calico' }], []));
	});

	it('turns team passages that mention an entity into notes, and front matter into a team entity', () => {
		const known = realGraph().entities;
		const team = buildTeamKnowledge(
			[
				{ path: '/team/runbook.md', text: '# Network\n\nOur clusters run Calico; ask #netops before changing IP pools.\n\n```\ncalico in code is ignored\n```\n' },
				{ path: '/team/zh.md', text: '我们的测试集群使用法兰绒以外的网络插件：卡利科。\n\n存储用 NFS。\n' },
				{ path: '/team/own.md', text: '---\nid: our-mesh\ntitle: { en: Our mesh }\naliases: [our mesh]\ncategory: networking\nrelations: [{ type: requires, target: calico }]\n---\n# en\n\nThe team service mesh, on top of Calico.\n' },
			],
			known,
		);
		assert.deepEqual(team.problems, []);
		const calicoNotes = team.notes.get('calico') ?? [];
		assert.ok(calicoNotes.some((n) => n.file === '/team/runbook.md' && n.line === 2 && n.excerpt.startsWith('Our clusters run Calico')));
		assert.ok(!calicoNotes.some((n) => n.excerpt.includes('in code is ignored')), 'code blocks are not notes');
		assert.ok((team.notes.get('nfs') ?? []).some((n) => n.file === '/team/zh.md'), 'Chinese text without spaces is matched by alias');
		assert.equal(team.entities[0].id, 'our-mesh');
		assert.equal(team.entities[0].team, true);
	});

	it('matches short capitalised aliases only as written', () => {
		const matcher = new MentionMatcher([['ASK', 'ack-serverless'], ['Calico', 'calico']]);
		assert.deepEqual(matcher.find('please ask about calico'), ['calico']);
		assert.deepEqual(matcher.find('ASK runs pods'), ['ack-serverless']);
	});
});

describe('the real knowledge folder', () => {
	const graph = realGraph();
	it('covers every id of the coverage list in both languages, with sources and docs', () => {
		const coverage = readCoverage(readFileSync(join(ROOT, 'knowledge', 'IDS.md'), 'utf8'));
		const ids = [...coverage.values()].flat();
		assert.ok(ids.length >= 90);
		for (const id of ids) {
			const e = graph.get(id);
			assert.ok(e, `${id} exists`);
			assert.ok(e.summary.en && e.summary.zh, `${id} has both summaries`);
			assert.match(e.summary.zh, /[\u4e00-\u9fff]/, `${id}'s Chinese summary is Chinese`);
			assert.ok(e.sources.length >= 1 && e.docs.length >= 1 && e.relations.length >= 2, `${id} is sourced, documented and related`);
		}
	});

	it('holds the facts the rules read', () => {
		assert.equal(graph.fact('flannel', 'networkPolicy'), false);
		assert.equal(graph.fact('calico', 'networkPolicy'), true);
		assert.equal(graph.fact('nodeport', 'nodePortRange'), '30000-32767');
		assert.equal(graph.inTreePlugin('awsElasticBlockStore')?.facts.csiDriver, 'ebs.csi.aws.com');
		assert.equal(graph.inTreePlugin('kubernetes.io/aws-ebs')?.facts.removedIn, '1.27');
		assert.equal(graph.forRuntimeHandler('runsc')?.id, 'gvisor');
		assert.equal(graph.fact('nfs', 'capacityEnforced'), false);
		assert.ok(graph.apiVersionsOf('Deployment').some((v) => v.version === 'extensions/v1beta1' && v.removedIn === '1.16'));
		assert.deepEqual(graph.fact<string[]>('azure-file', 'accessModes')?.includes('ReadWriteMany'), true);
	});
});
