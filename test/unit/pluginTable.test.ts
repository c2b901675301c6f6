import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { buildGraph, type Article } from '../../knowledge/build/builder';
import { pluginTableProblems } from '../../knowledge/build/pluginTable';
import type { Entity } from '../../server/src/service/knowledge/types';

const root = join(__dirname, '..', '..');

function entity(id: string, facts: Record<string, unknown>, body = ''): Entity {
	return { id, category: 'storage', title: { en: id, zh: id }, aliases: [], summary: { en: '', zh: '' }, body: { en: body, zh: body }, relations: [], facts, matches: {}, docs: [], sources: [], mentions: [], file: `${id}.md` } as Entity;
}

const TABLE = ['| Key | Provisioner | Driver | Deprecated | Removed | GA |', '|---|---|---|---|---|---|', '| `pwx` | kubernetes.io/pwx | pxd.example.com | 1.25 | 1.36 | 1.33 |', '| flex | none | write a CSI driver | 1.23 | not yet | none |', 'Older removals: old (1.16).'].join('\n');

test('a table row that disagrees with its plugin entry is reported, in each language', () => {
	const entities = [
		entity('in-tree-volume-plugins', { stillInTree: ['nfs'] }, TABLE),
		entity('pwx', { inTreePlugin: 'pwx', inTreeProvisioner: 'kubernetes.io/pwx', csiDriver: 'pxd.example.com', deprecatedIn: '1.25', removedIn: '1.35', csiMigrationGA: '1.33' }),
		entity('flex', { inTreePlugin: 'flex', deprecatedIn: '1.23' }),
		entity('old', { inTreePlugin: 'old', removedIn: '1.16' }),
		entity('nfs', { inTreePlugin: 'nfs' }),
	];
	const problems = pluginTableProblems(entities).map((p) => p.message);
	assert.deepEqual(problems, ['plugin table (en), pwx: removed "1.36" but the entry says "1.35" (pwx.md)', 'plugin table (zh), pwx: removed "1.36" but the entry says "1.35" (pwx.md)']);
});

test('a removed plugin missing from the table and from the text is reported; one still in tree is not', () => {
	const entities = [entity('in-tree-volume-plugins', { stillInTree: [] }, TABLE), entity('gone', { inTreePlugin: 'gone', removedIn: '1.20' }), entity('kept', { inTreePlugin: 'kept' })];
	const problems = pluginTableProblems(entities).map((p) => p.message);
	assert.ok(problems.some((m) => m.includes('gone (gone.md) is removed in 1.20')));
	assert.ok(problems.some((m) => m.includes('kept (kept.md) has no removal version and is not in stillInTree')));
	assert.ok(problems.some((m) => m.includes('no entry has inTreePlugin "pwx"')));
});

test('the knowledge base itself: the plugin table agrees with every plugin entry', () => {
	const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
	const files = walk(join(root, 'knowledge', 'entities')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
	const articles = parse(readFileSync(join(root, 'knowledge', 'sources.yaml'), 'utf8')) as Record<string, Article>;
	const { graph } = buildGraph(files, articles, { strict: true });
	const rows = graph.entities.find((e) => e.id === 'in-tree-volume-plugins');
	assert.ok(rows, 'the entry exists');
	assert.deepEqual(pluginTableProblems(graph.entities), []);
});
