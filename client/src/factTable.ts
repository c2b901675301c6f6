import type { Language } from '../../server/src/service/knowledge/types';
import { factValueLines, factValueText, isLocalizedValue } from '../../server/src/service/l10n/factValues';
import { factName } from '../../server/src/service/l10n/knowledge';
import { escapeHtml } from './html';
import { say, VIEW_TEXT } from './viewText';

/** A fact value as HTML: yes/no, lists, and records such as `{ version, deprecatedIn }` one per line. */
export function factValueHtml(value: unknown, language: Language, key?: string): string {
	if (typeof value === 'boolean') return `<span class="${value ? 'yes' : 'no'}">${escapeHtml(say(value ? VIEW_TEXT.yes : VIEW_TEXT.no, language))}</span>`;
	if (value === null || value === undefined) return '';
	if (isLocalizedValue(value)) return escapeHtml(value[language]);
	// Names stay in code type; phrases and `{ en, zh }` items read in the display language.
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null || isLocalizedValue(v))) return value.map((v) => scalarHtml(v, language)).join(language === 'zh' ? '、' : ', ');
	// Records (kops clouds) and lists of records (apiVersions): one member or record per line.
	if (typeof value === 'object') return `<ul class="fact-list">${factValueLines(value, language, key).map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
	// Strings, `{ en, zh }` pairs and enumerated words (`virtual-network`) in the display language.
	return escapeHtml(factValueText(value, language));
}

function scalarHtml(value: unknown, language: Language): string {
	const text = factValueText(value, language);
	return text === String(value) ? `<code>${escapeHtml(text)}</code>` : escapeHtml(text);
}

/** The facts table, or nothing when the entry has no facts. */
export function factTableHtml(facts: Record<string, unknown>, language: Language): string {
	const rows = Object.entries(facts)
		.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => `<tr><th scope="row">${escapeHtml(factName(k, language))}</th><td>${factValueHtml(v, language, k)}</td></tr>`);
	return rows.length ? `<table class="facts">${rows.join('')}</table>` : '';
}
