/*
 * Diagnostics sent without their fixes (fixesOnRequest, as the server sends them) give the same
 * code actions as diagnostics that carry them: differential, over every rule fixture, each also
 * with CRLF line ends, the valid workspaces, and a fix that edits another file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/service';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { FOLDER, realGraph, realSchemas, ROOT, settings } from '../util/service';

type Files = Record<string, string>;

function service(files: Files, fixesOnRequest: boolean) {
	const index = new WorkspaceIndex([FOLDER]);
	for (const [path, text] of Object.entries(files)) index.setFile(`file://${FOLDER}/${path}`, text, 1, true);
	return createLanguageService({ index, graph: realGraph(), docsBase: 'file:///docs/rules', schemas: realSchemas(), fixesOnRequest });
}

/** An action as the client applies it: the diagnostics it names are compared without their data. */
function comparable(action: CodeAction): unknown {
	return { ...action, diagnostics: action.diagnostics?.map(withoutData) };
}

function withoutData(d: Diagnostic): Diagnostic {
	const copy = { ...d };
	delete copy.data;
	return copy;
}

/** Compares both ways on every file; returns how many rule fixes (not suppressions) were compared. */
function compare(files: Files): number {
	const s = settings();
	const inline = service(files, false);
	const onRequest = service(files, true);
	let fixes = 0;
	for (const path of Object.keys(files)) {
		const uri = `file://${FOLDER}/${path}`;
		const withData = inline.doValidation(uri, s);
		const without = onRequest.doValidation(uri, s);
		assert.deepEqual(without, withData.map(withoutData), `${path}: the same diagnostics, without data`);
		for (const d of without) assert.equal(d.data, undefined);
		for (const [i, d] of without.entries()) {
			const expected = inline.getCodeActions(uri, [withData[i]], s).map(comparable);
			// Twice: a request may carry the diagnostics as the client keeps them, with other ones beside.
			assert.deepEqual(onRequest.getCodeActions(uri, [d], s).map(comparable), expected, `${path}: actions of ${d.code} at line ${d.range.start.line}`);
			fixes += expected.filter((a) => !(a as CodeAction).title.startsWith('Suppress')).length;
		}
		if (without.length > 1) {
			const all = inline.getCodeActions(uri, withData, s).map(comparable);
			assert.deepEqual(onRequest.getCodeActions(uri, without, s).map(comparable), all, `${path}: the actions of every diagnostic at once`);
		}
	}
	return fixes;
}

function folderFiles(dir: string): Files {
	const files: Files = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.ya?ml$/.test(name)) files[relative(dir, path)] = readFileSync(path, 'utf8');
		}
	};
	walk(dir);
	return files;
}

describe('fixes worked out on request match the fixes diagnostics carry', () => {
	const rules = join(ROOT, 'test', 'fixtures', 'rules');

	it('on every rule fixture, with LF and with CRLF line ends', () => {
		let fixes = 0;
		for (const name of readdirSync(rules).filter((n) => n.endsWith('.yaml'))) {
			const text = readFileSync(join(rules, name), 'utf8');
			fixes += compare({ [name]: text });
			fixes += compare({ [name]: text.replace(/\r?\n/g, '\r\n') });
		}
		// The fixtures hold findings with fixes of their own: the comparison is not of empty lists.
		assert.ok(fixes > 20, `rule fixes compared: ${fixes}`);
	});

	it('on the valid workspaces, each read as one workspace', () => {
		const valid = join(ROOT, 'test', 'fixtures', 'valid');
		for (const name of readdirSync(valid)) if (statSync(join(valid, name)).isDirectory()) compare(folderFiles(join(valid, name)));
	});

	it('on a fix that edits another file, and on thousands of findings in one file', () => {
		const files = {
			'sts.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: { app: db }\n  template:\n    metadata:\n      labels: { app: db }\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n',
			'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector: { app: db }\n  ports:\n    - port: 5432\n',
		};
		assert.ok(compare(files) >= 1);
		const services = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  type: ExternalName\n  externalName: 10.0.0.${i % 250}\n  clusterIP: 10.0.0.1\n  selector: { app: a${i} }\n`);
		assert.ok(compare({ 'many.yaml': services.join('---\n') }) >= 600);
	});

	it('gives no rule fix for a diagnostic the file no longer has, only the suppressions', () => {
		const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  clusterIP: 10.0.0.1\n';
		const s = settings();
		const onRequest = service({ 'svc.yaml': text }, true);
		const uri = `file://${FOLDER}/svc.yaml`;
		const [d] = onRequest.doValidation(uri, s);
		assert.equal(d.code, 'service-external-name-misuse');
		assert.deepEqual(onRequest.getCodeActions(uri, [d], s).map((a) => a.title).filter((t) => !t.startsWith('Suppress')), ['Remove clusterIP']);
		const moved = { ...d, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } } };
		assert.deepEqual(onRequest.getCodeActions(uri, [moved], s).map((a) => a.title).filter((t) => !t.startsWith('Suppress')), []);
	});
});
