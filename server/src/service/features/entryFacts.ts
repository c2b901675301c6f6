/* Which facts of an entry a hover shows, in which order, and in words a reader knows. */
import type { Entity, Language } from '../knowledge/types';
import { hasFactName } from '../l10n/knowledge';
import { factValueText, isLocalizedValue } from '../l10n/factValues';

/**
 * On an entry that is both an in-tree volume plugin and the CSI driver replacing it, these facts
 * are about the in-tree plugin: a hover on the CSI driver's name leaves them out.
 */
const IN_TREE_FACTS = ['inTreePlugin', 'inTreeProvisioner', 'deprecatedIn', 'removedIn', 'csiMigrationGA', 'csiMigration'];
const FACT_LIMIT = 4;

/**
 * The short facts of an entry for a hover: those about `focus` (the value under the cursor)
 * first, then the others in their order, leaving out the compared keys (the table shows them).
 */
export function hoverFacts(entity: Entity, options: { focus?: string; language?: Language; skip?: Set<string> } = {}): [string, unknown][] {
	const { focus } = options;
	const f = entity.facts;
	const csiName = typeof f.csiDriver === 'string' && focus !== undefined && focus !== f.inTreePlugin && focus !== f.inTreeProvisioner && !focus.startsWith('kubernetes.io/');
	const entries = Object.entries(f).filter(([k, v]) => isShort(v) && k !== 'compareBy' && !options.skip?.has(k) && !(csiName && IN_TREE_FACTS.includes(k)) && (options.language !== 'zh' || readableInChinese(k, v)));
	if (!focus) return entries.slice(0, FACT_LIMIT);
	const about = (k: string, v: unknown) => {
		const needle = focus.toLowerCase();
		return k.toLowerCase().includes(needle) || (Array.isArray(v) ? v.map(String) : [String(v)]).some((s) => s.toLowerCase() === needle);
	};
	// On an in-tree plugin's name, its fate comes first: when it went away and what replaces it.
	const inTree = typeof f.inTreePlugin === 'string' && (focus === f.inTreePlugin || focus === f.inTreeProvisioner);
	const fate = inTree ? ['removedIn', 'deprecatedIn', 'csiDriver'].flatMap((k) => entries.filter(([key]) => key === k)) : [];
	const first = [...fate, ...entries.filter(([k, v]) => about(k, v) && !fate.some(([key]) => key === k))];
	return [...first, ...entries.filter((e) => !first.includes(e))].slice(0, FACT_LIMIT);
}

/**
 * A Chinese hover shows a fact only when its name has Chinese words and its value is not an
 * English phrase (names, versions and lists of terms are fine): no English labels in Chinese.
 */
function readableInChinese(key: string, value: unknown): boolean {
	if (!hasFactName(key)) return false;
	if (isLocalizedValue(value)) return true;
	const text = factValueText(value, 'zh');
	return !/[a-z]{2,} [a-z]{2,} [a-z]{2,}|\([a-z]+ [a-z]+/i.test(text);
}

function isShort(value: unknown): boolean {
	if (typeof value === 'string') return value.length <= 40;
	if (typeof value === 'number' || typeof value === 'boolean') return true;
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const keys = Object.keys(value);
		return keys.length === 2 && keys.every((k) => k === 'en' || k === 'zh') && Object.values(value).every((v) => typeof v === 'string' && v.length <= 60);
	}
	return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.join(', ').length <= 60;
}
