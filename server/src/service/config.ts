import { isMap, LineCounter, parseDocument } from 'yaml';
import type { RuleSetting, Settings } from './settings';

/** The cluster profile of `.kubelore.yaml`: the fields it may set, checked. */
export type ProjectConfig = Partial<Omit<Settings, 'language' | 'fieldDocs'>> & {
	/** Folders of the team's markdown notes, relative to the file (read by the command line). */
	knowledgePaths?: string[];
};

export interface ConfigProblem {
	message: string;
	start: number;
	end: number;
}

const RULE_SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);
const KNOWN = new Set(['kubernetesVersion', 'cni', 'storageClasses', 'runtimeClasses', 'profile', 'defaultNamespace', 'nodePortRange', 'rules', 'knowledgePaths']);

/**
 * Reads `.kubelore.yaml`. A bad file yields problems with ranges and no config, so the
 * defaults apply until it is fixed.
 */
export function readProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
	const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
	if (doc.errors.length) {
		const e = doc.errors[0];
		return { config: {}, problems: [{ message: `.kubelore.yaml: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1] }] };
	}
	if (doc.contents === null) return { config: {}, problems: [] };
	if (!isMap(doc.contents)) return { config: {}, problems: [{ message: '.kubelore.yaml must be a map of settings', start: 0, end: text.length }] };
	const problems: ConfigProblem[] = [];
	const config: ProjectConfig = {};
	for (const pair of doc.contents.items) {
		const key = String((pair.key as { value?: unknown })?.value);
		const range = (pair.key as { range?: number[] })?.range ?? [0, 0];
		const bad = (message: string) => problems.push({ message, start: range[0], end: range[1] });
		const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() ?? null;
		if (!KNOWN.has(key)) bad(`unknown setting "${key}"; known: ${[...KNOWN].join(', ')}`);
		else if (key === 'kubernetesVersion') {
			if (typeof value === 'string' && /^1\.\d+$/.test(value)) config.kubernetesVersion = value;
			else if (typeof value === 'number') config.kubernetesVersion = String(value);
			else bad('kubernetesVersion must be a version such as "1.31"');
		} else if (key === 'profile') {
			if (value === 'standard' || value === 'serverless') config.profile = value;
			else bad('profile must be "standard" or "serverless"');
		} else if (key === 'cni' || key === 'defaultNamespace') {
			if (typeof value === 'string') config[key] = value;
			else bad(`${key} must be a string`);
		} else if (key === 'storageClasses' || key === 'runtimeClasses' || key === 'knowledgePaths') {
			if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config[key] = value as string[];
			else bad(`${key} must be a list of names`);
		} else if (key === 'nodePortRange') {
			const match = typeof value === 'string' ? /^(\d+)-(\d+)$/.exec(value) : null;
			if (match && Number(match[1]) < Number(match[2])) config.nodePortRange = [Number(match[1]), Number(match[2])];
			else bad('nodePortRange must look like "30000-32767"');
		} else if (key === 'rules') {
			if (value && typeof value === 'object' && !Array.isArray(value)) {
				const rules: Record<string, RuleSetting> = {};
				for (const [id, setting] of Object.entries(value)) {
					if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[id] = setting as RuleSetting;
					else bad(`rules.${id} must be one of error, warning, info, hint, off`);
				}
				config.rules = rules;
			} else bad('rules must be a map of rule id to error, warning, info, hint or off');
		}
	}
	return { config: problems.length ? {} : config, problems };
}

/** Settings with a project config laid over them; the team's shared file wins. */
export function applyProjectConfig(settings: Settings, config: ProjectConfig): Settings {
	return { ...settings, ...config, rules: { ...settings.rules, ...config.rules } };
}
