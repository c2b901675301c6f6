import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonMarkdown } from '../../server/src/service/features/entryMarkdown';
import { cursor, realGraph, settings, workspace } from '../util/service';

describe('comparison tables on hovers', () => {
	const graph = realGraph();

	it('a flannel image shows Flannel and a few alternatives by NetworkPolicy, data path, encryption, dual-stack and Windows, in words', () => {
		const { text, offset } = cursor('apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-flannel-ds\nspec:\n  template:\n    spec:\n      containers:\n        - name: kube-flannel\n          image: docker.io/flannel/flan<|>nel:v0.25.1\n');
		const { service, uri } = workspace({ 'a.yaml': text });
		const hover = service.doHover(uri('a.yaml'), service.index.getFile(uri('a.yaml'))!.text.positionAt(offset), settings());
		const value = (hover?.contents as { value: string }).value;
		assert.match(value, /\| \*\*Flannel\*\* \| no \| overlay or underlay \| WireGuard, IPsec \| yes \| yes \|/);
		assert.match(value, /\[Calico\]\(command:kubelore\.openEntry[^)]*\) \| yes \|/, 'its declared alternative comes next');
		assert.doesNotMatch(value, /virtual-network|\| both \|/, 'no raw keys');
		const table = value.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Facts') && l.includes('command:') || l.startsWith('| **'));
		assert.ok(table.length <= 4, `a few rows on an implementation: ${table.length}`);
	});

	it('a Calico annotation shows Calico first, and the CNI entry itself lists every plugin', () => {
		const calico = comparisonMarkdown(graph.get('calico')!, graph, 'en')!;
		assert.match(calico.split('\n')[2], /\*\*Calico\*\*/);
		const cni = comparisonMarkdown(graph.get('cni')!, graph, 'en')!;
		for (const id of ['flannel', 'calico', 'cilium', 'kube-ovn']) assert.ok(cni.includes(`%22${id}%22`), id);
		const zh = comparisonMarkdown(graph.get('cni')!, graph, 'zh')!;
		assert.match(zh, /\| 支持 NetworkPolicy \| 数据路径 \| 加密 \| IPv4\/IPv6 双栈 \| Windows 节点 \|/);
		assert.doesNotMatch(zh, /\| (yes|no|overlay|both) \|/, 'values in Chinese');
	});

	it('a CSI driver compares with others by access modes, volume modes, snapshots, expansion and topology', () => {
		const ebs = comparisonMarkdown(graph.get('aws-ebs')!, graph, 'en')!;
		assert.match(ebs, /\| Access modes \| Volume modes \| Snapshots \| Volume expansion \| Topology\\-aware \|/);
		assert.match(ebs, /\| \*\*Amazon EBS volumes\*\* \| RWO, RWOP \| Filesystem, Block \| yes \| yes \| yes \|/);
		const zh = comparisonMarkdown(graph.get('aws-ebs')!, graph, 'zh')!;
		assert.match(zh, /\| 访问模式 \| 卷模式 \| 快照 \| 卷扩容 \| 拓扑感知 \|/);
		assert.match(zh, /文件系统、块设备 \| 是 \| 是 \| 是 \|/);
	});

	it('entities that implement nothing comparable get no table', () => {
		assert.equal(comparisonMarkdown(graph.get('deployment')!, graph, 'en'), undefined);
	});
});
