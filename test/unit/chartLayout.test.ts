/*
 * Helm charts coming and going in a random order: which files are chart templates (isPartialFile),
 * and how their documents are read, are the same as in an index made at once from the files there
 * are at that step (the chart folders are looked up from each path, not tried one by one).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { random } from '../../bench/generate';
import { LAYOUT, WorkspaceIndex } from '../../server/src/service/workspace/index';

const ROOT = '/repo';

function shape(index: WorkspaceIndex, uri: string): unknown {
	return { partial: index.isPartialFile(uri), documents: index.getFile(uri)?.manifest.documents.map((d) => [d.kind, d.partialReason, d.resource?.name]) };
}

describe('the chart templates of the index', () => {
	it('are those of an index made at once from the same files, after every change', () => {
		const rnd = random(20261204);
		const dirs = ['a', 'a/charts/b', 'c', 'c/templates/d', 'e'];
		const files = dirs.flatMap((d) => ['Chart.yaml', 'templates/deploy.yaml', 'templates/sub/cm.yaml', 'plain.yaml'].map((f) => `${ROOT}/${d}/${f}`));
		const texts = new Map<string, string>();
		const index = new WorkspaceIndex([ROOT]);
		let templates = 0;
		for (let step = 0; step < 300; step++) {
			const path = files[Math.floor(rnd() * files.length)];
			const uri = URI.file(path).toString();
			const layout = index.changedAt(LAYOUT);
			if (rnd() < 0.3) {
				index.removeFile(uri);
				texts.delete(uri);
			} else {
				const text = path.endsWith('Chart.yaml') ? `apiVersion: v2\nname: c${step}\nversion: 0.1.0\n` : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${step}\n${rnd() < 0.3 ? 'data:\n  a: "{{ .Values.a }}"\n' : ''}`;
				index.setFile(uri, text, step, false);
				texts.set(uri, text);
				// A file in a chart folder moves the layout.
				if (index.chartFolders().some((c) => path.startsWith(`${c}/`))) assert.ok(index.changedAt(LAYOUT) > layout, `step ${step}`);
			}
			const fresh = new WorkspaceIndex([ROOT]);
			// Charts first, as a reading in any order ends: a template read before its Chart.yaml is read again when the chart comes.
			for (const [u, t] of [...texts].sort(([a], [b]) => Number(!a.endsWith('Chart.yaml')) - Number(!b.endsWith('Chart.yaml')))) fresh.setFile(u, t, 0, false);
			assert.deepEqual(index.chartFolders().sort(), fresh.chartFolders().sort(), `step ${step}`);
			for (const p of files) {
				const u = URI.file(p).toString();
				assert.deepEqual(shape(index, u), shape(fresh, u), `step ${step}: ${p}`);
				if (index.isPartialFile(u)) templates++;
			}
		}
		assert.ok(templates > 300, String(templates));
	});
});
