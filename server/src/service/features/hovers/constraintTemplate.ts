import type { Language } from '../../knowledge/types';
import { boldLabel, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { parameterSchema } from '../../rules/gatekeeper';
import type { IndexedResource } from '../../workspace/index';
import { escapeMarkdown } from '../entryMarkdown';
import { code } from './resources';

const TEXT = {
	parameters: { en: 'Parameters', zh: '参数' },
	noParameters: { en: 'The template declares no parameters.', zh: '该模板没有声明参数。' },
};
const MAX_PARAMETERS = 12;

/**
 * What a ConstraintTemplate tells about its constraints: its title and description (the policy
 * library's annotations) and the parameters its schema declares, with type and description.
 * The text comes from a workspace file, so it is escaped.
 */
export function templateSummary(template: IndexedResource, language: Language): string {
	const annotations = template.resource.annotations;
	const lines: string[] = [];
	const title = annotations['metadata.gatekeeper.sh/title'];
	if (title) lines.push(`**${escapeMarkdown(title)}**`);
	const description = annotations.description ?? annotations['metadata.gatekeeper.sh/description'];
	if (description) lines.push(escapeMarkdown(description.trim()));
	const properties = parameterSchema(template)?.properties;
	if (!isRecord(properties) || Object.keys(properties).length === 0) {
		lines.push(t(TEXT.noParameters, language));
		return lines.join('\n\n');
	}
	const rows = Object.entries(properties)
		.slice(0, MAX_PARAMETERS)
		.map(([name, schema]) => {
			const type = isRecord(schema) ? typeText(schema) : '';
			const about = isRecord(schema) && typeof schema.description === 'string' ? ` — ${escapeMarkdown(schema.description.trim().split('\n')[0])}` : '';
			return `- ${code(name)}${type ? ` (${type})` : ''}${about}`;
		});
	lines.push(`${boldLabel(TEXT.parameters, language)}\n${rows.join('\n')}`);
	return lines.join('\n\n');
}

/** `array of string`, `object`, `string: a | b` from a parameter's schema. */
function typeText(schema: Record<string, unknown>): string {
	const type = typeof schema.type === 'string' ? schema.type : '';
	if (type === 'array' && isRecord(schema.items) && typeof schema.items.type === 'string') return `array of ${schema.items.type}`;
	if (Array.isArray(schema.enum)) return `${type}${type ? ': ' : ''}${schema.enum.map(String).join(' | ')}`;
	return type;
}
