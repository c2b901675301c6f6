import type { Language, Localized } from '../knowledge/types';
import { format } from '../l10n/text';
import { keyRangeOf, placeLater, rangeOf, scalarAt } from '../manifest/nodes';
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
	const { document } = entry;
	// Rules build related places for findings they may then drop: looked up only when read.
	return placeLater({ uri: entry.uri, message }, () => rangeOf(document, path, key) ?? rangeOf(document, ['metadata', 'name']) ?? [document.start, document.start]);
}

/** An edit that replaces a scalar's text, keeping its quotes; undefined for block scalars and non-scalars. */
export function replaceScalar(document: ManifestDocument, path: NodePath, newText: string): OffsetEdit | undefined {
	const scalar = scalarAt(document, path);
	if (!scalar) return undefined;
	const { start, end, type } = scalar;
	if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return { start: start + 1, end: end - 1, newText };
	if (type !== 'PLAIN') return undefined;
	return { start, end, newText };
}

/**
 * An edit that inserts block-style YAML lines as siblings just before the key at `path`, at that
 * key's indentation. Undefined when the key sits in a flow mapping or shares its line with other text.
 */
export function insertBeforeKey(document: ManifestDocument, file: IndexedFile, path: NodePath, lines: string[]): OffsetEdit | undefined {
	const key = keyRangeOf(document, path);
	if (!key) return undefined;
	const at = key[0];
	const position = file.text.positionAt(at);
	const lineStart = file.text.offsetAt({ line: position.line, character: 0 });
	const before = file.text.getText().slice(lineStart, at);
	if (!/^[ \t]*$/.test(before)) return undefined;
	const newText = lines.map((line) => `${before}${line}\n`).join('');
	return { start: lineStart, end: lineStart, newText };
}
