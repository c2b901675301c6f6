import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate } from '../../server/src/service/features/validation';
import { RULES } from '../../server/src/service/rules/index';
import { WorkspaceIndex } from '../../server/src/service/workspace/index';
import { asMarker, key, readFixtureSettings, readMarkers } from '../util/fixtures';
import { FOLDER, realGraph, realSchemaCatalog, ROOT, settings } from '../util/service';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

describe('rules fire where their fixtures say, and nowhere else', () => {
	it('every rule has a fixture and every fixture a rule', () => {
		const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
		const ids = RULES.map((r) => r.id);
		assert.deepEqual(ids.filter((id) => !files.includes(id)), [], 'rules without a fixture');
		assert.deepEqual(files.filter((f) => !ids.includes(f)), [], 'fixtures without a rule');
		assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
	});

	const graph = realGraph();
	for (const rule of RULES) {
		const path = join(FIXTURES, `${rule.id}.yaml`);
		it(`${rule.id}: fires on its must-fire cases only`, () => {
			assert.ok(existsSync(path), `missing fixture ${path}`);
			const text = readFileSync(path, 'utf8');
			const expected = readMarkers(text).filter((m) => m.rule === rule.id);
			assert.ok(expected.length > 0, 'a fixture marks at least one must-fire case');
			const index = new WorkspaceIndex([FOLDER]);
			const uri = `file://${FOLDER}/fixture.yaml`;
			index.setFile(uri, text, 1, true);
			const lines = text.split('\n');
			for (const language of ['en', 'zh'] as const) {
				const found = validate(uri, index, graph, settings({ ...readFixtureSettings(text), language }), { rules: [rule], docsBase: 'file:///docs/rules', schemas: realSchemaCatalog() }).filter(
					(d) => d.code === rule.id,
				);
				const withSeverity = expected.some((e) => e.severity);
				assert.deepEqual(found.map((d) => key(asMarker(d, lines), withSeverity)).sort(), expected.map((e) => key(e, withSeverity)).sort());
				for (const d of found) {
					assert.ok(String(d.message).length > 20, 'messages say what, why and what to do');
					assert.equal(d.source, 'KubeLore');
					assert.match(d.codeDescription?.href ?? '', new RegExp(`${rule.id}\\.md$`));
					if (language === 'zh') assert.match(String(d.message), /[\u4e00-\u9fff]/, 'the Chinese message is Chinese');
				}
			}
		});
		it(`${rule.id}: has a documentation page in both languages`, () => {
			const page = join(ROOT, 'docs', 'rules', `${rule.id}.md`);
			assert.ok(existsSync(page), `missing ${page}`);
			const text = readFileSync(page, 'utf8');
			assert.match(text, /[\u4e00-\u9fff]/, 'the page has a Chinese part');
		});
	}
});
