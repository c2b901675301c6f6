/*
 * Cross-resource findings are kept between edits (Rule.reads, WorkspaceIndex.changedAt): after
 * every random change, the diagnostics of a long-lived index and service must be exactly those of
 * a fresh index and a fresh graph over the same texts (messages, ranges, related places, fixes).
 * KUBELORE_CACHE_SEED and KUBELORE_CACHE_STEPS reproduce or lengthen a run.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { crossReferenced, random } from '../../bench/generate';
import { forgetValidation, validate } from '../../server/src/service/features/validation';
import { RULES } from '../../server/src/service/rules/index';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { FOLDER, realGraph, realSchemaCatalog, ROOT, settings } from '../util/service';

const SEED = Number(process.env.KUBELORE_CACHE_SEED ?? 20261202);
const STEPS = Number(process.env.KUBELORE_CACHE_STEPS ?? 120);
const RULE_FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');
const OPTIONS = { docsBase: 'file:///docs/rules', schemas: realSchemaCatalog() };

/** The fixtures of the cross-resource rules, a cross-referenced workspace cut in files, and a CNI install. */
function startingFiles(): Map<string, string> {
	const files = new Map<string, string>();
	addCni(files);
	for (const rule of RULES.filter((r) => !r.local)) files.set(`rules/${rule.id}.yaml`, readFileSync(join(RULE_FIXTURES, `${rule.id}.yaml`), 'utf8'));
	const shop = crossReferenced(900).split(/^(?=---\n)/m);
	const third = Math.ceil(shop.length / 3);
	for (let i = 0; i < 3; i++) files.set(`shop/part-${i}.yaml`, shop.slice(i * third, (i + 1) * third).join('').replace(/^---\n/, ''));
	return files;
}

function addCni(files: Map<string, string>, plugin = 'cni-calico'): void {
	for (const name of readdirSync(join(ROOT, 'test', 'fixtures', 'valid', plugin))) {
		files.set(`cni/${name}`, readFileSync(join(ROOT, 'test', 'fixtures', 'valid', plugin, name), 'utf8'));
	}
}

/** A workspace that shows one CNI plugin, so that the profile's findings name the file and line of its evidence. */
function profileFiles(plugin: string): Map<string, string> {
	const files = new Map<string, string>();
	addCni(files, plugin);
	for (const id of ['cni-resource-mismatch', 'network-policy-not-enforced']) {
		files.set(`rules/${id}.yaml`, readFileSync(join(RULE_FIXTURES, `${id}.yaml`), 'utf8'));
	}
	return files;
}

/** Words edits swap in: names, labels, kinds and classes the rules look at. */
const WORDS = ['web', 'api', 'db', 'app-1', 'app-2', 'config-1', 'config-2', 'data', 'data-1', 'fast', 'slow', 'class-1', 'gvisor', 'calico', 'shop', 'default'];
const KINDS = ['Service', 'Deployment', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'StatefulSet', 'Ingress', 'RuntimeClass', 'DaemonSet', 'ConstraintTemplate', 'Endpoints'];
const PIECES = ['\n', '  ', '- ', ': ', '#', 'x', '---\n', '{{ .Values.x }}', 'app: web\n', 'name: web\n', 'kind: Service\n', 'namespace: shop\n', '[', '"'];

function canonical(diagnostics: Diagnostic[]): string {
	return JSON.stringify(diagnostics);
}

describe('cross-resource findings kept between edits', () => {
	it(`agree with a fresh index after random edits, renames and deletes (seed ${SEED})`, () => differential(startingFiles(), STEPS, []));
	it(`agree with a fresh index where the cluster profile names its evidence (seed ${SEED})`, () => {
		differential(profileFiles('cni-calico'), STEPS, ['cni-resource-mismatch']);
		differential(profileFiles('cni-flannel'), STEPS, ['network-policy-not-enforced']);
	});
});

function differential(files: Map<string, string>, steps: number, mustSee: string[]): void {
	{
		const rnd = random(SEED);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
		const uri = (path: string) => `file://${FOLDER}/${path}`;
		const removed = new Map<string, string>();
		const graph = realGraph();
		const index = new WorkspaceIndex([FOLDER]);
		let version = 1;
		for (const [path, text] of files) index.setFile(uri(path), text, version, true);
		const stepKinds: Record<string, number> = {};
		let compared = 0;
		let reused = 0;
		const codes = new Set<string>();

		const change = (): string => {
			const r = rnd();
			if (r < 0.05 && files.size > 3) {
				const path = pick([...files.keys()]);
				removed.set(path, files.get(path)!);
				files.delete(path);
				index.removeFile(uri(path));
				forgetValidation(uri(path));
				return 'delete file';
			}
			if (r < 0.1 && removed.size > 0) {
				const path = pick([...removed.keys()]);
				files.set(path, removed.get(path)!);
				removed.delete(path);
				index.setFile(uri(path), files.get(path)!, ++version, true);
				return 'add file back';
			}
			const path = pick([...files.keys()]);
			const text = files.get(path)!;
			const lines = text.split('\n');
			const line = Math.floor(rnd() * lines.length);
			let next: string;
			let what: string;
			const s = rnd();
			if (s < 0.45) {
				// A name, label value, selector, claim or class becomes another value written somewhere in the workspace.
				const value = /^(\s*(?:-\s+)?[\w./-]+:\s+)([\w.-]+)(\s*)$/;
				const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => value.test(l));
				const words = [...new Set([...files.values()].flatMap((t) => [...t.matchAll(/^\s*(?:-\s+)?(?:name|app|claimName|storageClassName|serviceName|runtimeClassName|namespace): ([\w.-]+)\s*$/gm)].map((m) => m[1])))];
				if (candidates.length && words.length) {
					const { i } = pick(candidates);
					lines[i] = lines[i].replace(value, `$1${rnd() < 0.8 ? pick(words) : pick(WORDS)}$3`);
				}
				next = lines.join('\n');
				what = 'change a value';
			} else if (s < 0.55) {
				const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^kind: /.test(l));
				if (candidates.length) lines[pick(candidates).i] = `kind: ${pick(KINDS)}`;
				next = lines.join('\n');
				what = 'change a kind';
			} else if (s < 0.68) {
				lines.splice(line, 0, pick(['', '# note', '# note', '---', 'x: 1', '  extra: 1']));
				next = lines.join('\n');
				what = 'insert a line';
			} else if (s < 0.74) {
				lines.splice(line, 1 + Math.floor(rnd() * 2));
				next = lines.join('\n');
				what = 'delete lines';
			} else if (s < 0.8) {
				const at = Math.floor(rnd() * (text.length + 1));
				next = text.slice(0, at) + pick(PIECES) + text.slice(at);
				what = 'insert characters';
			} else if (s < 0.84) {
				const at = Math.floor(rnd() * text.length);
				next = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
				what = 'delete characters';
			} else {
				// A whole document moves to the top: every other one shifts, none changes.
				const docs = text.split(/^(?=---\n)/m);
				const moved = docs.splice(Math.floor(rnd() * docs.length), 1)[0];
				next = [moved.startsWith('---\n') ? moved : `---\n${moved}`, ...docs].join('');
				what = 'move a document';
			}
			files.set(path, next);
			index.setFile(uri(path), next, ++version, true);
			return what;
		};

		// Most steps validate a few files, so that kept findings live through several changes.
		for (let step = 0; step < steps; step++) {
			const what = change();
			stepKinds[what] = (stepKinds[what] ?? 0) + 1;
			const all = step % 8 === 7 || step === steps - 1;
			const checked = all ? [...files.keys()] : [...files.keys()].filter(() => rnd() < 0.3);
			if (checked.length === 0) continue;
			const fresh = new WorkspaceIndex([FOLDER]);
			for (const [path, text] of files) fresh.setFile(uri(path), text, 1, true);
			const freshGraph = realGraph();
			for (const path of checked) {
				const s = settings();
				const kept = validate(uri(path), index, graph, s, OPTIONS);
				const expected = validate(uri(path), fresh, freshGraph, s, OPTIONS);
				assert.equal(canonical(kept), canonical(expected), `step ${step} (${what}): ${path} differs from a fresh index`);
				compared++;
				if (kept.some((d) => d.relatedInformation?.length)) reused++;
				for (const d of kept) codes.add(String(d.code));
			}
		}
		assert.ok(compared > steps, `compared ${compared} files`);
		assert.ok(reused > 0, 'some compared diagnostics carry related places');
		console.log(`cross cache: seed ${SEED}, ${steps} steps ${JSON.stringify(stepKinds)}, ${compared} files compared`);
		console.log(`cross cache: cross-resource rules seen: ${RULES.filter((r) => !r.local && codes.has(r.id)).map((r) => r.id).join(' ')}`);
		for (const id of mustSee) assert.ok(codes.has(id), `${id} reported something`);
	}
}
