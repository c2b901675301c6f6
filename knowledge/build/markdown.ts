import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false });

/** A top-level block of markdown with its 0-based line span. */
export interface Block {
	type: 'heading' | 'paragraph' | 'table' | 'list' | 'code' | 'other';
	level?: number;
	text: string;
	startLine: number;
	endLine: number;
}

/** Splits markdown into its top-level blocks, with their source lines. */
export function readBlocks(body: string): Block[] {
	const lines = body.split('\n');
	const blocks: Block[] = [];
	for (const token of md.parse(body, {})) {
		if (token.level !== 0 || !token.map || token.nesting === -1) continue;
		const [startLine, endLine] = token.map;
		const text = lines.slice(startLine, endLine).join('\n').trim();
		switch (token.type) {
			case 'heading_open':
				blocks.push({ type: 'heading', level: Number(token.tag.slice(1)), text: text.replace(/^#+\s*/, '').trim(), startLine, endLine });
				break;
			case 'paragraph_open':
				blocks.push({ type: 'paragraph', text, startLine, endLine });
				break;
			case 'table_open':
				blocks.push({ type: 'table', text, startLine, endLine });
				break;
			case 'bullet_list_open':
			case 'ordered_list_open':
				blocks.push({ type: 'list', text, startLine, endLine });
				break;
			case 'fence':
			case 'code_block':
				blocks.push({ type: 'code', text, startLine, endLine });
				break;
			default:
				if (token.nesting === 1 || token.nesting === 0) blocks.push({ type: 'other', text, startLine, endLine });
		}
	}
	return blocks;
}

/** Plain text of inline markdown: links keep their label, emphasis and code marks go. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/!\[([^\][]*)\]\([^()]*\)/g, '$1')
		.replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
