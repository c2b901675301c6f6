import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../../server/src/cli/markdown';
import { createStyle, displayWidth, stripAnsi } from '../../server/src/cli/terminal';
import { truncate, wrapSpans } from '../../server/src/cli/wrap';

const plain = createStyle(false);
const colour = createStyle(true);

describe('markdown in a terminal', () => {
	it('wraps English at spaces and Chinese anywhere, within the width', () => {
		const en = wrapSpans([{ text: 'Calico gives pods routable addresses and distributes routes with BGP across the cluster.' }], 30);
		assert.ok(en.every((l) => displayWidth(l) <= 30), en.join('|'));
		assert.equal(en.join(' '), 'Calico gives pods routable addresses and distributes routes with BGP across the cluster.');
		const zh = wrapSpans([{ text: 'Calico 给 Pod 分配可路由的地址，用 BGP 分发路由。底层网络无法承载 Pod 路由时，可以启用封装。' }], 20);
		assert.ok(zh.length > 2);
		assert.ok(zh.every((l) => displayWidth(l) <= 20), zh.join('|'));
		assert.ok(zh.every((l) => !/^[，。]/.test(l)), 'closing punctuation never starts a line');
	});

	it('keeps a word whole across styles, and measures without escape codes', () => {
		const lines = wrapSpans([{ text: 'set ' }, { text: 'kind', paint: colour.cyan }, { text: ', then more words here' }], 9);
		assert.ok(lines.map(stripAnsi).includes('set kind,'), lines.map(stripAnsi).join('|'));
		assert.equal(truncate('一二三四五六', 7), '一二三…');
	});

	it('renders headings, lists, code, links and tables without markdown syntax', () => {
		const out = renderMarkdown(
			[
				'Intro with **bold**, `code` and a [link](https://example.com/x).',
				'',
				'## Pitfalls',
				'',
				'- first point',
				'- second point that is long enough to wrap onto another line in a narrow terminal',
				'',
				'| mode | meaning |',
				'|---|---|',
				'| RWO | one node reads and writes |',
				'| RWX | many nodes read and write |',
				'',
				'```yaml',
				'kind: Service',
				'```',
			].join('\n'),
			plain,
			50,
		);
		const lines = out.split('\n');
		assert.equal(lines[0], 'Intro with bold, `code` and a link');
		assert.ok(out.includes('<https://example.com/x>'));
		assert.ok(out.includes('Pitfalls\n────────'));
		assert.ok(out.includes('• first point\n• second point'));
		assert.ok(lines.some((l) => l.startsWith('  ') && !l.startsWith('    ')), 'a wrapped list item is indented under its text');
		assert.ok(out.includes('mode  meaning'));
		assert.ok(out.includes('RWO   one node reads and writes'));
		assert.ok(out.includes('    kind: Service'));
		assert.ok(lines.every((l) => displayWidth(l) <= 50), out);
		assert.doesNotMatch(out, /\*\*|\]\(|^#|\|---/m);
	});

	it('fits a wide table into the width by wrapping its cells', () => {
		const out = renderMarkdown(`| a | b |\n|---|---|\n| ${'word '.repeat(20)}| ${'other '.repeat(20)}|`, plain, 60);
		assert.ok(out.split('\n').every((l) => displayWidth(l) <= 60), out);
		assert.ok(out.split('\n').length > 4);
	});

	it('styles with escape codes only when colour is on', () => {
		const esc = String.fromCharCode(27);
		assert.ok(!renderMarkdown('## Title\n\n**bold**', plain, 40).includes(esc));
		assert.ok(renderMarkdown('## Title\n\n**bold**', colour, 40).includes(`${esc}[1m`));
	});
});
