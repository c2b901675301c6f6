import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { glossaryHits, glossaryProblems } from '../../knowledge/build/glossary';
import { ROOT } from '../util/service';

/** Every file under a folder of the checkout whose name ends in one of `endings`. */
function filesUnder(folder: string, endings: string[]): string[] {
	const entries = readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile() && endings.some((end) => e.name.endsWith(end))).map((e) => join(e.parentPath ?? e.path, e.name));
}

describe('Chinese glossary', () => {
	it('finds the renderings the glossary replaces, with their lines, and leaves the chosen terms alone', () => {
		assert.deepEqual(glossaryHits('申领\n没有供给器处理它，动态供给失败'), [
			{ line: 2, found: '动态供给', use: '动态制备' },
			{ line: 2, found: '供给器', use: '制备器' },
		]);
		assert.deepEqual(glossaryHits('动态制备由制备器完成；持久卷申领使用存储类；控制平面；控制面板；标签选择算符'), []);
		assert.equal(glossaryHits('请修改标签选择器').at(0)?.use, '选择算符');
	});

	it('reports an entry that uses an avoided term, but not its aliases', () => {
		const entry = '---\nid: x\naliases: [名字空间, 叠加网络]\n---\n# zh\n名字空间把集群分成若干组资源。\n';
		const problems = glossaryProblems('x.md', entry);
		assert.deepEqual(problems.map((p) => [p.line, p.message.includes('命名空间')]), [[6, true]]);
	});

	it('no rule message, l10n text, view, rule page or entry uses a term the glossary replaces', () => {
		const files = [
			...filesUnder('server/src', ['.ts']),
			...filesUnder('client/src', ['.ts']),
			...filesUnder('docs', ['.md']),
			...filesUnder('knowledge/tables', ['.yaml']),
			join(ROOT, 'package.nls.zh-cn.json'),
			join(ROOT, 'README.md'),
		];
		assert.ok(files.some((f) => f.endsWith('pvcUnbindable.ts')) && files.some((f) => f.endsWith('pvc-unbindable.md')), 'rule code and rule pages are read');
		const found = files.flatMap((file) => glossaryHits(readFileSync(file, 'utf8')).map((h) => `${relative(ROOT, file)}:${h.line}: "${h.found}" (use "${h.use}")`));
		const entries = filesUnder('knowledge/entities', ['.md']).flatMap((file) => glossaryProblems(relative(ROOT, file), readFileSync(file, 'utf8')).map((p) => `${p.file}:${p.line}: ${p.message}`));
		assert.deepEqual([...found, ...entries], []);
	});
});
