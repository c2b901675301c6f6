import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settings, workspace } from '../util/service';

const CLASS = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: ebs.csi.aws.com\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: calico/node:v3.27.0\n';
const CLAIM = (mode: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 1Gi\n`;

/** How many documents of a file still wait for their parse with ranges. */
function unparsed(service: ReturnType<typeof workspace>['service'], uri: string): number {
	let steps = 0;
	const ahead = service.rangesAhead(uri);
	while (!ahead.next().done) steps++;
	return steps;
}

describe('ranges of an opened file are parsed where they are needed', () => {
	it('validation without findings parses no document with ranges (profile evidence and related places wait until read)', () => {
		const { service, uri } = workspace({ 'a.yaml': [CLASS, DEPLOYMENT, CLAIM('ReadWriteOnce')].join('---\n') });
		const file = uri('a.yaml');
		assert.deepEqual(service.doValidation(file, settings()).map((d) => d.code), []);
		assert.equal(unparsed(service, file), 3, 'every document still waits for its parse');
		assert.equal(unparsed(service, file), 0, 'parsed ahead once, they stay parsed');
	});

	it('a finding that points at another document still gets that document\'s place', () => {
		const { service, uri } = workspace({ 'a.yaml': [CLASS, CLAIM('ReadWriteMany')].join('---\n') });
		const file = uri('a.yaml');
		const finding = service.doValidation(file, settings()).find((d) => d.code === 'pvc-access-mode-unsupported');
		assert.ok(finding, 'EBS cannot give ReadWriteMany');
		const related = finding.relatedInformation?.[0];
		assert.ok(related);
		assert.equal(service.index.getFile(file)!.text.getText(related.location.range), 'ebs.csi.aws.com', 'the related place is the class\'s provisioner');
	});
});
