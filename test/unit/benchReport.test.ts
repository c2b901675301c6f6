import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { crossReferenced } from '../../bench/generate';
import { cliTargets, measureKey, previousSingleFile, readSection, validationTargets } from '../../bench/sections';
import { previousFigures, targetsTable, verdict } from '../../bench/targets';

describe('the benchmark', () => {
	it("generates issue 17's cross-referenced input: 10,000 lines, 208 documents whose references all resolve", () => {
		const text = crossReferenced(10000);
		const docs = parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown> });
		assert.ok(Math.abs(text.split('\n').length - 10000) < 200, `${text.split('\n').length} lines`);
		assert.equal(docs.length, 208);
		const names = (kind: string) => new Set(docs.filter((d) => d.kind === kind).map((d) => d.metadata.name));
		assert.deepEqual([...new Set(docs.map((d) => d.kind))].sort(), ['ConfigMap', 'Deployment', 'PersistentVolumeClaim', 'Service']);
		const configMaps = names('ConfigMap');
		const claims = names('PersistentVolumeClaim');
		const refs = [...text.matchAll(/configMap(?:KeyRef|Ref)?:\n\s+name: (\S+)/g)].map((m) => m[1]);
		// per Deployment: two containers of three keys and one configMapRef each, and one volume
		assert.equal(refs.length, 52 * 9);
		assert.deepEqual(refs.filter((r) => !configMaps.has(r)), []);
		const claimRefs = [...text.matchAll(/claimName: (\S+)/g)].map((m) => m[1]);
		assert.equal(claimRefs.length, 52);
		assert.deepEqual(claimRefs.filter((r) => !claims.has(r)), []);
		// each ConfigMap is read 7 times by its own Deployment and twice by its neighbour's
		for (const name of configMaps) assert.equal(refs.filter((r) => r === name).length, 9, name);
		for (const service of docs.filter((d) => d.kind === 'Service')) {
			const selector = service.spec?.selector as Record<string, string>;
			assert.ok(docs.some((d) => d.kind === 'Deployment' && d.metadata.labels?.app === selector.app), service.metadata.name);
		}
	});

	it("reads the command line's section into issue 18's targets, and says what it did not measure", () => {
		const markdown = `# Benchmarks\n\n## Command line at CI scale\n\ntext\n\n| measure | wall | CPU | peak RSS | |\n|---|---|---|---|---|\n| 5,000 files: one run | 4.10 s | 6.00 s | 260 MB |  |\n| 50,000 files: one run | 40.00 s | 50.00 s | 900 MB |  |\n| 50,000 files: shard 1/4 with --index | 12.00 s | 9.00 s | 300 MB | x |\n| 50,000 files: shard 2/4 with --index | 14.00 s | 9.00 s | 300 MB | x |\n\n## Targets\n`;
		const section = readSection(markdown, 'Command line at CI scale');
		assert.ok(section?.endsWith('| x |'));
		const targets = cliTargets(section);
		const byWhat = (what: RegExp) => targets.find((t) => what.test(t.what))!;
		assert.equal(verdict(byWhat(/one `kubelore lint` run/)), 'met');
		assert.equal(verdict(byWhat(/peak RSS/)), 'missed');
		assert.equal(verdict(byWhat(/cached rerun/)), 'not measured');
		assert.equal(byWhat(/shard 1\/4/).figure, 0.3);
		assert.equal(verdict(byWhat(/shard 2\/4/)), 'missed');
		assert.equal(verdict(byWhat(/shard 4\/4/)), 'not measured');
		assert.ok(cliTargets(undefined).every((t) => verdict(t) === 'not measured'));
	});

	it("reads issue 14's figures from the validation benchmark's output", () => {
		const output = 'open -> diagnostics, 10044 lines (least of 15, interleaved): validation off 100 ms, on 125 ms: +25%\nedit -> diagnostics, 50096 lines, p95 of 20: validation off 40 ms, on 45 ms\n';
		const [share, edit] = validationTargets(output);
		assert.equal(Math.round(share.figure), 25);
		assert.equal(verdict(share), 'missed');
		assert.equal(edit.figure, 45);
		assert.equal(verdict(edit), 'met');
		assert.ok(validationTargets('changed output').every((t) => verdict(t) === 'not measured'));
	});

	it('finds the figures of the run before, in this layout and in the layout of earlier runs', () => {
		const older = '## Single file\n\n| lines | measure | KubeLore | yaml-language-server | by |\n|---|---|---|---|---|\n| 10044 | didOpen to first diagnostics | 210 ms | 687 ms | 3.3x |\n| 10044 | hover p95 | 3.38 ms | 2.09 ms | 0.6x |\n';
		const before = previousSingleFile(older);
		assert.equal(before.get(measureKey(10044, 'didOpen to first diagnostics, cold: a fresh server (median of 3)')), '210 ms');
		assert.equal(before.get(measureKey(10044, 'hover p95, the first hover included')), '3.38 ms');
		const table = targetsTable([{ issue: '17.1', what: 'open', figure: 120, limit: 150, unit: 'ms' }]);
		assert.match(table, /\| 17\.1 \| open \| ≤ 150 ms \| 120 ms \| - \| met \|/);
		assert.equal(previousFigures(`# B\n\n## Targets\n\n${table}`).get('17.1 open'), '120 ms');
	});

	it('counts a measurement abandoned at its time limit as missed, and one not made as not measured', () => {
		assert.equal(verdict({ issue: '12.1', what: 'x', figure: Infinity, limit: 1000, unit: 'ms' }), 'missed');
		assert.equal(verdict({ issue: '12.1', what: 'x', figure: NaN, limit: 1000, unit: 'ms' }), 'not measured');
		assert.match(targetsTable([{ issue: '12.1', what: 'x', figure: Infinity, limit: 1000, unit: 'ms' }]), /not done in the time allowed \| - \| \*\*missed\*\*/);
	});
});
