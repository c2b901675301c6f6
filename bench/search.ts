/*
 * `node --import tsx bench/search.ts`: knowledge search latency with 1,000 team notes loaded. Builds the
 * search the QuickPick uses over dist/graph.json (run `npm run knowledge` first), then times
 * names, typos, words and questions in both languages; prints p95 per query and p50/p95/max of
 * all (wall and CPU time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeSearch } from '../server/src/service/knowledge/search';
import type { GraphData, TeamNote } from '../server/src/service/knowledge/types';
import { random } from './generate';
import { percentile } from './lsp';

const NOTES = 1000;
const ROUNDS = 20;
const QUERIES = [
	'calico',
	'calcio',
	'kube-sched',
	'persistent vol',
	'网络插件',
	'网路策略',
	'which CNI supports network policy',
	'flannel vs calico',
	'how do I give a pod a fixed IP',
	'什么是 PVC',
	'哪个网络插件支持网络策略',
	'etcd 需要几个节点',
	'is docker still supported',
	'which storage supports ReadWriteMany',
	'our ingress controller setup',
	'zebrawire tunnels between regions',
];
const WORDS = 'cluster team uses our the staging production node pool upgrade window zebrawire ticket runbook on-call 集群 团队 生产 升级 值班 网络 存储'.split(' ');

const graph = JSON.parse(readFileSync(join(__dirname, '..', 'dist', 'graph.json'), 'utf8')) as GraphData;
const rnd = random(16);
const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
const notes: Record<string, TeamNote[]> = {};
for (let i = 0; i < NOTES; i++) {
	const entity = pick(graph.entities);
	const words = Array.from({ length: 20 + Math.floor(rnd() * 30) }, () => pick(WORDS));
	words.splice(Math.floor(rnd() * words.length), 0, entity.title.en);
	(notes[entity.id] ??= []).push({ file: `/ws/docs/note-${i}.md`, line: 0, excerpt: words.join(' ') });
}

const built = performance.now();
const search = new KnowledgeSearch(graph.entities, notes);
const buildMs = performance.now() - built;
for (const q of QUERIES) search.search(q);
// Wall time, and the process's CPU time: on a shared machine the wall time's tail measures the
// other processes as much as the search.
const times: number[] = [];
const cpu: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
	for (const q of QUERIES) {
		const start = performance.now();
		const startCpu = process.cpuUsage();
		search.search(q);
		const used = process.cpuUsage(startCpu);
		const ms = performance.now() - start;
		times.push(ms);
		cpu.push((used.user + used.system) / 1000);
		perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
	}
}
const f = (ms: number) => ms.toFixed(2);
console.log(`knowledge search: ${graph.entities.length} entries, ${NOTES} team notes, index built in ${f(buildMs)} ms`);
for (const [q, list] of perQuery) console.log(`  ${f(percentile(list, 95)).padStart(6)} ms p95  ${q}`);
console.log(`all queries, wall: p50 ${f(percentile(times, 50))} ms, p95 ${f(percentile(times, 95))} ms, max ${f(Math.max(...times))} ms (${times.length} runs)`);
console.log(`all queries, CPU:  p50 ${f(percentile(cpu, 50))} ms, p95 ${f(percentile(cpu, 95))} ms, max ${f(Math.max(...cpu))} ms`);
