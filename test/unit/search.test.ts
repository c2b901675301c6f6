import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchRows } from '../../client/src/searchRows';
import { KnowledgeSearch } from '../../server/src/service/knowledge/search';
import { realGraph } from '../util/service';

/** Query, the entry that must come first, and what kind of query it is. */
const TABLE: [query: string, first: string, kind: string][] = [
	// exact titles, ids and aliases
	['Calico', 'calico', 'title'],
	['Flannel', 'flannel', 'title'],
	['Kube-OVN', 'kube-ovn', 'title'],
	['etcd', 'etcd', 'title'],
	['NodePort', 'nodeport', 'alias'],
	['PVC', 'persistent-volume-claim', 'alias'],
	['StorageClass', 'storage-class', 'title'],
	['gVisor', 'gvisor', 'title'],
	['EKS', 'eks', 'alias'],
	['ACK', 'alibaba-ack', 'alias'],
	['Ingress', 'ingress', 'title without its parenthesis'],
	['Service', 'service', 'title without its parenthesis'],
	['Pod', 'pod', 'title'],
	['CSI', 'csi', 'alias'],
	['NFS', 'nfs', 'alias'],
	['Docker', 'docker', 'alias'],
	['Container Network Interface', 'cni', 'alias'],
	['opa', 'open-policy-agent', 'alias'],
	['rego', 'open-policy-agent', 'alias'],
	['ｃａｌｉｃｏ', 'calico', 'full-width letters'],
	// typos
	['calcio', 'calico', 'typo'],
	['flanel', 'flannel', 'typo'],
	['kubeovn', 'kube-ovn', 'typo'],
	['kube ovn', 'kube-ovn', 'typo'],
	['cillium', 'cilium', 'typo'],
	['promethus', 'prometheus', 'typo'],
	['contianerd', 'containerd', 'typo'],
	['kata contaners', 'kata-containers', 'typo'],
	['statefullset', 'statefulset', 'typo'],
	['openshfit', 'openshift', 'typo'],
	['dokcer', 'docker', 'typo'],
	['ingrss', 'ingress', 'typo'],
	// partial words
	['stateful', 'statefulset', 'partial'],
	['kube-sched', 'kube-scheduler', 'partial'],
	['persistent vol', 'persistent-volume', 'partial'],
	['headless', 'headless-service', 'partial'],
	['autoscal', 'cluster-autoscaler', 'partial'],
	['dynamic prov', 'dynamic-provisioning', 'partial'],
	['reclaim', 'reclaim-policy', 'partial'],
	['rolling', 'rolling-update', 'partial'],
	['minikub', 'minikube', 'partial'],
	['glusterf', 'glusterfs', 'partial'],
	['sandbox', 'sandboxed-runtimes', 'partial'],
	['ebpf', 'cilium', 'word of an alias'],
	// Chinese
	['网络插件', 'cni', 'Chinese'],
	['存储方案', 'storage-options', 'Chinese'],
	['沙箱容器', 'sandboxed-runtimes', 'Chinese'],
	['托管', 'managed-kubernetes', 'Chinese'],
	['容器网络接口', 'cni', 'Chinese'],
	['持久卷', 'persistent-volume', 'Chinese'],
	['存储类', 'storage-class', 'Chinese'],
	['网络策略', 'network-policy', 'Chinese'],
	['滚动更新', 'rolling-update', 'Chinese'],
	['镜像仓库', 'image-registry', 'Chinese'],
	['无头服务', 'headless-service', 'Chinese'],
	['定时任务', 'cronjob', 'Chinese'],
	['多租户', 'multi-tenancy', 'Chinese'],
	['调度器', 'kube-scheduler', 'Chinese'],
	['覆盖网络', 'overlay-network', 'Chinese'],
	['安全容器', 'sandboxed-runtimes', 'Chinese'],
	['有状态', 'statefulset', 'Chinese, partial'],
	['混沌', 'chaos-testing', 'Chinese, partial'],
	['备份', 'backup-disaster-recovery', 'Chinese, partial'],
	['监控', 'prometheus', 'Chinese, partial'],
	['网路策略', 'network-policy', 'Chinese typo'],
	['阿里云 ACK', 'alibaba-ack', 'Chinese and English'],
	['calico 网络', 'calico', 'Chinese and English'],
];

describe('knowledge search ranks the right entry first', () => {
	const entities = realGraph().entities;
	const search = new KnowledgeSearch(entities);
	const ids = new Set(entities.map((e) => e.id));

	it('the table holds at least 40 queries of every kind', () => {
		assert.ok(TABLE.length >= 40);
		for (const kind of ['typo', 'partial', 'Chinese']) assert.ok(TABLE.some(([, , k]) => k === kind), kind);
	});

	for (const [query, first, kind] of TABLE) {
		it(`"${query}" (${kind}) finds ${first} first`, () => {
			assert.ok(ids.has(first), `dist/graph.json has no entity "${first}": its knowledge document is missing`);
			const hits = search.search(query, 5);
			assert.equal(hits[0]?.entity.id, first, `got ${hits.map((h) => h.entity.id).join(', ') || 'nothing'}`);
		});
	}

	it('every title and alias that names one entity finds that entity first', () => {
		const owners = new Map<string, Set<string>>();
		const key = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
		for (const e of entities) for (const name of [e.id, e.title.en, e.title.zh, ...e.aliases]) owners.set(key(name), (owners.get(key(name)) ?? new Set()).add(e.id));
		const wrong: string[] = [];
		for (const e of entities) {
			for (const name of [e.title.en, e.title.zh, ...e.aliases]) {
				if (owners.get(key(name))!.size > 1) continue;
				const hit = search.search(name, 1)[0];
				if (hit?.entity.id !== e.id || hit.score >= 0.1) wrong.push(`${name} -> ${hit?.entity.id}`);
			}
		}
		assert.deepEqual(wrong, []);
	});

	it('hits come best first, once each, and no more than the limit', () => {
		for (const query of ['storage', 'kube', '网络', 'calcio']) {
			const hits = search.search(query, 7);
			assert.ok(hits.length > 0 && hits.length <= 7, query);
			assert.equal(new Set(hits.map((h) => h.entity.id)).size, hits.length, query);
			for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score <= hits[i].score, query);
		}
	});

	it('an empty query lists the most connected entries; nonsense finds nothing', () => {
		const listed = search.search('   ', 10);
		assert.equal(listed.length, 10);
		assert.ok(listed.some((h) => h.entity.id === 'cni' || h.entity.id === 'pod'));
		assert.deepEqual(search.search('qxzvqxzv'), []);
		assert.deepEqual(search.search('-- ~'), search.search(''));
	});

	it('a short query is not read as a typo: "ack" does not find AKS by its name', () => {
		const aks = search.search('ack', 50).find((h) => h.entity.id === 'aks');
		assert.ok(!aks || aks.score >= 0.5, `aks scored ${aks?.score}`);
	});

	it('team notes are searched too, after names and summaries', () => {
		const notes = { calico: [{ file: '/ws/docs/network.md', line: 3, excerpt: 'Our clusters encrypt pod traffic with zebrawire tunnels.' }] };
		assert.deepEqual(search.search('zebrawire'), []);
		const withNotes = new KnowledgeSearch(entities, notes);
		assert.equal(withNotes.search('zebrawire')[0]?.entity.id, 'calico');
		assert.equal(withNotes.search('calico')[0]?.score, 0);
	});
});

describe('the QuickPick rows keep the ranking', () => {
	const search = new KnowledgeSearch(realGraph().entities);

	it('rows keep the ranking order and plain, readable labels', () => {
		const rows = searchRows(search.search('网络插件', 10), 'zh');
		assert.equal(rows[0].id, 'cni');
		assert.deepEqual(rows.map((r) => r.id), search.search('网络插件', 10).map((h) => h.entity.id));
		const macvlan = rows.find((r) => r.id === 'macvlan');
		assert.ok(macvlan, 'MacVlan is among the rows');
		assert.equal(macvlan.label, '$(globe) MacVlan 网络插件');
		assert.equal(searchRows(search.search('calcio', 10), 'en')[0].label, '$(globe) Calico');
	});

	it('a row shows the category, the alias that matched and the summary as plain text', () => {
		const [row] = searchRows(search.search('容器网络插件', 1), 'zh');
		assert.equal(row.id, 'cni');
		assert.equal(row.description, '网络 · 容器网络插件');
		assert.ok(row.detail && !/[*`]|\]\(/.test(row.detail) && row.detail.startsWith('CNI'), row.detail);
		assert.ok(row.alwaysShow);
	});
});
