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
	// new entries: names, aliases and typos
	['Weave', 'weave-net', 'alias'],
	['Canal', 'canal', 'title'],
	['Terway', 'terway', 'alias'],
	['Antrea', 'antrea', 'title'],
	['vpc cni', 'aws-vpc-cni', 'alias'],
	['Azure CNI', 'azure-cni', 'title'],
	['cri-dockerd', 'cri-dockerd', 'title'],
	['PSA', 'pod-security-admission', 'alias'],
	['pod security', 'pod-security-admission', 'partial'],
	['EndpointSlice', 'endpointslice', 'title'],
	['Endpoints', 'endpoints', 'alias'],
	['gateway api', 'gateway-api', 'title'],
	['HTTPRoute', 'gateway-api', 'alias'],
	['kubectl', 'kubectl', 'title'],
	['conformance', 'cncf-conformance', 'partial'],
	['Sonobuoy', 'cncf-conformance', 'alias'],
	['一致性认证', 'cncf-conformance', 'Chinese'],
	['Pod 安全准入', 'pod-security-admission', 'Chinese'],
	['端点切片', 'endpointslice', 'Chinese'],
	['网关', 'gateway-api', 'Chinese, partial'],
	['安全准入', 'pod-security-admission', 'Chinese, partial'],
	['antera', 'antrea', 'typo'],
	['terwya', 'terway', 'typo'],
	['kubeclt', 'kubectl', 'typo'],
	['gatway api', 'gateway-api', 'typo'],
	['endpointslcie', 'endpointslice', 'typo'],
	['persistent volume claim', 'persistent-volume-claim', 'words of a title'],
	['container runtime interface', 'cri', 'words of a title'],
	// questions, English
	['which CNI supports network policy', 'calico', 'question (en): fact'],
	['which CNI supports NetworkPolicy?', 'calico', 'question (en): fact'],
	['which CNI encrypts traffic', 'calico', 'question (en): fact'],
	['which CNI works on windows', 'calico', 'question (en): fact'],
	['which CNI supports IPv6', 'calico', 'question (en): fact'],
	['which runtime is sandboxed', 'sandboxed-runtimes', 'question (en): fact'],
	['which CSI driver supports volume expansion', 'cephfs', 'question (en): fact'],
	['which storage supports ReadWriteMany', 'nfs', 'question (en): fact'],
	['what is kubectl', 'kubectl', 'question (en)'],
	['what is a StorageClass', 'storage-class', 'question (en)'],
	['flannel vs calico', 'cni', 'question (en): comparison'],
	['calico vs cilium', 'cni', 'question (en): comparison'],
	['compare calico and cilium', 'cni', 'question (en): comparison'],
	['containerd vs cri-o', 'containerd', 'question (en): comparison'],
	['kubeadm vs kops', 'kubeadm', 'question (en): comparison'],
	['gvisor or kata', 'gvisor', 'question (en): comparison'],
	['what replaced dockershim', 'containerd', 'question (en): successor'],
	['what is the successor of ingress', 'gateway-api', 'question (en): successor'],
	['what replaces Endpoints', 'endpointslice', 'question (en): successor'],
	['what replaced PodSecurityPolicy', 'pod-security-admission', 'question (en)'],
	['how do I give a pod a fixed IP', 'fixed-pod-ip', 'question (en)'],
	['is docker still supported', 'docker', 'question (en)'],
	['what is a PVC', 'persistent-volume-claim', 'question (en)'],
	['how many etcd nodes do I need', 'etcd', 'question (en)'],
	['what does kube-proxy do', 'kube-proxy', 'question (en)'],
	['how to run a pod on every node', 'daemonset', 'question (en)'],
	['how do I schedule a cron job', 'cronjob', 'question (en)'],
	['what is a headless service', 'headless-service', 'question (en)'],
	['why is my PVC pending', 'persistent-volume-claim', 'question (en)'],
	['is weave net still maintained', 'weave-net', 'question (en)'],
	['what is the default network plugin in k3s', 'k3s', 'question (en)'],
	// questions, Chinese
	['什么是 PVC', 'persistent-volume-claim', 'question (zh)'],
	['哪个网络插件支持网络策略', 'calico', 'question (zh): fact'],
	['哪个网络插件支持加密', 'calico', 'question (zh): fact'],
	['哪个网络插件支持 Windows', 'calico', 'question (zh): fact'],
	['哪个网络插件支持 IPv6 双栈', 'calico', 'question (zh): fact'],
	['哪个运行时提供沙箱隔离', 'sandboxed-runtimes', 'question (zh): fact'],
	['哪些存储支持多节点读写', 'nfs', 'question (zh): fact'],
	['calico 和 cilium 的区别', 'cni', 'question (zh): comparison'],
	['flannel 还是 calico', 'cni', 'question (zh): comparison'],
	['containerd 和 cri-o 有什么不同', 'containerd', 'question (zh): comparison'],
	['dockershim 被什么取代', 'containerd', 'question (zh): successor'],
	['Ingress 的替代者是什么', 'gateway-api', 'question (zh): successor'],
	['PodSecurityPolicy 被什么取代了', 'pod-security-admission', 'question (zh)'],
	['etcd 需要几个节点', 'etcd', 'question (zh)'],
	['如何给 Pod 固定 IP', 'fixed-pod-ip', 'question (zh)'],
	['Docker 还支持吗', 'docker', 'question (zh)'],
	['什么是动态制备', 'dynamic-provisioning', 'question (zh)'],
	['什么是无头服务', 'headless-service', 'question (zh)'],
	['如何在每个节点上运行一个 Pod', 'daemonset', 'question (zh)'],
	['如何定时运行任务', 'cronjob', 'question (zh)'],
	['什么是 CNI', 'cni', 'question (zh)'],
	['什么是网关 API', 'gateway-api', 'question (zh)'],
	['为什么 PVC 一直 Pending', 'persistent-volume-claim', 'question (zh)'],
	['哪个 CSI 驱动支持快照', 'cephfs', 'question (zh): fact'],
	['什么是 StorageClass', 'storage-class', 'question (zh)'],
	['什么是持久卷申领', 'persistent-volume-claim', 'question (zh)'],
	['什么是 Gateway API', 'gateway-api', 'question (zh)'],
	['Weave Net 还在维护吗', 'weave-net', 'question (zh)'],
];

describe('knowledge search ranks the right entry first', () => {
	const entities = realGraph().entities;
	const search = new KnowledgeSearch(entities);
	const ids = new Set(entities.map((e) => e.id));

	it('the table holds at least 150 queries of every kind, 40 of them questions in both languages', () => {
		assert.ok(TABLE.length >= 150, `${TABLE.length} queries`);
		for (const kind of ['typo', 'partial', 'Chinese']) assert.ok(TABLE.some(([, , k]) => k === kind), kind);
		const questions = TABLE.filter(([, , k]) => k.startsWith('question'));
		assert.ok(questions.length >= 40, `${questions.length} questions`);
		for (const language of ['en', 'zh']) assert.ok(questions.filter(([, , k]) => k.startsWith(`question (${language})`)).length >= 15, language);
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

	it('a fact question lists exactly the entries whose fact says yes, first, each with its reason', () => {
		for (const query of ['which CNI supports network policy', '哪个网络插件支持网络策略']) {
			const hits = search.search(query, 40);
			const answered = hits.filter((h) => h.answer);
			assert.deepEqual(hits.slice(0, answered.length), answered, 'answers come first');
			const expected = entities.filter((e) => e.facts.networkPolicy === true && e.relations.some((r) => r.type === 'implements' && r.target === 'cni')).map((e) => e.id);
			assert.deepEqual(answered.map((h) => h.entity.id).sort(), expected.sort(), query);
			assert.ok(expected.includes('calico') && expected.includes('cilium') && !expected.includes('flannel'));
			assert.match(answered[0].answer!.zh, /NetworkPolicy：是/);
		}
	});

	it('"calico vs cilium" puts the entry that compares them first, then both', () => {
		const hits = search.search('calico vs cilium', 5);
		assert.deepEqual(hits.slice(0, 3).map((h) => h.entity.id), ['cni', 'calico', 'cilium']);
		assert.match(hits[0].answer!.en, /Calico, Cilium/);
	});

	it('网络插件 puts the CNI plugins before entries that only mention networks', () => {
		const ids = search.search('网络插件', 20).map((h) => h.entity.id);
		const at = (id: string) => (ids.includes(id) ? ids.indexOf(id) : Infinity);
		for (const plugin of ['calico', 'cilium', 'flannel', 'kube-ovn']) {
			for (const other of ['nfs', 'daemonset', 'alibaba-ack']) assert.ok(at(plugin) < at(other), `${plugin} before ${other}: ${ids.join(', ')}`);
		}
	});

	it('question words and particles alone find nothing to rank by; with a name they find it', () => {
		assert.equal(search.search('what is a PVC')[0].score, search.search('什么是 PVC')[0].score);
		assert.ok(search.search('what is a PVC')[0].score < 0.1);
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

	it('a row that answers a question says why, in the display language', () => {
		const [row] = searchRows(search.search('哪个网络插件支持网络策略', 1), 'zh');
		assert.match(row.description ?? '', /^网络 · 支持 NetworkPolicy：是$/);
	});
});
