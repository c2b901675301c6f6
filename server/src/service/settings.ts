import type { Language } from './knowledge/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = Severity | 'off';

/** Everything the language service needs to know about the user's choices for one document. */
export interface Settings {
	language: Language;
	kubernetesVersion: string;
	defaultNamespace: string;
	profile: 'standard' | 'serverless';
	/** The cluster's CNI entity id (e.g. "flannel"), or empty: inferred from the workspace. */
	cni: string;
	/** StorageClass and RuntimeClass names the cluster has beyond those in the workspace. */
	storageClasses: string[];
	runtimeClasses: string[];
	nodePortRange?: [number, number];
	rules: Record<string, RuleSetting>;
	/** Show field descriptions on key hovers (off when another extension already does). */
	fieldDocs: boolean;
	/** Code lenses above Services, claims, ConfigMaps and Secrets. */
	codeLens: boolean;
	/**
	 * What the API server would reject: `all` checks; `no-schema` leaves schema errors to another
	 * extension (Red Hat YAML) and keeps the checks beyond the schema; `off` none.
	 */
	validation: 'all' | 'no-schema' | 'off';
}

export const DEFAULT_SETTINGS: Settings = {
	language: 'en',
	kubernetesVersion: '1.36',
	defaultNamespace: 'default',
	profile: 'standard',
	cni: '',
	storageClasses: [],
	runtimeClasses: [],
	rules: {},
	fieldDocs: true,
	codeLens: true,
	validation: 'all',
};

/** The display language for a VS Code locale: Chinese for zh-cn and zh-tw, English otherwise. */
export function languageForLocale(locale: string | undefined): Language {
	return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Compares Kubernetes minor versions: "1.27" >= "1.9". */
export function versionAtLeast(version: string, than: string): boolean {
	const [a1, a2] = version.split('.').map(Number);
	const [b1, b2] = than.split('.').map(Number);
	return a1 !== b1 ? a1 > b1 : (a2 ?? 0) >= (b2 ?? 0);
}
