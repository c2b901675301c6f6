import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { entryMarkdown } from '../../server/src/service/features/entryMarkdown';
import { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { Entity, GraphData } from '../../server/src/service/knowledge/types';
import { hoverText } from '../fixtures/hover/harness';
import { ROOT } from '../util/service';

const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'graph.json'), 'utf8')) as GraphData;
const SERVICE_TYPE = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  type: Node<|>Port\n';

/** A graph with extra entities and team notes laid over the real one. */
function graphWith(extra: Entity[], notes: Record<string, { file: string; line: number; excerpt: string }[]> = {}): KnowledgeGraph {
	const graph = new KnowledgeGraph({ version: 1, entities: [...data.entities, ...extra.filter((e) => !e.team)] }, extra.filter((e) => e.team));
	graph.setNotes(new Map(Object.entries(notes)));
	return graph;
}

function entity(overrides: Partial<Entity>): Entity {
	return { id: 'x', category: 'networking', title: { en: 'X', zh: 'X' }, aliases: [], summary: { en: 's', zh: 's' }, body: { en: '', zh: '' }, relations: [], facts: {}, matches: {}, docs: [], sources: [], mentions: [], file: 'x.md', ...overrides };
}

describe('hover layout', () => {
	it('title, summary, facts about the value first, Related and a link to the entry view, in that order; no sources', () => {
		const text = hoverText(SERVICE_TYPE);
		const order = ['#### [NodePort Service](command:kubelore.openEntry', 'A NodePort Service opens', '| Facts |', '| NodePort range |', '**Related:**', '[More…](command:kubelore.openEntry'].map((s) => text.indexOf(s));
		assert.ok(order.every((i) => i >= 0), `every section is there: ${order.join(',')}`);
		assert.deepEqual([...order].sort((a, b) => a - b), order);
		assert.doesNotMatch(text, /\*\*Sources:\*\*|\*\*Docs:\*\*|DevOps|ack-serverless|Serverless/, 'sources, article titles and vendors stay in the entry view');
		assert.ok(text.split('\n').length <= 16, `fits on a screen: ${text.split('\n').length} lines`);
	});

	it('Chinese labels end with the full-width colon, English ones with the ASCII colon', () => {
		const nodePort = data.entities.find((e) => e.id === 'nodeport-service' || e.aliases.includes('NodePort'));
		assert.ok(nodePort, 'the NodePort entry exists');
		const graph = graphWith([]);
		assert.match(entryMarkdown(nodePort, graph, 'zh'), /\*\*相关：\*\*/);
		assert.doesNotMatch(entryMarkdown(nodePort, graph, 'zh'), /\*\*相关:/);
		assert.match(entryMarkdown(nodePort, graph, 'en'), /\*\*Related:\*\*/);
	});

	it('a summary longer than three lines is cut at a sentence, never inside a version number', () => {
		const long = entity({ id: 'long', summary: { en: 'First sentence about 1.25 GA here. ' + 'Second sentence that goes on and on. '.repeat(10), zh: '第一句话。' + '第二句话很长很长很长很长很长很长很长很长。'.repeat(10) } });
		const en = entryMarkdown(long, graphWith([long]), 'en').split('\n\n')[1];
		assert.ok(en.startsWith('First sentence about 1.25 GA here.') && en.endsWith('.') && en.length <= 240, en);
		const zh = entryMarkdown(long, graphWith([long]), 'zh').split('\n\n')[1];
		assert.ok(zh.startsWith('第一句话。') && zh.length <= 120, zh);
	});

	it('Chinese display language shows Chinese summary, labels, facts and relations, no English label', () => {
		for (const source of [SERVICE_TYPE, 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers:\n        - name: f\n          image: flannel/fla<|>nnel:v0.25\n']) {
			const text = hoverText(source, { language: 'zh' });
			assert.match(text, /\*\*相关：\*\*/);
			assert.match(text, /\| 要点 \|/);
			assert.match(text, /\[详情…\]/);
			const labels = [...text.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]).concat([...text.matchAll(/_\(([^)]+)\)_/g)].map((m) => m[1]));
			const english = labels.filter((l) => /^[A-Za-z][a-z]+( [a-z]+)*$/.test(l.replace(/\\/g, '')));
			assert.deepEqual(english, [], 'labels are Chinese');
		}
		assert.match(hoverText(SERVICE_TYPE, { language: 'zh' }), /NodePort 类型的 Service/);
	});

	it('an entry under another section\'s heading (a StorageClass\'s driver) leaves the comparison table to the entry view', () => {
		const graph = graphWith([]);
		const ebs = graph.get('aws-ebs')!;
		assert.match(entryMarkdown(ebs, graph, 'en'), /\| Snapshots \|/);
		assert.doesNotMatch(entryMarkdown(ebs, graph, 'en', { heading: 'Provisioner `ebs.csi.aws.com`' }), /\| Snapshots \|/);
	});

	it('a hover on a CSI driver name leaves out the in-tree plugin\'s facts; on the in-tree name they come first', () => {
		const csi = hoverText('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: gp3 }\nprovisioner: ebs.csi.<|>aws.com\n');
		assert.doesNotMatch(csi, /Removed in|Deprecated in|In-tree/);
		const inTree = hoverText('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: gp2 }\nprovisioner: kubernetes.io/aws<|>-ebs\n');
		assert.match(inTree, /\| Facts \| \|\n\|---\|---\|\n\| Removed in \| 1\\.27 \|/);
	});

	it('links only to KubeLore\'s own command', () => {
		const texts = [hoverText(SERVICE_TYPE), hoverText('apiVersion: v1\nkind: Persistent<|>Volume\n'), hoverText('apiVersion: extensions/v1<|>beta1\nkind: Ingress\n')];
		for (const text of texts) {
			const commands = [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
			assert.ok(commands.length > 0);
			assert.deepEqual([...new Set(commands)], ['kubelore.openEntry']);
		}
	});

	it('knowledge text cannot smuggle in another command link', () => {
		const sneaky = entity({ id: 'sneaky', summary: { en: 'Run [this](command:workbench.action.terminal.new) or [that](command:kubelore.openEntry?%5B%22calico%22%5D).', zh: '' } });
		const text = entryMarkdown(sneaky, graphWith([sneaky]), 'en');
		assert.doesNotMatch(text, /workbench/);
		assert.match(text, /Run this or \[that\]\(command:kubelore\.openEntry/);
	});

	it('team notes show as escaped text: no links, autolinks or HTML', () => {
		const excerpt = 'Calico on prod: see [runbook](https://evil.example/x) or https://evil.example/y, mail ops@corp.example <img src=x onerror=alert(1)> **bold**';
		const graph = graphWith([], { calico: [{ file: '/team/runbooks/calico.md', line: 11, excerpt }] });
		const text = hoverText('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: { cni.projectcalico.org/ip<|>Addrs: "[]" }\n', {}, graph);
		const notes = text.slice(text.indexOf('**Team notes:**'));
		assert.ok(notes.length > 20, 'the team notes section is there');
		assert.match(notes, /calico\\\.md:12/, 'the file and 1-based line, as text');
		// every markup character comes escaped: a link, an autolink, HTML or emphasis cannot form
		assert.doesNotMatch(notes, /\]\(|https:\/\/|(?<!\\)<img|(?<!\\)@corp|(?<!\\)\*(?<!\\)\*bold/);
		assert.equal(notes.replace(/\\(.)/g, '$1').includes(excerpt), true, 'the words are all there');
	});

	it('a team entity\'s text is escaped and its links dropped', () => {
		const team = entity({ id: 'our-cni', team: true, title: { en: 'Our [CNI](https://x.example)', zh: '' }, summary: { en: 'See <b>https://x.example</b>', zh: '' }, docs: ['https://x.example'], matches: { kinds: ['OurNet'] } });
		const text = hoverText('apiVersion: example.com/v1\nkind: Our<|>Net\n', {}, graphWith([team]));
		assert.match(text, /#### \[Our \\\[CNI\\\]\\\(https\\:\/\/x\\\.example\\\)\]\(command:kubelore\.openEntry/);
		assert.doesNotMatch(text.replace(/\(command:[^)]*\)/g, ''), /\]\(|<b>|https:\/\//);
	});
});
