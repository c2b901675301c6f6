import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindingFailure, claimToBind, firstFailure, type ClaimToBind } from '../../server/src/service/storage/binding';
import { parseQuantity } from '../../server/src/service/storage/quantity';
import type { PvFacts } from '../../server/src/service/storage/volumes';
import { hoverText, linkedEntries, shownEntries } from '../fixtures/hover/harness';

const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');
const hover = (files: Record<string, string>, overrides = {}) => unescape(hoverText(files, overrides));

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  volumes:\n    - name: d\n      persistentVolumeClaim: { claimName: da<|>ta }\n';
const claim = (spec: string, namespace = '') => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${spec}`;
const pv = (name: string, spec: string) => `---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const RWO_10 = '  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 10Gi } }\n';

describe('hover on claimName: the claim and how it binds', () => {
	it('shows the claim from another file and the PV its volumeName names', () => {
		const text = hover({ 'pod.yaml': POD, 'storage/pvc.yaml': claim(`${RWO_10}  storageClassName: ""\n  volumeName: pv-a\n`), 'storage/pv.yaml': pv('pv-a', '  capacity: { storage: 20Gi }\n  accessModes: [ReadWriteOnce]\n') });
		assert.match(text, /#### PersistentVolumeClaim `data` \(\[storage\/pvc.yaml:4\]\(file:\/\/\/ws\/storage\/pvc.yaml#L4\)\)/);
		assert.match(text, /Binds to PersistentVolume `pv-a`.*named by `volumeName`/);
		assert.ok(linkedEntries(text).includes('persistent-volume-claim'));
	});

	it('picks the smallest PV that fits by class, capacity and access modes', () => {
		const volumes = pv('big', '  storageClassName: manual\n  capacity: { storage: 100Gi }\n  accessModes: [ReadWriteOnce]\n') + pv('small', '  storageClassName: manual\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce, ReadOnlyMany]\n') + pv('tiny', '  storageClassName: manual\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n');
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(`${RWO_10}  storageClassName: manual\n`), 'pv.yaml': volumes.slice(4) });
		assert.match(text, /Binds to PersistentVolume `small`/);
	});

	it('a PV whose claimRef names the claim is the one it binds to', () => {
		const volumes = pv('other', '  storageClassName: manual\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce]\n') + pv('mine', '  storageClassName: manual\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n  claimRef: { name: data, namespace: default }\n');
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(`${RWO_10}  storageClassName: manual\n`), 'pv.yaml': volumes.slice(4) });
		assert.match(text, /Binds to PersistentVolume `mine`.*claimRef/);
	});

	it('says why a static claim cannot bind, per PV: the first failing criterion', () => {
		const volumes =
			pv('small', '  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n') +
			pv('rox', '  capacity: { storage: 50Gi }\n  accessModes: [ReadOnlyMany]\n') +
			pv('classy', '  storageClassName: fast\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n') +
			pv('block', '  volumeMode: Block\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n') +
			pv('taken', '  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n  claimRef: { name: other, namespace: default }\n');
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(`${RWO_10}  storageClassName: ""\n`), 'pv.yaml': volumes.slice(4) });
		assert.match(text, /Cannot bind/);
		assert.match(text, /- `small`: capacity: the claim asks 10Gi, the volume has 5Gi/);
		assert.match(text, /- `rox`: access modes/);
		assert.match(text, /- `classy`: storage class/);
		assert.match(text, /- `block`: volume mode/);
		assert.match(text, /- `taken`: claimRef/);
	});

	it('a selector on the claim is checked against the PV labels', () => {
		const volumes = pv('unlabelled', '  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n');
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(`${RWO_10}  storageClassName: ""\n  selector: { matchLabels: { tier: gold } }\n`), 'pv.yaml': volumes.slice(4) });
		assert.match(text, /- `unlabelled`: selector/);
	});

	it('a class with a provisioner provisions the claim, and the driver entry is linked', () => {
		const sc = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: fast }\nprovisioner: ebs.csi.aws.com\n';
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(`${RWO_10}  storageClassName: fast\n`), 'sc.yaml': sc });
		assert.match(text, /StorageClass `fast`.*provisions one on demand.*ebs\.csi\.aws\.com/s);
		assert.ok(linkedEntries(text).includes('aws-ebs'));
	});

	it('the default class applies to a claim without storageClassName', () => {
		const sc = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\n  annotations: { storageclass.kubernetes.io/is-default-class: "true" }\nprovisioner: pd.csi.storage.gke.io\n';
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(RWO_10), 'sc.yaml': sc });
		assert.match(text, /`standard` \(default class\)/);
		assert.match(text, /StorageClass `standard`.*provisions/s);
	});

	it('a missing claim is reported, with the namespace where one exists', () => {
		const text = hover({ 'pod.yaml': POD, 'pvc.yaml': claim(RWO_10, 'other') });
		assert.match(text, /No PersistentVolumeClaim named `data` in namespace `default`/);
		assert.match(text, /namespace `other`/);
	});

	it('a claim\'s own volumeName shows the binding too', () => {
		const text = hover({ 'pvc.yaml': claim(`${RWO_10}  storageClassName: ""\n  volumeName: pv-<|>x\n`) });
		assert.match(text, /PersistentVolume `pv-x`, which is not in this workspace/);
	});
});

describe('hover on storageClassName and runtimeClassName', () => {
	it('storageClassName shows the StorageClass from another file and its driver entry', () => {
		const sc = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: fast }\nprovisioner: disk.csi.azure.com\nvolumeBindingMode: WaitForFirstConsumer\n';
		const text = hoverText({ 'pvc.yaml': claim('  storageClassName: fa<|>st\n'), 'classes/sc.yaml': sc });
		assert.deepEqual(shownEntries(text), ['azure-disk']);
		assert.match(unescape(text), /#### StorageClass `fast` \(\[classes\/sc.yaml:3\]/);
		assert.match(text, /WaitForFirstConsumer/);
	});

	it('storageClassName without a StorageClass says so, and names the PVs of that class', () => {
		const text = hover({ 'pvc.yaml': claim('  storageClassName: man<|>ual\n'), 'pv.yaml': pv('pv-1', '  storageClassName: manual\n').slice(4) });
		assert.match(text, /No StorageClass named `manual` in this workspace/);
		assert.match(text, /`pv-1`/);
		assert.match(hover({ 'pvc.yaml': claim('  storageClassName: man<|>ual\n') }, { storageClasses: ['manual'] }), /cluster profile lists it/);
	});

	it('runtimeClassName shows the RuntimeClass and the runtime of its handler', () => {
		const rc = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: { name: sandboxed }\nhandler: kata-clh\n';
		const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      runtimeClassName: sand<|>boxed\n';
		const text = hoverText({ 'app.yaml': deployment, 'cluster/rc.yaml': rc });
		assert.deepEqual(shownEntries(text), ['kata-containers']);
		assert.match(unescape(text), /handler \| *\n\|---\|\n\| `kata-clh`/);
	});

	it('a runtimeClassName missing from the workspace, named like a handler, says which runtime it suggests', () => {
		const text = hoverText('apiVersion: v1\nkind: Pod\nspec:\n  runtimeClassName: gvi<|>sor\n');
		assert.match(unescape(text), /No RuntimeClass named `gvisor`/);
		assert.deepEqual(shownEntries(text), ['gvisor']);
	});
});

describe('binding criteria (storage/binding.ts)', () => {
	const needs: ClaimToBind = { name: 'data', namespace: 'default', className: 'manual', storageClass: 'manual', accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem', request: { text: '10Gi', bytes: 10 * 2 ** 30 } };
	const offer: PvFacts = { name: 'pv', capacity: 10 * 2 ** 30, capacityText: '10Gi', accessModes: ['ReadWriteOnce'], storageClass: 'manual', volumeMode: 'Filesystem', labels: {} };
	const sized = (text: string, pv = offer): PvFacts => ({ ...pv, capacityText: text, capacity: parseQuantity(text)?.value });

	it('checks capacity, access modes, class, volume mode, selector and claimRef, first failure first', () => {
		assert.equal(firstFailure(needs, offer), undefined);
		assert.equal(firstFailure(needs, { ...sized('9Gi'), accessModes: [] }), 'capacity');
		assert.equal(firstFailure(needs, sized('10240Mi')), undefined, '10240Mi is 10Gi');
		assert.equal(firstFailure(needs, sized('10G')), 'capacity', '10G is less than 10Gi');
		assert.equal(firstFailure(needs, { ...offer, accessModes: ['ReadOnlyMany'] }), 'accessModes');
		assert.equal(firstFailure(needs, { ...offer, storageClass: '' }), 'storageClass');
		assert.equal(firstFailure(needs, { ...offer, volumeMode: 'Block' }), 'volumeMode');
		assert.equal(firstFailure({ ...needs, selector: { matchLabels: { a: 'b' } } }, offer), 'selector');
		assert.equal(firstFailure(needs, { ...offer, claimRef: { name: 'other' } }), 'claimRef');
	});

	it('a PV reserved for the claim skips class and selector, and binds unchecked when named by volumeName too', () => {
		const reserved = { ...offer, storageClass: 'other', claimRef: { name: 'data', namespace: 'default' } };
		assert.equal(firstFailure({ ...needs, selector: { matchLabels: { a: 'b' } } }, reserved), undefined);
		assert.equal(firstFailure(needs, sized('1Gi', reserved)), 'capacity');
		assert.equal(firstFailure({ ...needs, volumeName: 'pv' }, sized('1Gi', reserved)), undefined);
	});

	it('a claim whose class the cluster decides is not compared by class', () => {
		assert.equal(firstFailure({ ...needs, className: undefined, storageClass: undefined }, { ...offer, storageClass: 'any' }), undefined);
	});

	it('reads the request with the API server grammar: a size it rejects does not fail capacity', () => {
		const spec = (storage: string) => ({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } }, annotations: {} });
		assert.equal(claimToBind('data', 'default', spec('1.5G')).request?.bytes, 1.5e9);
		assert.deepEqual(claimToBind('data', 'default', spec('10GB')).request, { text: '10GB', bytes: undefined });
		assert.equal(firstFailure(claimToBind('data', 'default', spec('10GB')), sized('1Gi')), undefined);
		assert.equal(firstFailure(claimToBind('data', 'default', spec('2Gi')), sized('1Gi')), 'capacity');
	});

	it('the legacy class annotation wins over storageClassName, and the default stands in for no class', () => {
		const claim = (annotations: Record<string, string>, spec: Record<string, unknown>) => claimToBind('data', 'default', { spec, annotations }, 'standard');
		assert.equal(claim({ 'volume.beta.kubernetes.io/storage-class': 'old' }, { storageClassName: 'new' }).storageClass, 'old');
		assert.equal(claim({}, {}).storageClass, 'standard');
		assert.equal(claim({}, {}).className, undefined);
		assert.equal(claim({}, { storageClassName: '' }).storageClass, '');
	});

	it('a failure carries what each side says and where the PV says it', () => {
		assert.deepEqual(bindingFailure('capacity', needs, sized('5Gi')), { criterion: 'capacity', claim: '10Gi', volume: '5Gi', pvPath: ['spec', 'capacity', 'storage'] });
		assert.deepEqual(bindingFailure('storageClass', needs, { ...offer, storageClass: 'fast' }), { criterion: 'storageClass', claim: '"manual"', volume: '"fast"', pvPath: ['spec', 'storageClassName'] });
		assert.deepEqual(bindingFailure('claimRef', needs, { ...offer, claimRef: { name: 'other' } }), { criterion: 'claimRef', claim: 'default/data', volume: '?/other', pvPath: ['spec', 'claimRef'], key: true });
	});
});
