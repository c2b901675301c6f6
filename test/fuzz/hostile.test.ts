/*
 * The hostile files of hostileInputs.ts, written to a folder at test time, through the bundled
 * server and the command line: every answer within the bound, no crash, bounded memory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../util/service';
import { hostileInputs, hugeFrontMatterNote } from './hostileInputs';
import { startSession, thrownErrors } from './session';

/** Peak memory allowed to the server or the command line on these inputs. */
const MAX_RSS_MB = 1024;
const CLI_TIMEOUT_MS = 120_000;
/**
 * All diagnostics of a whole hostile file (15,000 findings, 50,000 documents) is linear work that
 * may take seconds on a shared machine; it runs in slices, so the bound that matters is that of
 * the hover asked for meanwhile in another file, which is SLOW_MS.
 */
const WHOLE_FILE_MS = Number(process.env.KUBELORE_FUZZ_WHOLE_FILE_MS ?? 30_000);
const SMALL = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: small\nspec:\n  selector: { app: small }\n';

function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('hostile files', () => {
	const folder = mkdtempSync(join(tmpdir(), 'kubelore-hostile-'));
	const inputs = hostileInputs();
	for (const input of inputs) writeFileSync(join(folder, input.name), input.text);
	mkdirSync(join(folder, 'notes'));
	writeFileSync(join(folder, 'notes', 'huge.md'), hugeFrontMatterNote(25_000));
	writeFileSync(join(folder, 'notes', 'bomb.md'), `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nid: bomb\n---\n# Bomb\n`);
	writeFileSync(join(folder, 'notes', 'good.md'), '# Our network\n\nWe run Calico in every cluster and rely on its NetworkPolicy support.\n');
	after(() => rmSync(folder, { recursive: true, force: true }));

	it('the server answers each one within the bound, with clear messages and bounded memory', async () => {
		const session = await startSession([pathToFileURL(folder).toString()], { knowledge: { paths: ['notes'] } });
		try {
			await session.client.until(() => session.client.logs.some((l) => /indexed \d+ files/.test(l)), 120_000);
			const small = pathToFileURL(join(folder, 'small.yaml')).toString();
			await session.notify('textDocument/didOpen', { textDocument: { uri: small, languageId: 'yaml', version: 1, text: SMALL } });
			for (const input of inputs) {
				const uri = pathToFileURL(join(folder, input.name)).toString();
				await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: input.text } });
				const start = performance.now();
				const pull = session.diagnostics(uri, WHOLE_FILE_MS);
				// Asked while the big file is being checked: answered in between its slices.
				const hover = await session.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 8 } });
				assert.ok(hover, 'the hover in the small file is answered');
				const diagnostics = (await pull) ?? [];
				const pulled = performance.now();
				await session.request('textDocument/hover', { textDocument: { uri }, position: input.hover });
				console.log(`hostile: ${input.name}: diagnostics ${Math.round(pulled - start)} ms (${diagnostics.length}), hover ${Math.round(performance.now() - pulled)} ms`);
				await session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: input.hover, end: input.hover }, context: { diagnostics: diagnostics.slice(0, 5) } });
				assert.ok(!diagnostics.some((d: Diagnostic) => /Maximum call stack/.test(JSON.stringify(d.message))), `${input.name}: no stack overflow shown`);
				if (input.name.startsWith('deep-')) assert.ok(diagnostics.some((d) => /nested more than 1000 levels/.test(JSON.stringify(d.message))), `${input.name}: depth is named`);
				await session.notify('textDocument/didClose', { textDocument: { uri } });
			}
			// The bad notes are reported by file and skipped; the good one still loads.
			await session.client.until(() => session.client.logs.some((l) => /team knowledge: .*huge\.md/.test(l)), 60_000);
			const knowledge = await session.request<{ notes: Record<string, { file: string }[]> }>('kubelore/knowledge', {});
			assert.ok(Object.values(knowledge?.notes ?? {}).some((list) => list.some((n) => n.file.endsWith('good.md'))), 'the good note loads');
			assert.ok(peakRssMb(session.client.process.pid!) < MAX_RSS_MB, 'server memory stays bounded');
			console.log(`hostile: slowest server answer ${session.slowest.ms} ms (${session.slowest.method}), peak ${Math.round(peakRssMb(session.client.process.pid!))} MB`);
		} finally {
			await session.stop();
		}
		assert.deepEqual(session.failures, []);
		assert.deepEqual(thrownErrors(session.client), []);
	});

	it('the command line lints the folder within the bound and bounded memory', () => {
		const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'peak-kb %M'] : [];
		const command = [...timer, process.execPath, join(ROOT, 'dist', 'cli.js'), 'lint', folder, '--format', 'json'];
		const start = performance.now();
		const run = spawnSync(command[0], command.slice(1), { timeout: CLI_TIMEOUT_MS, maxBuffer: 1 << 28 });
		const ms = Math.round(performance.now() - start);
		assert.ok(run.status === 0 || run.status === 1, `exit status 0 or 1, got ${run.status ?? run.signal}: ${run.stderr.toString().slice(-500)}`);
		const json = JSON.parse(run.stdout.toString()) as { files: unknown[] } | unknown[];
		assert.ok(json, 'the report is JSON');
		const peak = Number(/peak-kb (\d+)/.exec(run.stderr.toString())?.[1] ?? 0) / 1024;
		assert.ok(peak < MAX_RSS_MB, `command line memory ${peak} MB`);
		assert.ok(!/Maximum call stack/.test(run.stdout.toString()), 'no stack overflow shown');
		console.log(`hostile: command line ${ms} ms, peak ${Math.round(peak)} MB`);
	});
});
