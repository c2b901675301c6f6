import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { parseAllDocuments } from 'yaml';
import { KnowledgeGraph } from '../../server/src/service/knowledge/graph';
import type { Settings } from '../../server/src/service/settings';
import { realGraph, settings, workspace } from '../util/service';

type Files = Record<string, string>;

function check(files: Files, path: string, rule: string, overrides: Partial<Settings> = {}, graph?: KnowledgeGraph) {
	const { service, uri } = workspace(files, graph);
	const s = settings(overrides);
	const diagnostics = service.doValidation(uri(path), s).filter((d) => d.code === rule);
	return { diagnostics, service, uri, actions: (i = 0) => service.getCodeActions(uri(path), [diagnostics[i]], s).filter((a) => !a.title.startsWith('Suppress')) };
}

function apply(files: Files, path: string, action: CodeAction | undefined): Files {
	const edits = action?.edit?.changes?.[`file:///ws/${path}`];
	assert.ok(edits, 'the fix edits the file');
	const text = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, files[path]), edits);
	for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, [], `still parses:\n${text}`);
	return { ...files, [path]: text };
}

const claim = (name: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 10Gi } }
${extra}`;

const pv = (name: string, size: string, modes = 'ReadWriteOnce') => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity: { storage: ${size} }
  accessModes: [${modes}]
  nfs: { server: nfs.example.com, path: /exports/${name} }
`;

const pod = (claimName: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers: [{ name: app, image: nginx, volumeMounts: [{ name: data, mountPath: /data }] }]
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: ${claimName} }
`;

describe('storage rules across files', () => {
	it('an unbindable claim names each candidate PV and its first failing criterion, in the PV file', () => {
		const files = { 'claim.yaml': claim('data'), 'pvs.yaml': `${pv('small', '1Gi')}---\n${pv('shared', '50Gi', 'ReadOnlyMany')}` };
		const { diagnostics } = check(files, 'claim.yaml', 'pvc-unbindable');
		assert.equal(diagnostics.length, 1);
		const related = diagnostics[0].relatedInformation ?? [];
		assert.deepEqual(related.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [
			['file:///ws/pvs.yaml', 5, 'PV "small": capacity 1Gi is less than the 10Gi requested'],
			['file:///ws/pvs.yaml', 15, 'PV "shared": access modes [ReadOnlyMany] do not include [ReadWriteOnce]'],
		]);
		assert.match(String(diagnostics[0].message), /small: capacity 1Gi.*shared: access modes/);
	});

	it('removing the PV a claim binds to re-checks the claim', () => {
		const files = { 'claim.yaml': claim('data'), 'pv.yaml': pv('big', '20Gi') };
		const { service, uri } = check(files, 'claim.yaml', 'pvc-unbindable');
		assert.equal(service.doValidation(uri('claim.yaml'), settings()).filter((d) => d.code === 'pvc-unbindable').length, 0);
		service.index.removeFile(uri('pv.yaml'));
		assert.equal(service.doValidation(uri('claim.yaml'), settings()).filter((d) => d.code === 'pvc-unbindable').length, 1);
	});

	it('a Helm template in the scope silences every "missing" finding', () => {
		const files = { 'claim.yaml': claim('data'), 'app.yaml': pod('cache') };
		assert.equal(check(files, 'claim.yaml', 'pvc-unbindable').diagnostics.length, 1);
		assert.equal(check(files, 'app.yaml', 'pvc-claim-missing').diagnostics.length, 1);
		const helm = { ...files, 'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'templates/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: {{ .Release.Name }}-pv\n' };
		assert.equal(check(helm, 'claim.yaml', 'pvc-unbindable').diagnostics.length, 0);
		assert.equal(check(helm, 'app.yaml', 'pvc-claim-missing').diagnostics.length, 0);
	});

	it('a claim in another kustomization folder is out of scope, one beside the pod is found', () => {
		const files = {
			'base/kustomization.yaml': 'resources: [app.yaml]\n',
			'base/app.yaml': pod('data'),
			'other/kustomization.yaml': 'resources: [claim.yaml]\n',
			'other/claim.yaml': claim('data'),
		};
		assert.equal(check(files, 'base/app.yaml', 'pvc-claim-missing').diagnostics.length, 1);
		assert.equal(check({ ...files, 'base/claim.yaml': claim('data') }, 'base/app.yaml', 'pvc-claim-missing').diagnostics.length, 0);
	});

	it('without a storageClasses profile only a likely typo of a known class is reported', () => {
		const sc = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast-ssd\nprovisioner: pd.csi.storage.gke.io\n';
		const named = (cls: string) => claim('data').replace('storageClassName: ""', `storageClassName: ${cls}`);
		assert.equal(check({ 'sc.yaml': sc, 'c.yaml': named('standard') }, 'c.yaml', 'pvc-storage-class-unknown').diagnostics.length, 0);
		const typo = check({ 'sc.yaml': sc, 'c.yaml': named('fast-sdd') }, 'c.yaml', 'pvc-storage-class-unknown');
		assert.equal(typo.diagnostics.length, 1);
		const fixed = apply({ 'sc.yaml': sc, 'c.yaml': named('fast-sdd') }, 'c.yaml', typo.actions()[0]);
		assert.match(fixed['c.yaml'], /storageClassName: fast-ssd/);
		assert.equal(check({ 'sc.yaml': sc, 'c.yaml': named('standard') }, 'c.yaml', 'pvc-storage-class-unknown', { storageClasses: ['premium'] }).diagnostics.length, 1);
	});
});

describe('storage facts come from the knowledge graph and the target version', () => {
	const cephfs = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: fs\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteMany]\n  cephfs: { monitors: [10.0.0.1] }\n';

	it('an in-tree plugin is an error once removed, a warning before, and silent before its deprecation', () => {
		const severity = (version: string) => check({ 'pv.yaml': cephfs }, 'pv.yaml', 'in-tree-volume-plugin', { kubernetesVersion: version }).diagnostics.map((d) => d.severity);
		assert.deepEqual(severity('1.31'), [1]);
		assert.deepEqual(severity('1.29'), [2]);
		assert.deepEqual(severity('1.27'), []);
	});

	it('the serverless profile limits are read from the graph', () => {
		const files = { 'c.yaml': claim('data') };
		assert.equal(check(files, 'c.yaml', 'storage-unsupported').diagnostics.length, 0, 'silent under the standard profile');
		assert.equal(check(files, 'c.yaml', 'storage-unsupported', { profile: 'serverless' }).diagnostics.length, 1);
		const note = (language: 'en' | 'zh') => check(files, 'c.yaml', 'storage-unsupported', { profile: 'serverless', language }).diagnostics[0].message as string;
		assert.match(note('en'), /notes for today: "supported today via CSI/, 'the entry\'s note, in English');
		assert.match(note('zh'), /知识库记录的现状："现已通过 CSI 支持/, 'the entry\'s note, in Chinese');
		const data = realGraph();
		const declared = {
			...data.get('ack-serverless')!,
			id: 'serverless-with-disks',
			aliases: [],
			facts: { profile: 'serverless', unsupported: ['DaemonSet'] },
		};
		const graph = new KnowledgeGraph({ version: 1, entities: [...data.entities, declared] });
		assert.equal(check(files, 'c.yaml', 'storage-unsupported', { profile: 'serverless' }, graph).diagnostics.length, 0, 'an entity that declares the profile wins');
	});

	it('a socket mount is left to container-runtime-socket unless that rule is off', () => {
		const files = { 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{ name: c, image: docker }]\n  volumes: [{ name: s, hostPath: { path: /var/run/docker.sock } }]\n' };
		assert.equal(check(files, 'p.yaml', 'host-path-volume').diagnostics.length, 0);
		assert.equal(check(files, 'p.yaml', 'host-path-volume', { rules: { 'container-runtime-socket': 'off' } }).diagnostics.length, 1);
	});
});

describe('storage quick fixes leave valid manifests the rule accepts', () => {
	it('"10GB" offers 10G and 10Gi, and keeps the quotes', () => {
		const files = { 'c.yaml': claim('data').replace('storage: 10Gi', 'storage: "10GB"') };
		const { actions } = check(files, 'c.yaml', 'quantity-invalid');
		assert.deepEqual(actions().map((a) => a.title), ['Change to 10G (10 × 1000³ bytes)', 'Change to 10Gi (10 × 1024³ bytes)']);
		const fixed = apply(files, 'c.yaml', actions()[1]);
		assert.match(fixed['c.yaml'], /storage: "10Gi"/);
		assert.equal(check(fixed, 'c.yaml', 'quantity-invalid').diagnostics.length, 0);
	});

	it('a local PV gets a nodeAffinity skeleton at the right indentation', () => {
		const files = { 'pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ssd\nspec:\n  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteOnce]\n  local:\n    path: /mnt/ssd\n' };
		const fixed = apply(files, 'pv.yaml', check(files, 'pv.yaml', 'local-pv-node-affinity').actions()[0]);
		assert.match(fixed['pv.yaml'], /\n {2}nodeAffinity:\n {4}required:\n {6}nodeSelectorTerms:\n/);
		assert.equal(check(fixed, 'pv.yaml', 'local-pv-node-affinity').diagnostics.length, 0);
	});

	it('an in-tree provisioner switches to its CSI driver', () => {
		const files = { 'sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp2\nprovisioner: kubernetes.io/aws-ebs\n' };
		const fixed = apply(files, 'sc.yaml', check(files, 'sc.yaml', 'in-tree-volume-plugin').actions()[0]);
		assert.match(fixed['sc.yaml'], /provisioner: ebs\.csi\.aws\.com/);
		assert.equal(check(fixed, 'sc.yaml', 'in-tree-volume-plugin').diagnostics.length, 0);
	});

	it('a Recycle policy becomes Retain, and a typo of a claim name becomes the claim', () => {
		const pvFiles = { 'pv.yaml': pv('a', '1Gi').replace('  nfs:', '  persistentVolumeReclaimPolicy: Recycle\n  nfs:') };
		const retained = apply(pvFiles, 'pv.yaml', check(pvFiles, 'pv.yaml', 'pv-reclaim-recycle').actions()[0]);
		assert.equal(check(retained, 'pv.yaml', 'pv-reclaim-recycle').diagnostics.length, 0);
		const podFiles = { 'c.yaml': claim('uploads'), 'p.yaml': pod('upload') };
		const renamed = apply(podFiles, 'p.yaml', check(podFiles, 'p.yaml', 'pvc-claim-missing').actions()[0]);
		assert.equal(check(renamed, 'p.yaml', 'pvc-claim-missing').diagnostics.length, 0);
	});
});

describe('storage errors and mismatches have real fixes, and messages that are right', () => {
	const ebsClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\n';
	const nfsClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: shared\nprovisioner: nfs.csi.k8s.io\n';
	const rwxClaim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: files\nspec:\n  storageClassName: gp3\n  accessModes: [ReadWriteMany]\n  resources: { requests: { storage: 10Gi } }\n';

	it('ReadWriteMany on EBS says it needs io1/io2 and Block, without saying the driver lacks the mode', () => {
		const message = String(check({ 'sc.yaml': ebsClass, 'c.yaml': rwxClaim }, 'c.yaml', 'pvc-access-mode-unsupported').diagnostics[0]?.message);
		assert.match(message, /offers ReadWriteMany only for raw block volumes \(volumeMode: Block, io1 or io2 volumes/);
		assert.doesNotMatch(message, /does not offer the access mode/);
	});

	it('an access mode the driver lacks: ask for one it offers, or use a class of the workspace that offers it', () => {
		const files = { 'sc.yaml': `${ebsClass}---\n${nfsClass}`, 'c.yaml': rwxClaim };
		const { actions } = check(files, 'c.yaml', 'pvc-access-mode-unsupported');
		assert.deepEqual(actions().map((a) => a.title), ['Ask for ReadWriteOnce', 'Use StorageClass "shared" (nfs.csi.k8s.io offers ReadWriteMany)']);
		for (const action of actions()) assert.equal(check(apply(files, 'c.yaml', action), 'c.yaml', 'pvc-access-mode-unsupported').diagnostics.length, 0, action.title);
	});

	it('an in-tree EBS PersistentVolume gets its CSI form, keeping the volume and its file system', () => {
		const files = { 'pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data\nspec:\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce]\n  awsElasticBlockStore:\n    volumeID: aws://us-east-1a/vol-0abc\n    fsType: ext4\n' };
		const { actions } = check(files, 'pv.yaml', 'in-tree-volume-plugin');
		const form = actions().find((a) => a.title.startsWith('Use the CSI form'));
		const fixed = apply(files, 'pv.yaml', form);
		assert.match(fixed['pv.yaml'], /^ {2}csi: \{ driver: ebs\.csi\.aws\.com, volumeHandle: vol-0abc, fsType: ext4 \}$/m);
		assert.equal(check(fixed, 'pv.yaml', 'in-tree-volume-plugin').diagnostics.length, 0);
	});

	it('a pod whose claim does not exist is said to stay Pending, not ContainerCreating', () => {
		const message = String(check({ 'p.yaml': pod('nothing'), 'c.yaml': claim('data') }, 'p.yaml', 'pvc-claim-missing').diagnostics[0]?.message);
		assert.match(message, /stays Pending \(event FailedScheduling, "persistentvolumeclaim "nothing" not found"\)/);
		assert.doesNotMatch(message, /ContainerCreating/);
	});
});
