import type { ManifestDocument } from '../manifest/types';
import type { RuleContext } from './types';

/** A YAML merge key (`<<: *defaults`). */
const MERGE_KEY = /(^|[\s{,])<<\s*:/m;

/**
 * True when the checks of what the API server would reject apply to the checked document: the
 * setting is not `off`, and the document has no YAML merge keys. kubectl merges `<<: *defaults`
 * (YAML 1.1); the values read here keep `<<` as a key, so fields from the merge would look
 * missing or unknown.
 */
export function validationApplies({ settings, entry }: RuleContext): boolean {
	if (settings.validation === 'off') return false;
	let merges = mergeKeys.get(entry.document);
	if (merges === undefined) mergeKeys.set(entry.document, (merges = entry.document.text.includes('<<') && MERGE_KEY.test(entry.document.text)));
	return !merges;
}

/** Per document (documents are reused while their text is unchanged): whether it has merge keys. */
const mergeKeys = new WeakMap<ManifestDocument, boolean>();
