import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isParsed, parseManifest } from '../../server/src/service/manifest/parse';
import { hasHelmSyntax, MAX_DEPTH, tooDeepAt } from '../../server/src/service/manifest/yamlRead';
import type { Rule } from '../../server/src/service/rules/types';
import { createLanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { realGraph, settings, workspace } from '../util/service';

const MERGED = `base: &base
  type: NodePort
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  <<: { type: NodePort }
  selector: { app: web }
  ports:
    - { name: http, port: 80, nodePort: 30080 }
`;

function codes(diagnostics: Diagnostic[]): string[] {
	return diagnostics.map((d) => String(d.code));
}

describe('YAML read as Kubernetes reads it', () => {
	it('applies merge keys, inline and through an alias, in both the fast and the full reader', () => {
		const aliased = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nx-base: &base { type: NodePort }\nspec:\n  <<: *base\n  ports: [{ name: http, port: 80, nodePort: 30080 }]\n';
		for (const valuesFirst of [true, false]) {
			const inline = parseManifest('file:///a.yaml', 1, MERGED, { valuesFirst }).documents[1];
			assert.equal((inline.resource?.value.spec as { type?: string }).type, 'NodePort');
			const viaAlias = parseManifest('file:///b.yaml', 1, aliased, { valuesFirst }).documents[0];
			assert.equal((viaAlias.resource?.value.spec as { type?: string }).type, 'NodePort');
		}
		const { service, uri } = workspace({ 'svc.yaml': MERGED });
		assert.ok(!codes(service.doValidation(uri('svc.yaml'), settings())).includes('service-node-port-invalid'), 'no ClusterIP complaint for a merged NodePort');
	});

	it('reads a document with a quoted `*` (a cron schedule) values-first, and one with an alias and no anchor as the full parser does', () => {
		const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              args: ["sh", "-c", "rm -f /tmp/*"]\n';
		const fast = parseManifest('file:///c.yaml', 1, cron, { valuesFirst: true }).documents[0];
		assert.equal(isParsed(fast), false, 'read values-first');
		assert.deepEqual(fast.resource?.value, parseManifest('file:///c.yaml', 1, cron).documents[0].resource?.value);
		assert.equal((fast.resource?.value.spec as { schedule?: string }).schedule, '*/5 * * * *');
		// An alias with nothing to expand, and aliases with an anchor: the full parser reads them, as before.
		for (const text of ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: *missing\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &l { app: x }\ndata:\n  note: "*"\n  a: *l\n']) {
			const read = parseManifest('file:///a.yaml', 1, text, { valuesFirst: true }).documents[0];
			const full = parseManifest('file:///a.yaml', 1, text).documents[0];
			assert.equal(isParsed(read), true);
			assert.deepEqual({ kind: read.kind, value: read.resource?.value, problems: read.problems }, { kind: full.kind, value: full.resource?.value, problems: full.problems });
		}
	});

	it('still reports a key written twice, as the API server would', () => {
		const doc = parseManifest('file:///a.yaml', 1, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n').documents[0];
		assert.equal(doc.kind, 'broken');
		assert.match(doc.problems[0].message, /unique/);
		assert.equal(doc.problems[0].start, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  '.length);
	});

	it('gives real positions in a file with CR-only line ends', () => {
		const text = 'apiVersion: v1\rkind: Service\rmetadata:\r  name: web\rspec:\r  selector: { app: web }\r  ports:\r    - { port: 80 }\r    - { port: 81 }\r';
		const { service, uri } = workspace({ 'cr.yaml': text });
		const found = service.doValidation(uri('cr.yaml'), settings()).filter((d) => d.code === 'service-port-name-required');
		assert.deepEqual(
			found.map((d) => d.range.start.line),
			[7, 8],
		);
	});

	it('reads a document that starts with a byte order mark after a `---`', () => {
		const file = parseManifest('file:///a.yaml', 1, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: b\n\uFEFF---\nkind: Secret\napiVersion: v1\n');
		assert.deepEqual(
			file.documents.map((d) => d.resource?.kind),
			['Service', 'Service', 'Secret'],
		);
		assert.equal(file.documents[1].resource?.name, 'b');
	});

	it('names nesting too deep for the parser instead of overflowing its stack', () => {
		const flow = `a: ${'['.repeat(MAX_DEPTH + 10)}${']'.repeat(MAX_DEPTH + 10)}\n`;
		const block = Array.from({ length: MAX_DEPTH + 10 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
		const dashes = `x:\n${'- '.repeat(MAX_DEPTH + 10)}1\n`;
		for (const text of [flow, block, dashes]) {
			const doc = parseManifest('file:///a.yaml', 1, text).documents[0];
			assert.equal(doc.kind, 'broken');
			assert.match(doc.problems[0].message, /nested more than 1000 levels/);
		}
	});

	it('does not count brackets inside plain or quoted text as nesting', () => {
		const text = `data:\n${Array.from({ length: MAX_DEPTH + 50 }, (_, i) => `  k${i}: a[${i} "[" '{' {`).join('\n')}\n`;
		assert.equal(tooDeepAt(text), -1);
	});

	it('shows a number too large for a double as the manifest writes it', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports:\n    - { name: http, port: 80, nodePort: 123456789012345678901234567890 }\n';
		const { service, uri } = workspace({ 'svc.yaml': text });
		const found = service.doValidation(uri('svc.yaml'), settings()).find((d) => d.code === 'service-node-port-invalid');
		assert.match(String(found?.message), /nodePort 123456789012345678901234567890 /);
	});

	it('finds Helm markers with an opening before a closing, however many openings there are', () => {
		assert.ok(hasHelmSyntax('a: {{ .Values.x }}'));
		assert.ok(!hasHelmSyntax(`a: "${'{{ '.repeat(1000)}"`));
		assert.ok(!hasHelmSyntax('a: }} {{'));
	});
});

describe('quick fixes that work', () => {
	it('a finding about a missing field sits on its nearest written parent or the first key, never a comment or `---`, and its suppression works', () => {
		/** Reports a field that is not written: `spec.type`. */
		const missingType: Rule = { id: 'test-missing-type', severity: 'warning', description: { en: 'test', zh: 'test' }, check: () => [{ path: ['spec', 'type'], message: { en: 'no type', zh: 'no type' } }] };
		const check = (text: string) => {
			const index = new WorkspaceIndex(['/ws']);
			index.setFile('file:///ws/a.yaml', text, 1, true);
			const service = createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs', rules: [missingType] });
			return { service, diagnostics: service.doValidation('file:///ws/a.yaml', settings()) };
		};
		const withSpec = check('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n');
		assert.deepEqual(withSpec.diagnostics.map((d) => d.range.start), [{ line: 4, character: 0 }], 'at `spec`');
		const text = '---\n# the web service\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
		const { service, diagnostics } = check(text);
		assert.deepEqual(diagnostics.map((d) => d.range.start), [{ line: 2, character: 0 }], 'at the first key');
		const action = service.getCodeActions('file:///ws/a.yaml', diagnostics, settings()).find((a) => /line/i.test(a.title));
		const fixed = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), action?.edit?.changes?.['file:///ws/a.yaml'] ?? []);
		assert.deepEqual(check(fixed).diagnostics, [], 'the comment suppresses it');
	});

	it('adds a second rule to the comment above rather than stacking comments', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    # kubelore-disable-next-line some-other-rule\n    - { port: 80 }\n    - { port: 81 }\n';
		const { service, uri } = workspace({ 'svc.yaml': text });
		const target = service.doValidation(uri('svc.yaml'), settings()).find((d) => d.code === 'service-port-name-required' && d.range.start.line === 8);
		assert.ok(target);
		const action = service.getCodeActions(uri('svc.yaml'), [target], settings()).find((a) => /line/i.test(a.title));
		const fixed = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), action?.edit?.changes?.[uri('svc.yaml')] ?? []);
		assert.match(fixed, /# kubelore-disable-next-line some-other-rule service-port-name-required\n {4}- \{ port: 80 \}/);
		assert.equal(fixed.split('kubelore-disable-next-line').length, 2, 'one comment');
	});

	it('keeps a CRLF file CRLF in every edit it offers', () => {
		const text = 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: web\r\nspec:\r\n  type: ExternalName\r\n  externalName: db.example.com\r\n  clusterIP: 10.0.0.1\r\n  selector:\r\n    app: web\r\n';
		const { service, uri } = workspace({ 'svc.yaml': text });
		const diagnostics = service.doValidation(uri('svc.yaml'), settings());
		const actions = service.getCodeActions(uri('svc.yaml'), diagnostics, settings());
		const inserted = actions.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat()).map((e) => e.newText);
		assert.ok(inserted.some((t) => t.includes('\n')), 'some edit writes a line');
		for (const t of inserted) assert.ok(!/(^|[^\r])\n/.test(t), `no bare LF in ${JSON.stringify(t)}`);
	});
});
