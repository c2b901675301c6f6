import type { Hover } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { nodeAt, pathPattern } from '../manifest/nodes';
import type { Settings } from '../settings';
import type { WorkspaceIndex } from '../workspace/index';
import { Scope } from '../workspace/scope';
import type { FieldDocs, HoverContext, HoverPart } from './hoverContext';
import { HOVER_PARTS } from './hoverParts';

/** The hover at an offset of a file: every part that has something to say, separated by rules. */
export function doHover(uri: string, offset: number, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, fieldDocs?: FieldDocs, parts: HoverPart[] = HOVER_PARTS): Hover | null {
	const file = index.getFile(uri);
	if (!file) return null;
	const at = nodeAt(file.manifest, offset);
	if (!at?.scalar?.range) return null;
	const resource = at.document.resource;
	const entry = resource ? { uri, document: at.document, resource } : undefined;
	const context: HoverContext = {
		at,
		pattern: pathPattern(at.path),
		value: String(at.scalar.value ?? ''),
		resource,
		entry,
		scope: entry ? new Scope(index, entry, settings) : undefined,
		file,
		index,
		graph,
		settings,
		fieldDocs,
	};
	const sections: string[] = [];
	for (const part of parts) {
		try {
			const markdown = part(context);
			if (markdown && !sections.includes(markdown)) sections.push(markdown);
		} catch {
			// A part that trips on an odd manifest gives no section; the others still show.
		}
	}
	if (sections.length === 0) return null;
	const [start, end] = at.scalar.range;
	return {
		contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
		range: { start: file.text.positionAt(at.document.start + start), end: file.text.positionAt(at.document.start + end) },
	};
}
