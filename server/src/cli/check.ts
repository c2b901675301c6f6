/* Checking one file of the index, the same way on the main thread and in worker threads. */
import { dirname, relative } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { toPosix } from '../node/files';
import { loadSchemas } from '../node/schemas';
import { applyProjectConfig, type ProjectConfig } from '../service/config';
import type { KnowledgeGraph } from '../service/knowledge/graph';
import type { Language } from '../service/knowledge/types';
import { forgetValidation, type DiagnosticData } from '../service/features/validation';
import { documentAt, forgetLightTree, nodeAt } from '../service/manifest/nodes';
import { RULES } from '../service/rules/index';
import { forgetSchemaIssues } from '../service/rules/schemaIssues';
import { createLanguageService, type LanguageService } from '../service/service';
import { DEFAULT_SETTINGS, type RuleSetting, type Settings } from '../service/settings';
import type { WorkspaceIndex } from '../service/workspace/index';
import { clusterProfile } from '../service/workspace/profile';
import { TextSnapshot } from '../service/workspace/textSnapshot';
import { profileReport, type ProfileReport } from './formats/profile';
import type { PathNames } from './formats/types';

/** What checking needs besides the index: plain data, so that it can be sent to a worker. */
export interface CheckOptions {
	language: Language;
	rules: Record<string, RuleSetting>;
	/** The --config profile for every file; else each file's nearest .kubelore.yaml. */
	projectConfig?: ProjectConfig;
	docsBase: string;
	cwd: string;
	/** Where the built API schemas are (dist/). */
	distDir: string;
	/** Give each finding its identity (rule, file, resource, node path): SARIF's fingerprints are made from it, no other format reads it. */
	identities?: boolean;
}

/** Findings of local rules kept from an earlier run, for the settings they were found with. */
export interface LocalFindings {
	settings: string;
	diagnostics: Diagnostic[];
}

/** A checked file: every finding in a stable order, and its local-rule findings apart (for the cache). */
export interface CheckedFile {
	uri: string;
	diagnostics: Diagnostic[];
	local: LocalFindings;
}

const LOCAL_RULES = new Set(RULES.filter((r) => r.local).map((r) => r.id));

/**
 * Checks files of an index. Findings of local rules depend on a document's text, the graph and
 * the settings only: given those of an earlier run for the same text and settings, only the
 * other rules run.
 */
export class Checker {
	private readonly all: LanguageService;
	private readonly crossFile: LanguageService;
	private readonly settingsByFolder = new Map<string, Settings>();
	private readonly names = new Map<string, string>();

	constructor(
		readonly index: WorkspaceIndex,
		private readonly graph: KnowledgeGraph,
		private readonly options: CheckOptions,
	) {
		const schemas = loadSchemas(options.distDir);
		// Each file is checked once: validation keeps nothing for a next time.
		this.all = createLanguageService({ index, graph, docsBase: options.docsBase, schemas, once: true });
		this.crossFile = createLanguageService({ index, graph, docsBase: options.docsBase, schemas, rules: RULES.filter((r) => !LOCAL_RULES.has(r.id)), once: true });
	}

	check(uri: string, earlier?: LocalFindings): CheckedFile {
		const settings = this.settingsFor(uri);
		const key = JSON.stringify(settings);
		let diagnostics: Diagnostic[];
		let local: Diagnostic[];
		if (earlier && earlier.settings === key && !this.index.isPartialFile(uri)) {
			local = earlier.diagnostics;
			diagnostics = [...this.crossFile.doValidation(uri, settings).filter((d) => !isLocal(d)), ...local];
		} else {
			diagnostics = this.all.doValidation(uri, settings);
			local = diagnostics.filter(isLocal);
		}
		if (this.options.identities) for (const d of diagnostics) this.identify(uri, d);
		// Each file is checked once in a run: what validation and placing findings keep for the next edit of it is let go.
		forgetValidation(uri);
		const file = this.index.getFile(uri);
		for (const document of file?.manifest.documents ?? []) {
			forgetLightTree(document);
			if (document.resource) forgetSchemaIssues(document.resource.value);
		}
		// Findings that point into other files had those files' documents scanned for lines: let go of the scans too.
		for (const other of pointedAt(uri, diagnostics)) for (const document of this.index.getFile(other)?.manifest.documents ?? []) forgetLightTree(document);
		// Its line offsets too (a tenth of the memory of a run): a later finding that points into the file works them out again.
		if (file?.text instanceof TextSnapshot) file.text.forgetLines();
		return { uri, diagnostics: diagnostics.sort(compareDiagnostics), local: { settings: key, diagnostics: local } };
	}

	/** The cluster profile the run used (that of the first file's settings), in the report's terms. */
	profile(uri: string, paths: PathNames): ProfileReport {
		return profileReport(clusterProfile(this.index, this.graph, this.settingsFor(uri)), this.index, this.graph, paths, this.options.language);
	}

	/** The settings of a file: defaults, then the profile (--config or the nearest .kubelore.yaml), then --rule. */
	settingsFor(uri: string): Settings {
		const folder = dirname(URI.parse(uri).path);
		let settings = this.settingsByFolder.get(folder);
		if (!settings) {
			const base: Settings = { ...DEFAULT_SETTINGS, language: this.options.language };
			const profiled = this.options.projectConfig ? applyProjectConfig(base, this.options.projectConfig) : this.all.settingsFor(uri, base);
			settings = { ...profiled, rules: { ...profiled.rules, ...this.options.rules } };
			this.settingsByFolder.set(folder, settings);
		}
		return settings;
	}

	/**
	 * What a finding is about, independent of lines: rule, file, resource and node path. SARIF
	 * fingerprints are made from it, so that an alert survives lines moving above it.
	 */
	private identify(uri: string, d: Diagnostic): void {
		const data = (d.data ?? {}) as { identity?: string };
		if (data.identity) return;
		const file = this.index.getFile(uri);
		const offset = file ? file.text.offsetAt(d.range.start) : 0;
		const document = file && documentAt(file.manifest, offset);
		const resource = document?.resource;
		const where = resource ? `${resource.kind}/${resource.namespace ?? ''}/${resource.name ?? ''}` : `#${document ? file.manifest.documents.indexOf(document) : 0}`;
		const path = file && resource ? (nodeAt(file.manifest, offset)?.path.join('.') ?? '') : '';
		let name = this.names.get(uri);
		if (name === undefined) this.names.set(uri, (name = toPosix(relative(this.options.cwd, URI.parse(uri).fsPath))));
		d.data = { ...data, identity: [d.code ?? '', name, where, path].join('|') };
	}
}

/** The other files that findings point into (related places, edits of their fixes). */
function pointedAt(uri: string, diagnostics: Diagnostic[]): Set<string> {
	const others = new Set<string>();
	for (const d of diagnostics) {
		for (const related of d.relatedInformation ?? []) others.add(related.location.uri);
		for (const fix of (d.data as Partial<DiagnosticData> | undefined)?.fixes ?? []) for (const edit of fix.edits) if (edit.uri) others.add(edit.uri);
	}
	others.delete(uri);
	return others;
}

function isLocal(d: Diagnostic): boolean {
	return LOCAL_RULES.has(String(d.code));
}

/** A total order of findings (position, then rule and message), so that every way of checking prints the same. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
	return (
		a.range.start.line - b.range.start.line ||
		a.range.start.character - b.range.start.character ||
		a.range.end.line - b.range.end.line ||
		a.range.end.character - b.range.end.character ||
		compareText(String(a.code ?? ''), String(b.code ?? '')) ||
		compareText(typeof a.message === 'string' ? a.message : a.message.value, typeof b.message === 'string' ? b.message : b.message.value)
	);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
