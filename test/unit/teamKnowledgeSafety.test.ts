import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { entryBodyHtml } from '../../client/src/entryHtml';
import { loadTeamKnowledge, MAX_FRONT_MATTER_LINES, MAX_NOTE_BYTES } from '../../server/src/node/knowledge';
import type { Entity, GraphData } from '../../server/src/service/knowledge/types';
import { hugeFrontMatterNote } from '../fuzz/hostileInputs';

const BASE: GraphData = { version: 1, entities: [] };

function teamEntity(body: string): Entity {
	return {
		id: 'team-x',
		category: 'concept',
		title: { en: 'X', zh: 'X' },
		aliases: [],
		summary: { en: '', zh: '' },
		body: { en: body, zh: body },
		relations: [],
		facts: {},
		matches: {},
		docs: [],
		sources: [],
		mentions: [],
		file: 'notes/x.md',
		team: true,
	} as unknown as Entity;
}

describe('team knowledge cannot take the rest down', () => {
	const root = mkdtempSync(join(tmpdir(), 'kubelore-team-'));
	after(() => rmSync(root, { recursive: true, force: true }));

	it('skips a note with a huge front matter or body, and one that breaks the builder, naming each file; the others load', async () => {
		const folder = join(root, 'ws');
		mkdirSync(join(folder, 'notes'), { recursive: true });
		writeFileSync(join(folder, 'notes', 'huge.md'), hugeFrontMatterNote(MAX_FRONT_MATTER_LINES + 10));
		writeFileSync(join(folder, 'notes', 'large.md'), `# Large\n\n${'word '.repeat(MAX_NOTE_BYTES / 4)}\n`);
		writeFileSync(join(folder, 'notes', 'bomb.md'), '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nid: bomb\n---\n# Bomb\n');
		writeFileSync(join(folder, 'notes', 'good.md'), '---\nid: our-mesh\ntitle: { en: Our mesh, zh: 我们的网格 }\ncategory: concept\n---\n# Our mesh\n\nThe mesh every team uses.\n');
		const team = await loadTeamKnowledge(folder, ['notes'], BASE);
		const problemFiles = team.problems.map((p) => p.file).join(' ');
		assert.match(problemFiles, /huge\.md/);
		assert.match(problemFiles, /large\.md/);
		assert.match(problemFiles, /bomb\.md/);
		assert.ok(team.entities.some((e) => e.id === 'our-mesh'), `the good note loads (problems: ${JSON.stringify(team.problems)})`);
	});

	it('reads a knowledge folder outside the workspace folder only when allowed', async () => {
		const outside = join(root, 'elsewhere');
		mkdirSync(outside, { recursive: true });
		writeFileSync(join(outside, 'n.md'), '---\nid: outside-note\ntitle: { en: Outside, zh: 外面 }\ncategory: concept\n---\n# Outside\n\nText.\n');
		const folder = join(root, 'ws2');
		mkdirSync(folder, { recursive: true });
		for (const path of ['../elsewhere', outside]) {
			const refused = await loadTeamKnowledge(folder, [path], BASE);
			assert.deepEqual(refused.entities, []);
			assert.match(refused.problems[0]?.message ?? '', /outside the workspace folder/);
			const allowed = await loadTeamKnowledge(folder, [path], BASE, { allowOutside: true });
			assert.ok(allowed.entities.some((e) => e.id === 'outside-note'));
		}
	});
});

describe('the entry view sanitiser', () => {
	it('drops command links in every markdown form from a team entry', () => {
		const body = [
			'[inline](command:workbench.action.terminal.new)',
			'[reference][r]',
			'<command:workbench.action.terminal.new>',
			'[spaced]( command:evil )',
			'[cased](COMMAND:evil)',
			'[encoded](command%3Aevil)',
			'',
			'[r]: command:workbench.action.terminal.new',
		].join('\n\n');
		const html = entryBodyHtml(teamEntity(body), { byId: new Map(), notes: [], language: 'en', canGoBack: false });
		assert.doesNotMatch(html, /href="[^"]*command/i, 'no link into a command');
		assert.match(html, /inline/, 'the text stays');
		const web = entryBodyHtml(teamEntity('[docs](https://kubernetes.io/docs/)'), { byId: new Map(), notes: [], language: 'en', canGoBack: false });
		assert.match(web, /href="https:\/\/kubernetes\.io\/docs\/"/, 'web links stay');
	});
});
