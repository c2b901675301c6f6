import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settings, workspace } from '../util/service';

const CLAIM = (name: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10GB\n`;
const WEB = (name: string) =>
	`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: { app: ${name} }\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      containers:\n        - name: main\n          image: nginx:latest\n          ports:\n            - containerPort: 99999\n          envFrom:\n            - configMapRef: { name: missing }\n`;
const CONFIG = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i}: v\n`).join('')}`;

/** Each step's text checked in the workspace that saw every step before it, and in a fresh one. */
function sameAsFresh(steps: string[], parseAhead: boolean): void {
	const { service, uri } = workspace({ 'a.yaml': steps[0] });
	const file = uri('a.yaml');
	steps.forEach((text, i) => {
		service.index.setFile(file, text, i + 1, true);
		const incremental = service.doValidation(file, settings());
		// Documents parsed with ranges (as idle time does after diagnostics) are read from their tree, the others by the line scan.
		if (parseAhead) Array.from(service.rangesAhead(file));
		const fresh = workspace({ 'a.yaml': text });
		assert.deepEqual(incremental, fresh.service.doValidation(fresh.uri('a.yaml'), settings()), `step ${i}`);
		assert.ok(incremental.length > 0, `step ${i} has findings`);
	});
}

describe('diagnostics after edits are those of a fresh open', () => {
	const documents = [CONFIG(1), WEB('web'), CLAIM('data'), WEB('api'), CLAIM('logs')];
	const join = (docs: string[]) => docs.join('---\n');
	const steps = [
		join(documents),
		// text above every finding grows, then shrinks: every document moves
		join([CONFIG(4), ...documents.slice(1)]),
		join([CONFIG(2), ...documents.slice(1)]),
		// an edit inside one document, the others move or stay
		join([CONFIG(2), WEB('web').replace('99999', '8080'), ...documents.slice(2)]),
		// the same text twice, at two places, then one of them gone
		join([CONFIG(2), WEB('web'), CLAIM('data'), WEB('api'), CLAIM('data'), CLAIM('logs')]),
		join([CONFIG(2), WEB('api'), CLAIM('data'), CLAIM('logs')]),
		// a document's text moved to another place
		join([CLAIM('logs'), CONFIG(2), WEB('api'), CLAIM('data')]),
	];

	it('with documents read by the line scan', () => sameAsFresh(steps, false));
	it('with documents parsed with ranges between the edits', () => sameAsFresh(steps, true));
});
