import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { clusterProfile } from '../../server/src/service/workspace/profile';
import { findingsOf, type Files } from '../util/quickFixes';
import { daemonSet } from '../util/manifests';
import { FOLDER, realGraph, settings, workspace } from '../util/service';

const FLANNEL = daemonSet('kube-flannel-ds', 'docker.io/flannel/flannel:v0.25.6');
const CALICO = daemonSet('calico-node', 'docker.io/calico/node:v3.28.1');
const CANAL = daemonSet('canal', 'docker.io/calico/node:v3.28.1', 'quay.io/coreos/flannel:v0.15.1');
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: shop }\nspec:\n  podSelector: {}\n';

function profileOf(files: Files, overrides = {}) {
	const index = new WorkspaceIndex([FOLDER]);
	for (const [path, text] of Object.entries(files)) index.setFile(`file://${FOLDER}/${path}`, text, 1, true);
	return clusterProfile(index, realGraph(), settings(overrides));
}
const policyFindings = (files: Files, overrides = {}) => findingsOf({ ...files, 'policy.yaml': POLICY }, 'policy.yaml', 'network-policy-not-enforced', overrides).diagnostics;

describe('the cluster profile inferred from the workspace', () => {
	it('names the CNI and the file and image it was inferred from', () => {
		const profile = profileOf({ 'net/kube-flannel.yaml': FLANNEL });
		assert.equal(profile.cni?.value, 'flannel');
		assert.equal(profile.cni?.configured, false);
		assert.match(profile.cni?.evidence[0].what ?? '', /DaemonSet kube-flannel-ds, image docker.io\/flannel\/flannel:v0.25.6/);
		assert.equal(profile.cni?.evidence[0].uri, `file://${FOLDER}/net/kube-flannel.yaml`);
	});

	it('infers nothing from a workspace with two CNI plugins (Canal)', () => {
		const profile = profileOf({ 'canal.yaml': CANAL });
		assert.equal(profile.cni, undefined);
		assert.deepEqual([...profile.cniSeen.keys()].sort(), ['calico', 'flannel']);
	});

	it('the configuration wins over the workspace', () => {
		const profile = profileOf({ 'flannel.yaml': FLANNEL }, { cni: 'Calico' });
		assert.deepEqual({ value: profile.cni?.value, configured: profile.cni?.configured }, { value: 'calico', configured: true });
	});

	it('lists RuntimeClasses and StorageClasses, configured ones first', () => {
		const rc = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: { name: gvisor }\nhandler: runsc\n';
		const profile = profileOf({ 'rc.yaml': rc }, { runtimeClasses: ['kata'] });
		assert.deepEqual(profile.runtimeClasses.map((r) => [r.value, r.configured]), [['kata', true], ['gvisor', false]]);
	});
});

describe('network-policy-not-enforced', () => {
	it('warns beside a Flannel DaemonSet and says where Flannel was seen', () => {
		const [d] = policyFindings({ 'kube-flannel.yaml': FLANNEL });
		assert.equal(d?.severity, 2);
		assert.match(String(d.message), /Flannel .*inferred from kube-flannel.yaml:10: DaemonSet kube-flannel-ds/);
		assert.equal(d.relatedInformation?.[0].location.uri, `file://${FOLDER}/kube-flannel.yaml`);
	});

	it('is silent beside Calico, beside Canal, and with no CNI in view', () => {
		assert.deepEqual(policyFindings({ 'calico.yaml': CALICO }), []);
		assert.deepEqual(policyFindings({ 'canal.yaml': CANAL }), []);
		assert.deepEqual(policyFindings({}), []);
	});

	it('follows the configuration: cni flannel warns with no DaemonSet, cni calico silences a Flannel one', () => {
		assert.match(String(policyFindings({}, { cni: 'flannel' })[0]?.message), /set in the configuration/);
		assert.deepEqual(policyFindings({ 'kube-flannel.yaml': FLANNEL }, { cni: 'calico' }), []);
	});
});

describe('cni-resource-mismatch', () => {
	const annotated = (key: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: { "${key}": x }\nspec:\n  containers: [{ name: c, image: nginx }]\n`;
	const mismatch = (files: Files, path: string, overrides = {}) => findingsOf(files, path, 'cni-resource-mismatch', overrides).diagnostics;

	it('flags Calico policy resources under Cilium and names both plugins', () => {
		const cilium = daemonSet('cilium', 'quay.io/cilium/cilium:v1.16.1');
		const gnp = 'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata: { name: deny }\nspec: { selector: all() }\n';
		const [d] = mismatch({ 'cilium.yaml': cilium, 'gnp.yaml': gnp }, 'gnp.yaml');
		assert.match(String(d?.message), /GlobalNetworkPolicy .* resource of Calico.* CNI plugin is Cilium/);
	});

	it('flags a Calico IP annotation under Kube-OVN and points at Kube-OVN\'s own annotation', () => {
		const ovn = daemonSet('kube-ovn-cni', 'docker.io/kubeovn/kube-ovn:v1.13.0');
		const [d] = mismatch({ 'ovn.yaml': ovn, 'pod.yaml': annotated('cni.projectcalico.org/ipAddrs') }, 'pod.yaml');
		assert.match(String(d?.message), /Kube-OVN takes a fixed address from the annotation ovn.kubernetes.io\/ip_address/);
	});

	it('leaves Multus alone when the workspace installs it, or when cni is configured', () => {
		const multus = daemonSet('kube-multus-ds', 'ghcr.io/k8snetworkplumbingwg/multus-cni:v4.1.0');
		const files = { 'calico.yaml': CALICO, 'pod.yaml': annotated('k8s.v1.cni.cncf.io/networks') };
		assert.equal(mismatch(files, 'pod.yaml').length, 1);
		assert.deepEqual(mismatch({ ...files, 'multus.yaml': multus }, 'pod.yaml'), []);
		assert.deepEqual(mismatch({ 'pod.yaml': files['pod.yaml'] }, 'pod.yaml', { cni: 'calico' }), []);
	});
});

describe('hover on .kubelore.yaml keys', () => {
	const hover = (config: string, files: Files, overrides = {}) => {
		const { service, uri } = workspace({ ...files, '.kubelore.yaml': config.replace('<|>', '') });
		const at = config.indexOf('<|>');
		const lines = config.slice(0, at).split('\n');
		const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
		const s = service.settingsFor(uri('.kubelore.yaml'), settings(overrides));
		const result = service.doHover(uri('.kubelore.yaml'), position, s);
		return result ? (result.contents as { value: string }).value : '';
	};

	it('cni shows what the workspace shows, with the file, and that the setting wins', () => {
		const text = hover('kubernetesVersion: "1.31"\nc<|>ni: calico\n', { 'net/kube-flannel.yaml': FLANNEL });
		assert.match(text, /The workspace shows Flannel: \[kube-flannel.yaml:10\]\(file:\/\/\/ws\/net\/kube-flannel.yaml#L10\) DaemonSet kube-flannel-ds/);
		assert.match(text, /This setting wins/);
	});

	it('runtimeClasses lists the classes the workspace defines', () => {
		const rc = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: { name: gvisor }\nhandler: runsc\n';
		assert.match(hover('runtime<|>Classes: [kata]\n', { 'rc.yaml': rc }), /Defined in the workspace: `gvisor` \(\[rc.yaml:3\]/);
	});
});
