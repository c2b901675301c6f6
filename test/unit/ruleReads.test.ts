/*
 * Validation keeps a cross-resource rule's findings while the kinds it declares in `reads` stand
 * still, so a rule that looks a kind up without declaring it would keep stale findings. Every
 * rule runs here over the rule fixtures and the valid workspaces with an index that records each
 * kind asked for (the index generation is bumped before each run, so that no cache of a helper
 * hides a look-up), and each kind must be declared.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { crossReferenced } from '../../bench/generate';
import { RULES } from '../../server/src/service/rules/index';
import type { Rule } from '../../server/src/service/rules/types';
import type { Settings } from '../../server/src/service/settings';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { Scope } from '../../server/src/service/workspace/scope';
import { readFixtureSettings } from '../util/fixtures';
import { FOLDER, realGraph, realSchemaCatalog, ROOT, settings } from '../util/service';

/** Workspaces to run the rules over: each rule fixture alone, each valid workspace, a generated one. */
function workspaces(): { name: string; files: Map<string, string>; settings: Settings }[] {
	const out: { name: string; files: Map<string, string>; settings: Settings }[] = [];
	const rules = join(ROOT, 'test', 'fixtures', 'rules');
	for (const name of readdirSync(rules).filter((f) => f.endsWith('.yaml'))) {
		const text = readFileSync(join(rules, name), 'utf8');
		out.push({ name, files: new Map([[name, text]]), settings: settings(readFixtureSettings(text)) });
	}
	const valid = join(ROOT, 'test', 'fixtures', 'valid');
	for (const name of readdirSync(valid)) {
		const files = new Map<string, string>();
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir)) {
				const path = join(dir, entry);
				if (statSync(path).isDirectory()) walk(path);
				else if (/\.ya?ml$/.test(entry)) files.set(relative(valid, path), readFileSync(path, 'utf8'));
			}
		};
		walk(join(valid, name));
		out.push({ name, files, settings: settings() });
	}
	out.push({ name: 'crossReferenced', files: new Map([['shop.yaml', crossReferenced(1500)]]), settings: settings() });
	return out;
}

/** What a rule that declares `Kind:names` may read of the resources of that kind. */
const NAME_FIELDS = new Set<string | symbol>(['name', 'namespace', 'kind', 'apiVersion']);

/**
 * The kinds each rule asked the index for, over every resource of every workspace, and the fields
 * it read of resources whose kind it declares as `Kind:names` only (as `Kind.field`).
 */
function kindsAskedFor(): Map<Rule, Set<string>> {
	const graph = realGraph();
	const asked = new Map<Rule, Set<string>>(RULES.map((r) => [r, new Set<string>()]));
	for (const { files, settings } of workspaces()) {
		const index = new WorkspaceIndex([FOLDER]);
		for (const [path, text] of files) index.setFile(`file://${FOLDER}/${path}`, text, 1, true);
		let record: Set<string> | undefined;
		let running: Rule | undefined;
		for (const method of ['ofKind', 'named'] as const) {
			const original = index[method].bind(index) as (kind: string, name?: string) => ReturnType<WorkspaceIndex['ofKind']>;
			const answer = (kind: string, name?: string) => {
				record?.add(kind);
				const found = original(kind, name);
				const seen = record;
				if (!seen || !running?.reads?.includes(`${kind}:names`) || running.reads.includes(kind)) return found;
				return found.map((e) => ({
					...e,
					resource: new Proxy(e.resource, {
						get: (target, field) => {
							if (!NAME_FIELDS.has(field)) seen.add(`${kind}.${String(field)}`);
							return Reflect.get(target, field) as unknown;
						},
					}),
				}));
			};
			Object.defineProperty(index, method, { value: answer });
		}
		for (const uri of index.uris) {
			const file = index.getFile(uri)!;
			for (const document of file.manifest.documents) {
				if (!document.resource) continue;
				const entry = { uri, document, resource: document.resource };
				for (const rule of RULES) {
					if (rule.kinds && !rule.kinds.includes(document.resource.kind)) continue;
					index.generation++;
					record = asked.get(rule);
					running = rule;
					try {
						rule.check({ entry, file, index, graph, settings, scope: new Scope(index, entry, settings), schemas: realSchemaCatalog() });
					} catch {
						// validation drops what a rule throws; what it asked for before still counts
					}
					record = undefined;
					running = undefined;
				}
			}
		}
	}
	return asked;
}

describe('rules declare what they read', () => {
	const asked = kindsAskedFor();

	it('every cross-resource rule says what it reads (rules without it run after every change)', () => {
		assert.deepEqual(RULES.filter((r) => !r.local && !r.reads).map((r) => r.id), []);
	});

	it('a local rule asks the index for nothing', () => {
		for (const rule of RULES.filter((r) => r.local)) assert.deepEqual([...asked.get(rule)!], [], rule.id);
	});

	for (const rule of RULES.filter((r) => !r.local && r.reads && !r.reads.includes('*'))) {
		it(`${rule.id} asks only for the kinds it declares`, () => {
			const undeclared = [...asked.get(rule)!].filter((kind) => !rule.reads!.includes(kind) && !rule.reads!.includes(`${kind}:names`));
			// `Kind.field`: a field read of a kind declared by its names only.
			assert.deepEqual(undeclared, [], `${rule.id} reads ${undeclared.join(', ')} without declaring it`);
		});
	}

	it('the recording sees look-ups (the rules that read kinds are caught reading them)', () => {
		const service = RULES.find((r) => r.id === 'service-node-port-invalid')!;
		const claims = RULES.find((r) => r.id === 'pvc-claim-missing')!;
		assert.ok(asked.get(service)!.has('Service'));
		assert.ok(asked.get(claims)!.has('PersistentVolumeClaim'));
	});
});
