import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, languageForLocale, type Settings } from './service/settings';

/** The `kubelore.*` settings as VS Code hands them over. */
interface RawSettings {
	language?: 'auto' | 'en' | 'zh';
	kubernetesVersion?: string;
	defaultNamespace?: string;
	profile?: 'standard' | 'serverless';
	cni?: string;
	rules?: Record<string, Settings['rules'][string]>;
	hover?: { fieldDocs?: 'auto' | 'on' | 'off' };
	codeLens?: { enabled?: boolean };
	knowledge?: { paths?: string[]; allowOutsideWorkspace?: boolean };
	validation?: 'auto' | 'on' | 'off';
	files?: { include?: string[]; exclude?: string[] };
}

/** Settings pulled per document with workspace/configuration, cached per document until they change. */
export class DocumentSettings {
	private readonly cache = new Map<string, Promise<Settings>>();
	private readonly raw = new Map<string, Promise<RawSettings>>();

	constructor(
		private readonly connection: Connection,
		private readonly canPull: boolean,
		private readonly locale: string | undefined,
		private readonly yamlExtensionActive: boolean,
	) {}

	/** Settings for a document. */
	get(uri: string): Promise<Settings> {
		let settings = this.cache.get(uri);
		if (!settings) {
			settings = this.rawFor(uri).then((raw) => this.resolve(raw));
			this.cache.set(uri, settings);
		}
		return settings;
	}

	/** The team knowledge folders configured for a workspace folder. */
	async knowledgePaths(folderUri: string): Promise<string[]> {
		const raw = await this.rawFor(folderUri);
		return Array.isArray(raw.knowledge?.paths) ? raw.knowledge!.paths.filter((p) => typeof p === 'string') : [];
	}

	/** True when knowledge folders outside the workspace folder may be read (the user turned it on). */
	async knowledgeOutsideAllowed(folderUri: string): Promise<boolean> {
		return (await this.rawFor(folderUri)).knowledge?.allowOutsideWorkspace === true;
	}

	/** Include and exclude globs for a workspace folder. */
	async files(folderUri: string): Promise<{ include?: string[]; exclude?: string[] }> {
		const raw = await this.rawFor(folderUri);
		const list = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined);
		return { include: list(raw.files?.include), exclude: list(raw.files?.exclude) };
	}

	forget(uri: string): void {
		this.cache.delete(uri);
		this.raw.delete(uri);
	}

	clear(): void {
		this.cache.clear();
		this.raw.clear();
	}

	private rawFor(uri: string): Promise<RawSettings> {
		let raw = this.raw.get(uri);
		if (!raw) {
			raw = this.canPull
				? (this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'kubelore' }) as Promise<RawSettings | null>).then((r) => r ?? {}, () => ({}))
				: Promise.resolve({});
			this.raw.set(uri, raw);
		}
		return raw;
	}

	private resolve(raw: RawSettings): Settings {
		const language = raw.language === 'en' || raw.language === 'zh' ? raw.language : languageForLocale(this.locale);
		const fieldDocsSetting = raw.hover?.fieldDocs ?? 'auto';
		return {
			...DEFAULT_SETTINGS,
			language,
			kubernetesVersion: /^1\.\d+$/.test(raw.kubernetesVersion ?? '') ? raw.kubernetesVersion! : DEFAULT_SETTINGS.kubernetesVersion,
			defaultNamespace: raw.defaultNamespace || DEFAULT_SETTINGS.defaultNamespace,
			profile: raw.profile === 'serverless' ? 'serverless' : 'standard',
			cni: typeof raw.cni === 'string' ? raw.cni : '',
			rules: raw.rules && typeof raw.rules === 'object' ? raw.rules : {},
			fieldDocs: fieldDocsSetting === 'on' || (fieldDocsSetting === 'auto' && !this.yamlExtensionActive),
			codeLens: raw.codeLens?.enabled !== false,
			validation: validationLevel(raw.validation, this.yamlExtensionActive),
		};
	}
}

/** `auto` leaves schema errors to Red Hat YAML when it is active (no double squiggles) and keeps the other checks. */
export function validationLevel(setting: RawSettings['validation'], yamlExtensionActive: boolean): Settings['validation'] {
	if (setting === 'off') return 'off';
	if (setting === 'on') return 'all';
	return yamlExtensionActive ? 'no-schema' : 'all';
}
