/*
 * The standing fuzz test: seeded random traffic against the bundled server, then the same final
 * texts in a fresh server; both must answer alike. KUBELORE_FUZZ_SEED and KUBELORE_FUZZ_MS
 * (time budget, default 70 s) make a run reproducible or longer.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../util/service';
import { Fuzzer } from './fuzzer';
import { canonical, startSession, thrownErrors, type Session } from './session';

const SEED = Number(process.env.KUBELORE_FUZZ_SEED ?? 20261202);
const BUDGET_MS = Number(process.env.KUBELORE_FUZZ_MS ?? 70_000);
/** How long the incremental server may take to settle after the last event (it reads the disk in the background). */
const SETTLE_MS = 20_000;

/** A workspace of real manifests (the valid fixtures) and a second folder added at run time. */
function makeWorkspace(): { root: string; base: string; extra: string } {
	const root = mkdtempSync(join(tmpdir(), 'kubelore-fuzz-'));
	cpSync(join(ROOT, 'test', 'fixtures', 'valid'), join(root, 'base'), { recursive: true });
	writeFileSync(join(root, 'base', '.kubelore.yaml'), 'kubernetesVersion: "1.30"\nstorageClasses: [fast]\n');
	mkdirSync(join(root, 'extra'));
	writeFileSync(join(root, 'extra', 'pods.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx, ports: [{ name: http, containerPort: 80 }] }]\n');
	return { root, base: pathToFileURL(join(root, 'base')).toString(), extra: pathToFileURL(join(root, 'extra')).toString() };
}

/** Differences between the incremental server and a fresh one opened on the same folders and texts. */
async function compareWithFresh(incremental: Session, fuzzer: Fuzzer): Promise<string[]> {
	const fresh = await startSession([...fuzzer.folders]);
	try {
		await fresh.client.until(() => fresh.client.logs.some((l) => /indexed \d+ files/.test(l)), 60_000);
		for (const doc of fuzzer.open.values()) await fresh.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId: 'yaml', version: 1, text: doc.getText() } });
		const differences: string[] = [];
		for (const doc of fuzzer.open.values()) {
			const expected = canonical(await fresh.diagnostics(doc.uri));
			const hoverAt = doc.positionAt(Math.floor(doc.getText().length / 2));
			const expectedHover = JSON.stringify(await fresh.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: hoverAt }));
			// The incremental server reads changed files in the background: wait until it settles, or give up.
			const deadline = Date.now() + SETTLE_MS;
			let actual = '';
			let actualHover = '';
			for (;;) {
				actual = canonical(await incremental.diagnostics(doc.uri));
				actualHover = JSON.stringify(await incremental.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: hoverAt }));
				if ((actual === expected && actualHover === expectedHover) || Date.now() > deadline) break;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			if (actual !== expected) differences.push(`${fuzzer.name(doc.uri)}: diagnostics differ\n  incremental: ${actual.slice(0, 600)}\n  fresh:       ${expected.slice(0, 600)}`);
			if (actualHover !== expectedHover) differences.push(`${fuzzer.name(doc.uri)}: hover differs at ${JSON.stringify(hoverAt)}`);
		}
		differences.push(...fresh.failures, ...thrownErrors(fresh.client));
		return differences;
	} finally {
		await fresh.stop();
	}
}

describe('fuzzing the server', () => {
	const { root, base, extra } = makeWorkspace();
	after(() => rmSync(root, { recursive: true, force: true }));

	it(`random edits, close and reopen, disk and folder events agree with a fresh server (seed ${SEED})`, async () => {
		const session = await startSession([base]);
		const fuzzer = new Fuzzer(session, base, extra, SEED);
		let comparisons = 0;
		const mismatches: string[] = [];
		try {
			await session.client.until(() => session.client.logs.some((l) => /indexed \d+ files/.test(l)), 60_000);
			const start = Date.now();
			// Checkpoints share the budget: about one comparison per fifth of it, and one at the end.
			let nextCheck = start + BUDGET_MS / 5;
			let steps = 0;
			while (Date.now() - start < BUDGET_MS * 0.8) {
				await fuzzer.step();
				steps++;
				if (Date.now() > nextCheck) {
					mismatches.push(...(await compareWithFresh(session, fuzzer)));
					comparisons++;
					nextCheck = Date.now() + BUDGET_MS / 5;
				}
			}
			mismatches.push(...(await compareWithFresh(session, fuzzer)));
			comparisons++;
			console.log(`fuzz: seed ${SEED}, ${steps} steps ${JSON.stringify(fuzzer.counts)}, ${comparisons} comparisons, slowest answer ${session.slowest.ms} ms (${session.slowest.method})`);
		} finally {
			await session.stop();
		}
		assert.deepEqual(session.failures, [], 'no failed or slow request');
		assert.deepEqual(thrownErrors(session.client), [], 'no error thrown in the server');
		assert.deepEqual(mismatches, [], 'the incremental state is the fresh state');
	});
});
