/* Where a finding is shown, and how its message names what is written there. */
import { isScalar } from 'yaml';
import { firstKeyRange, nodeAtPath, rangeOf, readByScan } from '../manifest/nodes';
import type { ManifestDocument } from '../manifest/types';
import type { Finding } from '../rules/types';
import { writtenPath } from '../schema/written';

/**
 * The span a finding is shown at: its node, else the nearest written ancestor's key (a missing
 * `spec.type` shows at `spec`), else the document's first key; never a `---` or comment line,
 * where a "suppress for this line" comment could not reach it.
 */
export function anchor(document: ManifestDocument, finding: Finding): [number, number] {
	const own = rangeOf(document, finding.path, finding.key) ?? mergedRange(document, finding);
	if (own) return own;
	for (let n = finding.path.length - 1; n > 0; n--) {
		const parent = rangeOf(document, finding.path.slice(0, n), true);
		if (parent) return parent;
	}
	const first = firstKeyRange(document);
	if (first) return first;
	const content = firstContentOffset(document.text);
	return [document.start + content, document.start + content];
}

/** A value that a merge key or an alias brings in: shown where its anchor writes it. */
function mergedRange(document: ManifestDocument, finding: Finding): [number, number] | undefined {
	// Without anchors (a document the line scan reads has none), every value is where its path says.
	if (!document.text.includes('&') || readByScan(document)) return undefined;
	const written = writtenPath(document, finding.path);
	return written ? rangeOf(document, written, finding.key) : undefined;
}

/**
 * A number too large for a double reads back rounded (`1.2345678901234568e+29`) or as Infinity;
 * the message shows it as the manifest writes it, so that the user finds it.
 */
export function asWritten(message: string, document: ManifestDocument, finding: Finding): string {
	if (!/e\+|Infinity|\d{16}/.test(message)) return message;
	const node = nodeAtPath(document, finding.path);
	if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return message;
	const value = node.value;
	if (Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))) return message;
	const written = document.text.slice(node.range[0], node.range[1]).trim();
	return written ? message.split(String(value)).join(written) : message;
}

/** Offset of the first line that is neither blank, a comment, a directive nor a `---` marker. */
function firstContentOffset(text: string): number {
	let lineStart = 0;
	while (lineStart < text.length) {
		const newline = text.indexOf('\n', lineStart);
		const line = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/^\uFEFF/, '').trim();
		if (line && !line.startsWith('#') && !line.startsWith('%') && !/^---(\s|$)/.test(line)) return lineStart;
		if (newline === -1) break;
		lineStart = newline + 1;
	}
	return 0;
}
