import type { Language } from '../../server/src/service/knowledge/types';
import { factValueText, isLocalizedValue } from '../../server/src/service/l10n/factValues';
import { factName } from '../../server/src/service/l10n/knowledge';
import { escapeHtml } from './html';
import { say, VIEW_TEXT } from './viewText';

/** A fact value as HTML: yes/no, lists, and records such as `{ version, deprecatedIn }` on one line each. */
export function factValueHtml(value: unknown, language: Language): string {
	if (typeof value === 'boolean') return `<span class="${value ? 'yes' : 'no'}">${escapeHtml(say(value ? VIEW_TEXT.yes : VIEW_TEXT.no, language))}</span>`;
	if (value === null || value === undefined) return '';
	if (isLocalizedValue(value)) return escapeHtml(value[language]);
	if (Array.isArray(value)) {
		if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(', ');
		return `<ul class="fact-list">${value.map((v) => `<li>${factValueHtml(v, language)}</li>`).join('')}</ul>`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		const headKey = ['version', 'name', 'id'].find((k) => typeof (value as Record<string, unknown>)[k] === 'string');
		const rest = entries.filter(([k]) => k !== headKey).map(([k, v]) => `${escapeHtml(factName(k, language))}: ${factValueHtml(v, language)}`);
		const head = headKey ? `<code>${escapeHtml(String((value as Record<string, unknown>)[headKey]))}</code>` : '';
		return rest.length ? `${head}${head ? ' — ' : ''}${rest.join('; ')}` : head;
	}
	// Strings, `{ en, zh }` pairs and enumerated words (`virtual-network`) in the display language.
	return escapeHtml(factValueText(value, language));
}

/** The facts table, or nothing when the entry has no facts. */
export function factTableHtml(facts: Record<string, unknown>, language: Language): string {
	const rows = Object.entries(facts)
		.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => `<tr><th scope="row">${escapeHtml(factName(k, language))}</th><td>${factValueHtml(v, language)}</td></tr>`);
	return rows.length ? `<table class="facts">${rows.join('')}</table>` : '';
}
