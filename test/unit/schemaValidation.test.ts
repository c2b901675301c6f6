import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validationLevel } from '../../server/src/settings';
import { ADDED_IN, checkRelease } from '../../knowledge/build/schemaReleases';
import { nearestVersion } from '../../server/src/service/schema/catalog';
import type { ObjectNode, SchemaNode } from '../../server/src/service/schema/nodes';
import { walkSchema } from '../../server/src/service/schema/validate';
import type { CompactSchema } from '../../server/src/service/schema/format';
import type { Settings } from '../../server/src/service/settings';
import { deploymentWithLabel, serviceWithProtocol } from '../util/manifests';
import { realSchemas, settings, workspace } from '../util/service';

/** Codes and lines (1-based) of the errors in one file. */
function errors(text: string, overrides: Partial<Settings> = {}, extra: Record<string, string> = {}): string[] {
	const { service, uri } = workspace({ 'a.yaml': text, ...extra });
	return service
		.doValidation(uri('a.yaml'), settings(overrides))
		.filter((d) => d.severity === 1)
		.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
}

const service = serviceWithProtocol('TCPP');
const mismatch = deploymentWithLabel('api', '          resizePolicy:\n            - { resourceName: cpu, restartPolicy: NotRequired }\n');

describe('schema validation against the target Kubernetes version', () => {
	it('picks the nearest built-in version, the lower one on a tie', () => {
		const versions = realSchemas().versions;
		assert.deepEqual(versions, ['1.25', '1.26', '1.29', '1.30', '1.32', '1.33', '1.34', '1.36']);
		assert.equal(nearestVersion(versions, '1.27'), '1.26');
		assert.equal(nearestVersion(versions, '1.28'), '1.29');
		assert.equal(nearestVersion(versions, '1.31'), '1.30');
		assert.equal(nearestVersion(versions, '1.32'), '1.32');
		// No package on the registry is generated from 1.35: the older neighbour, whose unknown fields are only warnings.
		assert.equal(nearestVersion(versions, '1.35'), '1.34');
		assert.equal(nearestVersion(versions, '1.36'), '1.36');
		assert.equal(nearestVersion(versions, '1.37'), '1.36');
		assert.equal(nearestVersion(versions, '1.20'), '1.25');
	});

	it('a field newer than the target version is unknown there and fine in a version that has it', () => {
		assert.ok(errors(mismatch, { kubernetesVersion: '1.25' }).includes('15 schema-unknown-field'));
		assert.ok(!errors(mismatch, { kubernetesVersion: '1.31' }).includes('15 schema-unknown-field'));
	});

	it('a field 1.34 added (`hostnameOverride`) is valid there and newer, an error where the exact schema lacks it', () => {
		const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostnameOverride: node-a\n  containers:\n    - { name: c, image: nginx }\n';
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.34' }), []);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.35' }), [], 'nearest is 1.34');
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.36' }), []);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.33' }), ['5 schema-unknown-field']);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.32' }), ['5 schema-unknown-field']);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.30' }), ['5 schema-unknown-field']);
		// The 1.32, 1.34 and 1.36 schemas come from @kubernetes/client-node, 1.33 from kubernetes-models: the same type names and enums as kubernetes-types.
		assert.deepEqual(errors(pod.replace('hostnameOverride: node-a', 'hostnameOverride: node-a\n  restartPolicy: Sometimes'), { kubernetesVersion: '1.34' }), ['6 schema-enum']);
	});

	it('a field 1.36 added (Pod `schedulingGroup`) is valid at 1.36, an error at 1.34, a warning at 1.35 (judged by 1.34)', () => {
		const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  schedulingGroup: { podGroupName: workers }\n  containers:\n    - { name: c, image: nginx }\n';
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.36' }), []);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.37' }), [], 'nearest is 1.36');
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.34' }), ['5 schema-unknown-field']);
		assert.deepEqual(errors(pod, { kubernetesVersion: '1.33' }), ['5 schema-unknown-field']);
		const { service: s, uri } = workspace({ 'a.yaml': pod });
		const at135 = s.doValidation(uri('a.yaml'), settings({ kubernetesVersion: '1.35' })).filter((d) => d.code === 'schema-unknown-field');
		assert.deepEqual(at135.map((d) => [d.range.start.line + 1, d.severity]), [[5, 2]]);
		// Its fields are checked too: a misspelt one is unknown at 1.36.
		assert.deepEqual(errors(pod.replace('podGroupName', 'podGroup'), { kubernetesVersion: '1.36' }), ['5 schema-unknown-field']);
	});

	it('a field 1.35 added (CSIDriver `serviceAccountTokenInSecrets`) is valid at 1.36 and unknown at 1.34', () => {
		const driver = 'apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: { name: csi.example.com }\nspec:\n  tokenRequests: [{ audience: example }]\n  serviceAccountTokenInSecrets: true\n';
		assert.deepEqual(errors(driver, { kubernetesVersion: '1.36' }), []);
		assert.deepEqual(errors(driver, { kubernetesVersion: '1.34' }), ['6 schema-unknown-field']);
		assert.deepEqual(errors(driver.replace('true', '[true]'), { kubernetesVersion: '1.36' }), ['6 schema-type']);
	});

	it('the 1.36 schema serves MutatingAdmissionPolicy in admissionregistration.k8s.io/v1, which 1.34 served only in beta', () => {
		const policy = 'apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingAdmissionPolicy\nmetadata: { name: p }\nspec:\n  failurePolicy: Fail\n  reinvocationPolicy: Never\n  matchConstraints:\n    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }]\n  mutations:\n    - patchType: ApplyConfiguration\n      applyConfiguration: { expression: \'Object{}\' }\n';
		assert.deepEqual(errors(policy, { kubernetesVersion: '1.36' }), []);
		assert.deepEqual(errors(policy.replace('  mutations:', '  mutation:'), { kubernetesVersion: '1.36' }), ['9 schema-unknown-field']);
	});

	it('the client schemas give kinds only to the group versions the release serves, not to stale generated files', () => {
		const workload = (version: string) => `apiVersion: scheduling.k8s.io/${version}\nkind: Workload\nmetadata: { name: w }\nspec:\n  controllerRef: { kind: Job, name: j }\n  podGroupTemplates: [{ name: workers, schedulingPolicy: { gang: { minCount: 4 } } }]\n  bogus: 1\n`;
		// 1.36 replaced scheduling.k8s.io/v1alpha1 by v1alpha2; the 2.0 client still ships a v1alpha1 API class, which its index does not export.
		assert.deepEqual(errors(workload('v1alpha2'), { kubernetesVersion: '1.36' }), ['7 schema-unknown-field']);
		assert.deepEqual(errors(workload('v1alpha1'), { kubernetesVersion: '1.36' }), []);
		// resource.k8s.io/v1alpha2 left in 1.31: the 1.32 and 1.34 clients keep its file, not its export.
		const claim = 'apiVersion: resource.k8s.io/v1alpha2\nkind: ResourceClaim\nmetadata: { name: c }\nspec:\n  resourceClassName: gpu\n  bogus: 1\n';
		assert.deepEqual(errors(claim, { kubernetesVersion: '1.34' }), []);
		assert.deepEqual(errors(claim, { kubernetesVersion: '1.30' }), ['6 schema-unknown-field'], 'kubernetes-types 1.30 has it');
	});

	it('quantities of resource.k8s.io, which no typed reference has, take numbers in the client schemas', () => {
		const claim = 'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: { name: c }\nspec:\n  devices:\n    requests:\n      - name: gpu\n        exactly:\n          deviceClassName: gpu.example.com\n          capacity: { requests: { memory: 4 } }\n';
		for (const version of ['1.34', '1.36']) {
			assert.deepEqual(errors(claim, { kubernetesVersion: version }), [], version);
			assert.deepEqual(errors(claim.replace('memory: 4', 'memory: [4]'), { kubernetesVersion: version }), ['10 schema-type'], version);
		}
	});

	it('the schemas built from the client keep JSON field names and quantities: `$ref`, `continue`, `cpu: 1`', () => {
		const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  selector: { matchLabels: { app: d } }\n  template:\n    metadata: { labels: { app: d } }\n    spec:\n      containers:\n        - name: c\n          image: nginx\n          resources: { limits: { cpu: 1, memory: 128Mi } }\n          ports: [{ containerPort: 80 }]\n';
		const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: { name: things.example.com }\nspec:\n  group: example.com\n  scope: Namespaced\n  names: { kind: Thing, plural: things }\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec: { type: object, default: {}, enum: [{}], x-kubernetes-preserve-unknown-fields: true }\n';
		for (const version of ['1.32', '1.34', '1.36']) {
			assert.deepEqual(errors(deployment, { kubernetesVersion: version }), [], version);
			assert.deepEqual(errors(crd, { kubernetesVersion: version }), [], version);
			assert.deepEqual(errors(deployment.replace('cpu: 1', 'cpu: [1]'), { kubernetesVersion: version }), ['12 schema-type'], version);
		}
	});

	it('a package of types installed under the wrong release stops the build', () => {
		// A schema with the fields the releases up to `upTo` added.
		const schema = (version: string, upTo: number): CompactSchema => {
			const types = new Map<string, Record<string, string>>();
			for (const [release, fields] of Object.entries(ADDED_IN)) {
				if (Number(release.split('.')[1]) > upTo) continue;
				for (const field of fields) {
					const cut = field.lastIndexOf('.');
					types.set(field.slice(0, cut), { ...types.get(field.slice(0, cut)), [field.slice(cut + 1)]: '*' });
				}
			}
			return { version, source: 'test', kinds: {}, types: [...types].map(([n, p]) => ({ n, p })) };
		};
		assert.doesNotThrow(() => checkRelease(schema('1.34', 34)));
		assert.doesNotThrow(() => checkRelease(schema('1.36', 36)));
		assert.throws(() => checkRelease(schema('1.36', 35)), /it lacks core\.v1\.PodSpec\.schedulingGroup, added in 1\.36/);
		assert.throws(() => checkRelease(schema('1.34', 35)), /it has storage\.v1\.CSIDriverSpec\.serviceAccountTokenInSecrets, added in 1\.35/);
		assert.throws(() => checkRelease(schema('1.33', 34)), /test is not Kubernetes 1\.33: it has core\.v1\.PodSpec\.hostnameOverride, added in 1\.34/);
		assert.throws(() => checkRelease(schema('1.34', 33)), /it lacks core\.v1\.PodSpec\.hostnameOverride, added in 1\.34/);
	});

	it('a field the nearest older schema lacks is a warning, not an error: the target release may have added it', () => {
		const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostnameOverride: node-a\n  containers:\n    - { name: c, image: nginx }\n';
		const { service: s, uri } = workspace({ 'a.yaml': pod });
		// 1.31 is nearest to 1.30, which lacks the field.
		const warned = s.doValidation(uri('a.yaml'), settings({ kubernetesVersion: '1.31' })).filter((d) => d.code === 'schema-unknown-field');
		assert.equal(warned.length, 1);
		assert.equal(warned[0].severity, 2);
		const message = warned[0].message;
		assert.match(typeof message === 'string' ? message : message.value, /1\.31 may have added it/);
	});

	it('`no-schema` (auto beside Red Hat YAML) keeps the checks beyond the schema; `off` silences all', () => {
		assert.deepEqual(errors(mismatch, { kubernetesVersion: '1.25' }).sort(), ['15 schema-unknown-field', '7 workload-selector-mismatch']);
		assert.deepEqual(errors(mismatch, { validation: 'no-schema' }), ['7 workload-selector-mismatch']);
		assert.deepEqual(errors(service, { validation: 'no-schema' }), []);
		assert.deepEqual(errors(mismatch, { validation: 'off' }), []);
	});

	it('the editor setting resolves to a level: auto leaves the schema to Red Hat YAML only when it is active', () => {
		assert.equal(validationLevel(undefined, false), 'all');
		assert.equal(validationLevel('auto', true), 'no-schema');
		assert.equal(validationLevel('on', true), 'all');
		assert.equal(validationLevel('off', false), 'off');
	});

	it('the quick fix of `protocol: TCPP` writes TCP', () => {
		const { service: ls, uri } = workspace({ 'svc.yaml': service });
		const s = settings();
		const diagnostic = ls.doValidation(uri('svc.yaml'), s).find((d) => d.code === 'schema-enum');
		assert.ok(diagnostic, 'protocol: TCPP is an error');
		assert.deepEqual(diagnostic.range, { start: { line: 8, character: 16 }, end: { line: 8, character: 20 } });
		const fix = ls.getCodeActions(uri('svc.yaml'), [diagnostic], s).find((a) => a.isPreferred);
		const edits = fix?.edit?.changes?.[uri('svc.yaml')];
		assert.ok(edits, 'a preferred fix with edits');
		assert.match(TextDocument.applyEdits(TextDocument.create(uri('svc.yaml'), 'yaml', 1, service), edits), /protocol: TCP\n/);
	});

	it('the quick fix of a misspelt field renames it to the nearest field', () => {
		const text = mismatch.replace('resizePolicy', 'imagePullPolicyy');
		const { service: ls, uri } = workspace({ 'd.yaml': text });
		const s = settings();
		const diagnostic = ls.doValidation(uri('d.yaml'), s).find((d) => d.code === 'schema-unknown-field');
		assert.match(String(diagnostic?.message), /Did you mean "imagePullPolicy"/);
		const edits = ls.getCodeActions(uri('d.yaml'), [diagnostic!], s).find((a) => a.isPreferred)?.edit?.changes?.[uri('d.yaml')];
		assert.deepEqual(edits?.map((e) => e.newText), ['imagePullPolicy']);
	});

	it('Helm templates, envsubst placeholders and kinds without a schema give no error', () => {
		const helm = `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  ports:\n    - port: {{ .Values.port }}\n      protocol: TCPP\n`;
		assert.deepEqual(errors(helm), []);
		assert.deepEqual(errors(service.replace('TCPP', '${PROTOCOL}').replace('port: 80', 'port: ${PORT}')), []);
		assert.deepEqual(errors('apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: x\nspec:\n  anything: [1, 2]\n'), []);
	});

	it('messages are in Chinese when the display language is Chinese', () => {
		const { service: ls, uri } = workspace({ 'svc.yaml': service });
		const d = ls.doValidation(uri('svc.yaml'), settings({ language: 'zh' })).find((x) => x.code === 'schema-enum');
		assert.match(String(d?.message), /API Server 会拒绝/);
	});

	it('a custom kind defined by two different CRDs is not judged', () => {
		const crd = (type: string) =>
			`apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: { kind: Thing, plural: things }\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                size: { type: ${type} }\n`;
		const thing = 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: x\nspec:\n  size: "3"\n';
		assert.deepEqual(errors(thing, {}, { 'crd.yaml': crd('integer') }), ['6 custom-resource-schema']);
		assert.deepEqual(errors(thing, {}, { 'crd.yaml': crd('integer'), 'crd2.yaml': crd('string') }), []);
	});
});

describe('documents the values here cannot see as kubectl does', () => {
	it('a document with YAML merge keys is judged by its merged values, as kubectl merges `<<: *defaults`', () => {
		const text = `apiVersion: v1
kind: Pod
metadata:
  name: merged
spec:
  containers:
    - &base
      name: app
      image: app:1
      resources: &resources
        limits: { memory: 1Gi }
    - <<: *base
      name: sidecar
      protocolo: TCPP
    - name: tool
      <<: *base
      resources: *resources
`;
		// The merged fields (image, name) fill the merged containers; the misspelt field of the sidecar is its own.
		assert.deepEqual(errors(text, { kubernetesVersion: '1.30' }), ['14 schema-unknown-field']);
		// A field the anchor writes wrong is reported once, at the anchor, though three containers merge it.
		const wrong = errors(text.replace('image: app:1', 'image: app:1\n      imagePulPolicy: Always'), { kubernetesVersion: '1.30' });
		assert.deepEqual(wrong, ['10 schema-unknown-field', '15 schema-unknown-field']);
		// An alias as a whole value: its error is shown where the anchor writes the value.
		assert.deepEqual(errors(text.replace('memory: 1Gi', 'memory: [1Gi]'), { kubernetesVersion: '1.30' }).sort(), ['11 schema-type', '14 schema-unknown-field']);
	});

	it('a merge-key document: the message names the field, the quick fix renames it where the anchor writes it', () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - &c\n      name: a\n      image: a:1\n      imagePullPolicyy: Always\n    - <<: *c\n      name: b\n';
		const { service: ls, uri } = workspace({ 'p.yaml': text });
		const s = settings({ kubernetesVersion: '1.30' });
		const found = ls.doValidation(uri('p.yaml'), s).filter((d) => d.code === 'schema-unknown-field');
		assert.equal(found.length, 1);
		assert.deepEqual(found[0].range, { start: { line: 9, character: 6 }, end: { line: 9, character: 22 } });
		const edits = ls.getCodeActions(uri('p.yaml'), found, s).find((a) => a.isPreferred)?.edit?.changes?.[uri('p.yaml')];
		assert.deepEqual(edits?.map((e) => [e.range.start.line, e.newText]), [[9, 'imagePullPolicy']]);
	});

	it('a heredoc in a command (`cat <<EOF`) is not a merge key', () => {
		const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n      command: ["sh", "-c", "cat <<EOF > /x"]\n      imagePullPolicy: always\n';
		assert.deepEqual(errors(text), ['10 schema-enum']);
	});
});

describe('the schema walker', () => {
	// A small schema by hand: an object with a list of objects, a map of integers and an enum.
	const port: ObjectNode = { kind: 'object', name: 'test.Port', fields: new Map<string, SchemaNode>([['name', { kind: 'scalar', type: 's' }], ['protocol', { kind: 'scalar', type: 's', enum: ['TCP', 'UDP'] }]]), required: ['name'] };
	const root: ObjectNode = {
		kind: 'object',
		name: 'test.Root',
		fields: new Map<string, SchemaNode>([
			['status', { kind: 'scalar', type: 's' }],
			['ports', { kind: 'array', items: port }],
			['counts', { kind: 'map', values: { kind: 'scalar', type: 'i' } }],
			['spec', { kind: 'object', name: 'test.Spec', fields: new Map<string, SchemaNode>([['replicas', { kind: 'scalar', type: 'i' }]]), required: [] }],
		]),
		required: ['spec'],
	};

	it('reports every issue in document order, at the path of its value, below the base path', () => {
		const value = { status: 3, ports: [{ name: 'a', protocol: 'TCPP' }, { protocol: 'UDP', extra: 1 }], counts: { a: 1, b: 'x' }, spec: { replicas: '2', replcas: 1 } };
		const issues = walkSchema(value, root, { skipRoot: ['status'] }, ['items', 0]).map((i) => `${i.code} ${JSON.stringify(i.path)}${'field' in i ? ` ${i.field}` : ''}`);
		assert.deepEqual(issues, [
			'enum ["items",0,"ports",0,"protocol"]',
			'unknown ["items",0,"ports",1,"extra"] extra',
			'required ["items",0,"ports",1] name',
			'type ["items",0,"counts","b"]',
			'type ["items",0,"spec","replicas"]',
			'unknown ["items",0,"spec","replcas"] replcas',
		]);
	});

	it('walks the root fields not skipped, and finds nothing in a valid value', () => {
		assert.deepEqual(walkSchema({ spec: { replicas: 1 }, ports: [{ name: 'a' }] }, root), []);
		assert.deepEqual(walkSchema({ status: 3 }, root).map((i) => i.code), ['type', 'required']);
	});
});
