import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { applyProjectConfig, readProjectConfig } from '../config';
import type { ManifestFile } from '../manifest/types';
import type { Settings } from '../settings';
import type { WorkspaceIndex } from '../workspace/index';
import { SOURCE } from './validation';

const CONFIG_NAME = '.kubelore.yaml';

/** Each text of a `.kubelore.yaml` is read once (a parse per hover cost seconds on a large one). */
const readConfigs = new WeakMap<ManifestFile, ReturnType<typeof readProjectConfig>>();
function projectConfigOf(manifest: ManifestFile): ReturnType<typeof readProjectConfig> {
	let read = readConfigs.get(manifest);
	if (!read) readConfigs.set(manifest, (read = readProjectConfig(manifest.text)));
	return read;
}

/** True for a `.kubelore.yaml` file. */
export function isProjectConfig(uri: string): boolean {
	return URI.parse(uri).path.endsWith(`/${CONFIG_NAME}`);
}

/** Settings for a file with the nearest `.kubelore.yaml` above it (in the index) laid over them. */
export function settingsWithProjectConfig(uri: string, settings: Settings, index: WorkspaceIndex): Settings {
	let dir = URI.parse(uri).path;
	for (;;) {
		const slash = dir.lastIndexOf('/');
		if (slash <= 0) return settings;
		dir = dir.slice(0, slash);
		const config = index.getFile(URI.file(`${dir}/${CONFIG_NAME}`).toString());
		if (config) return applyProjectConfig(settings, projectConfigOf(config.manifest).config);
	}
}

/** Problems of a `.kubelore.yaml` file, one diagnostic each, at the offending key or value. */
export function validateProjectConfig(uri: string, index: WorkspaceIndex): Diagnostic[] {
	const file = index.getFile(uri);
	if (!file) return [];
	return projectConfigOf(file.manifest).problems.map((p) =>
		Diagnostic.create(
			{ start: file.text.positionAt(p.start), end: file.text.positionAt(Math.max(p.end, p.start + 1)) },
			p.severity === 'error' ? `${p.message}. The defaults apply until this is fixed.` : `${p.message}.`,
			p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
			'kubelore-config',
			SOURCE,
		),
	);
}
