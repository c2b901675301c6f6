/* Markdown for a terminal: headings, wrapped paragraphs, lists, tables, code; styles when colour is on. */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { displayWidth, type Style } from './terminal';
import { spanText, wrapSpans, type Span } from './wrap';

const md = new MarkdownIt({ html: false, linkify: false });

interface Block {
	/** Prefix of the first line and of the following ones (list markers, quotes). */
	first: string;
	rest: string;
}

/** Renders markdown as terminal text `width` columns wide. */
export function renderMarkdown(markdown: string, style: Style, width: number): string {
	const tokens = md.parse(markdown, {});
	const out: string[] = [];
	const stack: Block[] = [];
	const lists: { ordered: boolean; next: number }[] = [];
	const prefix = () => {
		const top = stack[stack.length - 1];
		return top ? { first: top.first, rest: top.rest } : { first: '', rest: '' };
	};
	const emit = (lines: string[]) => {
		const p = prefix();
		lines.forEach((line, i) => out.push(`${i === 0 ? p.first : p.rest}${line}`.trimEnd()));
		// After the first line of a list item, continue with the item's indentation.
		const top = stack[stack.length - 1];
		if (top) top.first = top.rest;
	};
	const gap = () => {
		if (out.length && out[out.length - 1] !== '') out.push('');
	};
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		const room = Math.max(20, width - displayWidth(prefix().rest));
		switch (token.type) {
			case 'heading_open': {
				gap();
				const text = spanText(inline(tokens[++i], style));
				emit([token.tag === 'h1' || token.tag === 'h2' ? style.bold(style.underline(text)) : style.bold(text)]);
				i++;
				if (!style.enabled && (token.tag === 'h1' || token.tag === 'h2')) emit(['─'.repeat(Math.min(displayWidth(text), room))]);
				break;
			}
			case 'paragraph_open':
				// Paragraphs of a tight list are hidden: its items follow each other without blank lines.
				if (!token.hidden) gap();
				emit(wrapSpans(inline(tokens[++i], style), room));
				i++;
				break;
			case 'bullet_list_open':
			case 'ordered_list_open':
				if (lists.length === 0) gap();
				lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
				break;
			case 'bullet_list_close':
			case 'ordered_list_close':
				lists.pop();
				break;
			case 'list_item_open': {
				const list = lists[lists.length - 1];
				const marker = list?.ordered ? `${list.next++}. ` : '• ';
				const outer = prefix().rest;
				stack.push({ first: outer + (list?.ordered ? marker : style.dim(marker)), rest: outer + ' '.repeat(marker.length) });
				break;
			}
			case 'list_item_close':
			case 'blockquote_close':
				stack.pop();
				break;
			case 'blockquote_open':
				gap();
				stack.push({ first: `${prefix().rest}${style.dim('│ ')}`, rest: `${prefix().rest}${style.dim('│ ')}` });
				break;
			case 'fence':
			case 'code_block':
				gap();
				emit(token.content.replace(/\n$/, '').split('\n').map((l) => `    ${style.cyan(l)}`));
				break;
			case 'hr':
				gap();
				emit([style.dim('─'.repeat(Math.min(room, 40)))]);
				break;
			case 'table_open':
				gap();
				i = renderTable(tokens, i, style, room, emit);
				break;
			case 'html_block':
				gap();
				emit(wrapSpans([{ text: token.content.replace(/<[^>]+>/g, '').trim() }], room));
				break;
		}
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The spans of an inline token: bold, italics, code and links styled; links keep their address. */
export function inline(token: Token | undefined, style: Style): Span[] {
	const spans: Span[] = [];
	const marks: ((t: string) => string)[] = [];
	const paint = () => (marks.length ? (t: string) => marks.reduceRight((acc, m) => m(acc), t) : undefined);
	let href: string | undefined;
	let linkText = '';
	for (const child of token?.children ?? []) {
		switch (child.type) {
			case 'text':
			case 'html_inline':
				spans.push({ text: child.content, paint: paint() });
				if (href !== undefined) linkText += child.content;
				break;
			case 'code_inline':
				spans.push({ text: style.enabled ? child.content : `\`${child.content}\``, paint: style.enabled ? style.cyan : undefined });
				if (href !== undefined) linkText += child.content;
				break;
			case 'softbreak':
				spans.push({ text: ' ' });
				break;
			case 'hardbreak':
				spans.push({ text: '\n' });
				break;
			case 'strong_open':
				marks.push(style.bold);
				break;
			case 'em_open':
				marks.push(style.italic);
				break;
			case 'strong_close':
			case 'em_close':
				marks.pop();
				break;
			case 'link_open':
				href = String(child.attrGet('href') ?? '');
				linkText = '';
				marks.push(style.underline);
				break;
			case 'link_close':
				marks.pop();
				// Our own entry links say nothing useful outside the editor; web links show where they go.
				if (href && /^https?:/.test(href) && href !== linkText) spans.push({ text: ` <${href}>`, paint: style.dim });
				href = undefined;
				break;
			case 'image':
				spans.push({ text: child.content || String(child.attrGet('alt') ?? '') });
				break;
		}
	}
	return spans;
}

/** Renders the table starting at `start`; returns the index of its closing token. */
function renderTable(tokens: Token[], start: number, style: Style, width: number, emit: (lines: string[]) => void): number {
	const rows: Span[][][] = [];
	let i = start;
	for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
		if (tokens[i].type === 'tr_open') rows.push([]);
		else if (tokens[i].type === 'inline') rows[rows.length - 1]?.push(inline(tokens[i], style));
	}
	if (rows.length === 0) return i;
	const columns = Math.max(...rows.map((r) => r.length));
	const natural = Array.from({ length: columns }, (_, c) => Math.max(3, ...rows.map((r) => displayWidth(spanText(r[c] ?? [])))));
	const widths = fitColumns(natural, width - 2 * (columns - 1));
	rows.forEach((row, r) => {
		const cells = widths.map((w, c) => wrapSpans(row[c] ?? [], w));
		const height = Math.max(...cells.map((c) => c.length));
		for (let line = 0; line < height; line++) {
			const text = cells.map((cell, c) => pad(cell[line] ?? '', widths[c])).join('  ');
			emit([r === 0 ? style.bold(text) : text]);
		}
		if (r === 0) emit([style.dim(widths.map((w) => '─'.repeat(w)).join('  '))]);
	});
	return i;
}

/** Column widths that fit `room`: the widest columns give way first, none below 8. */
function fitColumns(natural: number[], room: number): number[] {
	const widths = [...natural];
	while (widths.reduce((a, b) => a + b, 0) > room) {
		const widest = widths.indexOf(Math.max(...widths));
		if (widths[widest] <= 8) break;
		widths[widest]--;
	}
	return widths;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
