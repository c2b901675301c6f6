import { isScalar } from 'yaml';
import type { Language, Localized } from '../knowledge/types';
import { format } from '../l10n/text';
import { nodeAtPath, pairAtPath, rangeOf } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { IndexedFile, IndexedResource } from '../workspace/index';
import type { OffsetEdit, RelatedLocation } from './types';

// The parts rules build findings from: two-language text, related locations, and edits.

/** Fills a two-language template with arguments that differ per language (entity titles, lists). */
export function fillEach(template: Localized, args: (language: Language) => (string | number)[]): Localized {
	return { en: format(template.en, ...args('en')), zh: format(template.zh, ...args('zh')) };
}

/** Joins two localized texts with a space (English) or directly (Chinese). */
export function joinText(...parts: Localized[]): Localized {
	return { en: parts.map((p) => p.en).filter(Boolean).join(' '), zh: parts.map((p) => p.zh).join('') };
}

/** "a, b and c" / "a、b 和 c" ("or" / "或" with `or`). */
export function listText(items: string[], or = false): Localized {
	const word = { en: or ? 'or' : 'and', zh: or ? '或' : '和' };
	const join = (lang: 'en' | 'zh', comma: string) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(comma)} ${word[lang]} ${items[items.length - 1]}`);
	return { en: join('en', ', '), zh: join('zh', '、') };
}

/** Related information pointing at a node of another resource (its name when the node is missing). */
export function relatedAt(entry: IndexedResource, path: NodePath, message: Localized, key = false): RelatedLocation {
	// Placed on first read: rules build related locations before they know whether they have a finding,
	// and placing one parses the other document with ranges (most of a large workspace's time otherwise).
	let span: [number, number] | undefined;
	const place = () => (span ??= rangeOf(entry.document, path, key) ?? rangeOf(entry.document, ['metadata', 'name']) ?? [entry.document.start, entry.document.start]);
	return {
		uri: entry.uri,
		message,
		get start() {
			return place()[0];
		},
		get end() {
			return place()[1];
		},
	};
}

/** An edit that replaces a scalar's text, keeping its quotes; undefined for block scalars and non-scalars. */
export function replaceScalar(document: ManifestDocument, path: NodePath, newText: string): OffsetEdit | undefined {
	const node = nodeAtPath(document, path);
	if (!isScalar(node) || !node.range) return undefined;
	const [start, end] = node.range;
	if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
		return { start: document.start + start + 1, end: document.start + end - 1, newText };
	}
	if (node.type !== 'PLAIN') return undefined;
	return { start: document.start + start, end: document.start + end, newText };
}

/**
 * An edit that inserts block-style YAML lines as siblings just before the key at `path`, at that
 * key's indentation. Undefined when the key sits in a flow mapping or shares its line with other text.
 */
export function insertBeforeKey(document: ManifestDocument, file: IndexedFile, path: NodePath, lines: string[]): OffsetEdit | undefined {
	const key = pairAtPath(document, path)?.key;
	if (!isScalar(key) || !key.range) return undefined;
	const at = document.start + key.range[0];
	const position = file.text.positionAt(at);
	const lineStart = file.text.offsetAt({ line: position.line, character: 0 });
	const before = file.text.getText().slice(lineStart, at);
	if (!/^[ \t]*$/.test(before)) return undefined;
	const newText = lines.map((line) => `${before}${line}\n`).join('');
	return { start: lineStart, end: lineStart, newText };
}
