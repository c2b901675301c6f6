import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildFieldDocTable, firstSentences } from '../../knowledge/build/fieldDocs';
import { describeField } from '../../server/src/service/features/hovers/fieldDocTable';
import { fieldDocs, hoverText, shownEntries } from '../fixtures/hover/harness';
import { ROOT } from '../util/service';

/** Hovers the cursor of a one-file workspace and returns the entries shown as sections. */
const entriesAt = (text: string) => shownEntries(hoverText(text));
/** Markdown without its escapes, to match the words. */
const unescape = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

describe('hover on kind and apiVersion', () => {
	it('kind: Service shows the Service entry', () => {
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: Ser<|>vice\nmetadata: { name: web }\n'), ['service']);
	});

	it('a custom resource named like a built-in kind is not that kind', () => {
		assert.deepEqual(entriesAt('apiVersion: serving.knative.dev/v1\nkind: Ser<|>vice\n'), []);
		assert.deepEqual(entriesAt('apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetwork<|>Policy\n'), ['calico']);
	});

	it('hover on the second document uses its own kind', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\n---\napiVersion: v1\nkind: Per<|>sistentVolumeClaim\nmetadata: { name: b }\n';
		assert.deepEqual(entriesAt(text), ['persistent-volume-claim']);
	});

	it('a removed apiVersion says since when, that the target rejects it, and what to use', () => {
		const text = hoverText('apiVersion: extensions/v1<|>beta1\nkind: Deployment\nmetadata: { name: web }\n', { kubernetesVersion: '1.31' });
		assert.match(text, /removed in 1\.16/);
		assert.match(text, /1\.31 rejects it/);
		assert.match(text, /use `apps\/v1`/);
	});

	it('the same removed version is only informational for an old target', () => {
		const text = hoverText('apiVersion: extensions/v1<|>beta1\nkind: Deployment\n', { kubernetesVersion: '1.15' });
		assert.match(text, /removed in 1\.16/);
		assert.doesNotMatch(text, /rejects/);
	});

	it('the current version of a kind is GA', () => {
		assert.match(hoverText('apiVersion: apps/<|>v1\nkind: Deployment\n'), /GA, served/);
		assert.match(hoverText('apiVersion: v<|>1\nkind: Service\n'), /GA, served/, 'Service has one apiVersion fact');
	});

	it('versions of kinds without an entry come from the deprecation list, replacements included', () => {
		assert.match(hoverText('apiVersion: autoscaling/v2<|>beta2\nkind: HorizontalPodAutoscaler\n'), /removed in 1\.26.*autoscaling\/v2/s);
		assert.match(hoverText('apiVersion: autoscaling/<|>v2\nkind: HorizontalPodAutoscaler\n'), /GA, served/);
		assert.equal(hoverText('apiVersion: autoscaling/<|>v1\nkind: HorizontalPodAutoscaler\n'), '', 'an unlisted version is not called unknown');
	});

	it('an unknown version of a kind with a full list is called so', () => {
		assert.match(hoverText('apiVersion: apps/v<|>9\nkind: Deployment\n'), /not a known version of Deployment.*apps\/v1/s);
	});

	it('a Gatekeeper constraint apiVersion shows the constraint entry', () => {
		assert.deepEqual(entriesAt('apiVersion: constraints.gatekeeper.sh/v1<|>beta1\nkind: K8sRequiredLabels\n'), ['gatekeeper-constraint']);
	});
});

describe('hover on field keys', () => {
	const deployment = (field: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n${field}`;

	it('field docs were built for the common kinds', () => {
		assert.ok(fieldDocs, 'dist/fielddocs.json exists (npm run build)');
		assert.match(fieldDocs('apps/v1', 'Deployment', 'spec.replicas')!.text, /Number of desired pods/);
	});

	it('shows the API description with the kubernetes-types version', () => {
		const text = hoverText(deployment('  repl<|>icas: 2\n'));
		assert.match(text, /Number of desired pods/);
		assert.match(unescape(text), /Deployment apps\/v1 · Kubernetes 1\.30 API description \(kubernetes-types 1\.30\.\d+\)/);
	});

	it('walks deep pod template paths through the shared PodSpec', () => {
		const text = hoverText(deployment('  template:\n    spec:\n      containers:\n        - name: c\n          im<|>age: nginx\n'));
		assert.match(text, /Container image name/);
	});

	it('adds the KubeLore note for the field, in any spelling of its path', () => {
		const cronJob = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          runtimeClas<|>sName: gvisor\n';
		const text = hoverText(cronJob);
		assert.match(text, /RuntimeClassName refers to a RuntimeClass/);
		assert.match(text, /KubeLore · \[RuntimeClass/);
		const claimTemplate = 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  volumeClaimTemplates:\n    - spec:\n        accessMo<|>des: [ReadWriteOnce]\n';
		assert.match(hoverText(claimTemplate), /KubeLore · \[Volume access modes/);
	});

	it('kubelore.hover.fieldDocs off leaves only KubeLore notes', () => {
		const text = hoverText('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  storageClass<|>Name: fast\n', { fieldDocs: false });
		assert.doesNotMatch(unescape(text), /kubernetes-types/);
		assert.match(text, /KubeLore · \[StorageClass/);
	});

	it('a key without description or note gives no hover', () => {
		assert.equal(hoverText('apiVersion: example.com/v1\nkind: Widget\nspec:\n  col<|>our: red\n'), '');
	});
});

describe('hover on values that point at an entity', () => {
	const service = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n${spec}`;
	const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${spec}`;

	it('Service type values and a headless clusterIP', () => {
		assert.deepEqual(entriesAt(service('  type: Node<|>Port\n')), ['nodeport']);
		assert.deepEqual(entriesAt(service('  type: LoadBal<|>ancer\n')), ['loadbalancer']);
		assert.deepEqual(entriesAt(service('  type: Cluster<|>IP\n')), ['clusterip']);
		assert.deepEqual(entriesAt(service('  type: External<|>Name\n')), ['externalname']);
		assert.deepEqual(entriesAt(service('  clusterIP: No<|>ne\n')), ['headless-service']);
	});

	it('type: NodePort outside a Service points at nothing', () => {
		assert.deepEqual(entriesAt('apiVersion: example.com/v1\nkind: Gadget\nspec:\n  type: Node<|>Port\n'), []);
	});

	it('access modes in claims, volumes and claim templates', () => {
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - ReadWrite<|>Once\n'), ['access-modes']);
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: PersistentVolume\nspec:\n  accessModes: [ReadWrite<|>Many]\n'), ['access-modes']);
		assert.deepEqual(entriesAt('apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  volumeClaimTemplates:\n    - spec:\n        accessModes: [ReadOnly<|>Many]\n'), ['access-modes']);
	});

	it('StorageClass provisioners: CSI drivers and in-tree names', () => {
		const sc = (p: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: x }\nprovisioner: ${p}\n`;
		assert.deepEqual(entriesAt(sc('ebs.csi.<|>aws.com')), ['aws-ebs']);
		assert.deepEqual(entriesAt(sc('kubernetes.io/gce<|>-pd')), ['gce-pd']);
		assert.deepEqual(entriesAt(sc('nfs.csi.<|>k8s.io')), ['csi-driver-nfs']);
		assert.deepEqual(entriesAt(sc('kubernetes.io/no-<|>provisioner')), ['local-volume']);
	});

	it('the provisioner a claim records in its annotations', () => {
		const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  annotations:\n    volume.kubernetes.io/storage-provisioner: ebs.csi.<|>aws.com\n';
		assert.deepEqual(entriesAt(text), ['aws-ebs']);
	});

	it('RuntimeClass handlers', () => {
		const rc = (h: string) => `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: { name: x }\nhandler: ${h}\n`;
		assert.deepEqual(entriesAt(rc('ru<|>nsc')), ['gvisor']);
		assert.deepEqual(entriesAt(rc('kata-<|>qemu')), ['kata-containers']);
	});

	it('CNI annotations, on the pod and in a pod template, key or value', () => {
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    cni.projectcalico.org/ip<|>Addrs: \'["10.0.0.5"]\'\n'), ['calico']);
		const template = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      annotations:\n        k8s.v1.cni.cncf.io/networks: macvlan-<|>conf\n';
		assert.deepEqual(entriesAt(template), ['multus']);
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: { ovn.kubernetes.io/ip_<|>address: 10.16.0.15 }\n'), ['kube-ovn']);
	});

	it('CNI images, whatever the registry and tag', () => {
		const ds = (image: string) => `apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: c\n          image: ${image}\n`;
		assert.deepEqual(entriesAt(ds('docker.io/calico/<|>node:v3.27.0')), ['calico']);
		assert.deepEqual(entriesAt(ds('quay.io/cilium/cil<|>ium:v1.15.1@sha256:abc')), ['cilium']);
		assert.deepEqual(entriesAt(ds('docker.io/flannel/fla<|>nnel:v0.24.0')), ['flannel']);
		assert.deepEqual(entriesAt(ds('kubeovn/kube-<|>ovn:v1.12.0')), ['kube-ovn']);
		assert.deepEqual(entriesAt(ds('nginx:1.<|>25')), []);
	});

	it('volume sources in pods, templates and PVs, and csi.driver', () => {
		assert.deepEqual(entriesAt(pod('  volumes:\n    - name: v\n      n<|>fs: { server: s, path: /x }\n')), ['nfs']);
		assert.deepEqual(entriesAt('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      volumes:\n        - name: v\n          host<|>Path: { path: /data }\n'), ['hostpath']);
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: PersistentVolume\nspec:\n  awsElastic<|>BlockStore: { volumeID: vol-1 }\n'), ['aws-ebs']);
		assert.deepEqual(entriesAt(pod('  volumes:\n    - name: v\n      gcePersistent<|>Disk: { pdName: d }\n')), ['gce-pd']);
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: PersistentVolume\nspec:\n  csi:\n    driver: ebs.csi.<|>aws.com\n    volumeHandle: vol-1\n'), ['aws-ebs']);
		assert.deepEqual(entriesAt(pod('  volumes:\n    - name: v\n      csi: { driver: nfs.csi.<|>k8s.io }\n')), ['csi-driver-nfs']);
		assert.deepEqual(entriesAt(pod('  volumes:\n    - name: v\n      hostPath: { path: /var/run/docker.<|>sock }\n')), ['docker']);
	});

	it('a key named like a volume source elsewhere is not one', () => {
		assert.deepEqual(entriesAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  n<|>fs: "yes"\n'), []);
	});

	it('broken YAML, Helm templates and other YAML give silence, not a crash', () => {
		assert.equal(hoverText('apiVersion: v1\nkind: [Ser<|>vice\n'), '');
		assert.equal(hoverText('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: "{{ .Values.ima<|>ge }}"\n'), '');
		assert.equal(hoverText('foo:\n  ba<|>r: 1\n'), '');
	});
});

describe('the field description table (built from kubernetes-types)', () => {
	const modules: Record<string, string> = {
		'core/v1': `import { ObjectMeta } from "../meta/v1";
/** Pod is a collection of containers. */
export interface Pod {
    /** APIVersion defines the versioned schema. More info: https://example.com/x */
    apiVersion?: "v1";
    kind?: "Pod";
    /** Standard object's metadata. More info: https://example.com/y */
    metadata?: ObjectMeta;
    /** Specification of the desired behavior of the pod. */
    spec?: PodSpec;
}
export interface PodList { apiVersion?: "v1"; kind?: "PodList"; items: Array<Pod>; }
export interface PodSpec {
    /** List of containers belonging to the pod, e.g. the app and its sidecars. Containers cannot currently be added or removed. There must be at least one container in a Pod. */
    containers: Array<Container>;
    /** NodeSelector is a selector which must be true for the pod to fit on a node. */
    nodeSelector?: { [name: string]: string };
}
export interface Container {
    /** Name of the container. */
    name: string;
    /** Container image name. This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets. */
    image?: string;
}`,
		'meta/v1': `export interface ObjectMeta {
    /** Map of string keys and values that can be used to organize and categorize (scope and select) objects. */
    labels?: { [name: string]: string };
}`,
	};
	const table = buildFieldDocTable((m) => modules[m], '1.30.0', ['core/v1']);

	it('stores each type once and walks paths through them, imports included', () => {
		assert.deepEqual(Object.keys(table.kinds), ['Pod'], 'lists are not kinds');
		assert.equal(describeField(table, 'v1', 'Pod', 'spec.containers[].image')?.text, 'Container image name. This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.');
		assert.match(describeField(table, 'v1', 'Pod', 'metadata.labels')!.text, /^Map of string keys/);
		assert.equal(describeField(table, 'v1', 'Pod', 'spec.nodeSelector.disktype'), undefined, 'map keys have no description');
		assert.equal(describeField(table, 'apps/v1', 'Deployment', 'spec'), undefined);
		assert.equal(describeField(table, 'example.com/v1', 'Pod', 'spec'), undefined, 'a custom resource of the same name');
	});

	it('keeps the first sentence (two when the first is short), without "More info" links', () => {
		assert.equal(describeField(table, 'v1', 'Pod', 'apiVersion')?.text, 'APIVersion defines the versioned schema.');
		assert.equal(describeField(table, 'v1', 'Pod', 'spec.containers')?.text, 'List of containers belonging to the pod, e.g. the app and its sidecars. Containers cannot currently be added or removed.');
		assert.equal(firstSentences('Name of the container.'), 'Name of the container.');
		assert.ok(firstSentences('word '.repeat(200)).length <= 321);
	});

	it('the built table is small', () => {
		const size = statSync(join(ROOT, 'dist', 'fielddocs.json')).size;
		assert.ok(size < 250_000, `dist/fielddocs.json is ${size} bytes`);
	});
});
