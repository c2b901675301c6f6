import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { nearestName } from './rules/nearestName';
import { RULES } from './rules/index';
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
	/** A warning leaves the rest of the file in force; an error makes the defaults apply. */
	severity: 'error' | 'warning';
}

const MAX_CONFIG_BYTES = 64 * 1024;
const RULE_SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);
/** Codes that are not rules but can be set like them. */
const OTHER_CODES = ['yaml-syntax'];
const KNOWN = new Set(['kubernetesVersion', 'cni', 'storageClasses', 'runtimeClasses', 'profile', 'defaultNamespace', 'nodePortRange', 'rules', 'knowledgePaths']);

/**
 * Reads `.kubelore.yaml`. A bad file yields problems with ranges and no config, so the
 * defaults apply until it is fixed.
 */
export function readProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
	// A cluster profile is a few lines; a huge file is a mistake, and its parse would stall every request.
	if (text.length > MAX_CONFIG_BYTES) return { config: {}, problems: [{ message: `.kubelore.yaml is larger than ${MAX_CONFIG_BYTES / 1024} KiB, which is more than a cluster profile needs; it is not read`, start: 0, end: 1, severity: 'error' }] };
	const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
	if (doc.errors.length) {
		const e = doc.errors[0];
		return { config: {}, problems: [{ message: `.kubelore.yaml: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1], severity: 'error' }] };
	}
	if (doc.contents === null) return { config: {}, problems: [] };
	if (!isMap(doc.contents)) return { config: {}, problems: [{ message: '.kubelore.yaml must be a map of settings', start: 0, end: text.length, severity: 'error' }] };
	const problems: ConfigProblem[] = [];
	const config: ProjectConfig = {};
	for (const pair of doc.contents.items) {
		const key = String((pair.key as { value?: unknown })?.value);
		const range = (pair.key as { range?: number[] })?.range ?? [0, 0];
		const bad = (message: string, at: number[] = range, severity: ConfigProblem['severity'] = 'error') => problems.push({ message, start: at[0], end: at[1], severity });
		const value = (pair.value as { toJSON?: () => unknown })?.toJSON?.() ?? null;
		if (!KNOWN.has(key)) bad(`unknown setting "${key}"; known: ${[...KNOWN].join(', ')}`);
		else if (key === 'kubernetesVersion') {
			const version = versionAsWritten(pair.value as Node | null, text);
			if (version.ok) config.kubernetesVersion = version.text;
			else bad('kubernetesVersion must be a version such as "1.31"', nodeRange(pair.value as Node | null) ?? range);
			if (version.ok && version.unquoted) {
				bad(`kubernetesVersion ${version.text} is a number to YAML, which reads it as ${String(value)}; it is taken as written, "${version.text}": quote it so that every tool reads it the same`, nodeRange(pair.value as Node | null) ?? range, 'warning');
			}
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
			if (isMap(pair.value)) config.rules = readRules(pair.value.items, bad);
			else bad('rules must be a map of rule id to error, warning, info, hint or off');
		}
	}
	return { config: problems.some((p) => p.severity === 'error') ? {} : config, problems };
}

/** `rules:`: each setting checked at its own value, each id against the rules there are. */
function readRules(items: { key: unknown; value: unknown }[], bad: (message: string, at?: number[], severity?: ConfigProblem['severity']) => void): Record<string, RuleSetting> {
	const ids = [...RULES.map((r) => r.id), ...OTHER_CODES];
	const rules: Record<string, RuleSetting> = {};
	for (const item of items) {
		const id = isScalar(item.key) ? String(item.key.value) : '';
		const keyRange = nodeRange(item.key as Node) ?? [0, 0];
		const setting = isScalar(item.value) ? item.value.value : undefined;
		if (!ids.includes(id)) {
			const near = nearestName(id, ids);
			bad(`unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''} It has no effect`, keyRange, 'warning');
		}
		if (typeof setting === 'string' && RULE_SETTINGS.has(setting)) rules[id] = setting as RuleSetting;
		else bad(`rules.${id} must be one of error, warning, info, hint, off`, nodeRange(item.value as Node) ?? keyRange);
	}
	return rules;
}

function nodeRange(node: Node | null | undefined): number[] | undefined {
	const range = (node as { range?: number[] } | null)?.range;
	return range && range[1] > range[0] ? range : undefined;
}

/** The version as written in the file: `1.20` unquoted is the number 1.2 to YAML, but "1.20" to whoever wrote it. */
function versionAsWritten(node: Node | null, text: string): { ok: boolean; text: string; unquoted: boolean } {
	if (!isScalar(node)) return { ok: false, text: '', unquoted: false };
	const written = node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node.value);
	const unquoted = typeof node.value === 'number' && written !== String(node.value);
	const version = unquoted ? written : String(node.value);
	return { ok: /^1\.\d+$/.test(version), text: version, unquoted };
}

/** Settings with a project config laid over them; the team's shared file wins. */
export function applyProjectConfig(settings: Settings, config: ProjectConfig): Settings {
	return { ...settings, ...config, rules: { ...settings.rules, ...config.rules } };
}
