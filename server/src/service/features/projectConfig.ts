import { Diagnostic, DiagnosticSeverity, type Hover } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { applyProjectConfig, readProjectConfig } from '../config';
import type { ManifestFile } from '../manifest/types';
import { KnowledgeGraph } from '../knowledge/graph';
import type { Language, Localized } from '../knowledge/types';
import { format, t } from '../l10n/text';
import { nodeAt } from '../manifest/nodes';
import { placeOf } from '../rules/profileFindings';
import type { Settings } from '../settings';
import { clusterProfile, type ProfileEvidence } from '../workspace/profile';
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
	return placesOf(uri).isConfig;
}

/** Settings for a file with the nearest `.kubelore.yaml` above it (in the index) laid over them. */
export function settingsWithProjectConfig(uri: string, settings: Settings, index: WorkspaceIndex): Settings {
	for (const candidate of placesOf(uri).configs) {
		const config = index.getFile(candidate);
		if (config) return applyProjectConfig(settings, projectConfigOf(config.manifest).config);
	}
	return settings;
}

/** What a URI's path says: whether it names a `.kubelore.yaml`, and the URIs a `.kubelore.yaml` above it would have, nearest first. */
interface Places {
	isConfig: boolean;
	configs: string[];
}

/** Places of the URIs asked about lately: every request asks, and working them out parses and formats URIs. */
const places = new Map<string, Places>();
const PLACES_KEPT = 1000;

function placesOf(uri: string): Places {
	let known = places.get(uri);
	if (known) return known;
	const path = URI.parse(uri).path;
	const configs: string[] = [];
	for (let dir = path, slash = dir.lastIndexOf('/'); slash > 0; slash = dir.lastIndexOf('/')) {
		dir = dir.slice(0, slash);
		configs.push(URI.file(`${dir}/${CONFIG_NAME}`).toString());
	}
	known = { isConfig: path.endsWith(`/${CONFIG_NAME}`), configs };
	if (places.size >= PLACES_KEPT) places.clear();
	places.set(uri, known);
	return known;
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

const KEY_TEXT: Record<string, Localized> = {
	kubernetesVersion: { en: 'The Kubernetes version the manifests are for: API versions are judged against it.', zh: '清单面向的 Kubernetes 版本：API 版本按它判断。' },
	cni: { en: "The cluster's CNI plugin. Set, it wins; unset, it is inferred from the plugin's installation in the workspace.", zh: '集群的 CNI 插件。设置后以它为准；未设置时根据工作区中插件的安装清单推断。' },
	profile: { en: 'The kind of cluster: standard, or serverless (no nodes of your own: no DaemonSets, host access or NodePorts).', zh: '集群类型：standard，或 serverless（没有自己的节点：不支持 DaemonSet、主机访问和 NodePort）。' },
	storageClasses: { en: 'StorageClasses the cluster has beyond those the workspace defines.', zh: '工作区定义之外、集群已有的 StorageClass。' },
	runtimeClasses: { en: 'RuntimeClasses the cluster has beyond those the workspace defines.', zh: '工作区定义之外、集群已有的 RuntimeClass。' },
	defaultNamespace: { en: 'The namespace of resources that name none.', zh: '未写命名空间的资源所属的命名空间。' },
	nodePortRange: { en: "The cluster's node port range (--service-node-port-range).", zh: '集群的节点端口范围（--service-node-port-range）。' },
	rules: { en: 'Severity or `off` per rule, for everyone working on the repository.', zh: '为仓库的所有人设置每条规则的级别或 `off`。' },
};
const PROFILE_TEXT = {
	inferredCni: { en: 'The workspace shows {0}: {1}', zh: '工作区显示 {0}：{1}' },
	noCni: { en: 'The workspace shows no CNI plugin: nothing is inferred.', zh: '工作区中没有 CNI 插件的安装清单：不做推断。' },
	twoCnis: { en: 'The workspace shows several CNI plugins ({0}): nothing is inferred.', zh: '工作区中出现了多种 CNI 插件（{0}）：不做推断。' },
	configuredWins: { en: 'This setting wins over what the workspace shows.', zh: '此设置优先于工作区显示的内容。' },
	defined: { en: 'Defined in the workspace: {0}', zh: '工作区中定义的：{0}' },
	noneDefined: { en: 'The workspace defines none.', zh: '工作区中没有定义。' },
};

/** Hover on a `.kubelore.yaml` key: what it sets, and what the workspace shows about it, with the files. */
export function projectConfigHover(uri: string, offset: number, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings): Hover | null {
	const file = index.getFile(uri);
	const at = file && nodeAt(file.manifest, offset);
	if (!file || !at?.scalar?.range || at.path.length !== 1) return null;
	const key = String(at.path[0]);
	const text = KEY_TEXT[key];
	if (!text) return null;
	const language = settings.language;
	const lines = [`**${key}** · ${t(text, language)}`];
	const place = (e: ProfileEvidence) => `[${placeOf(e, index)}](${e.uri}#L${index.getFile(e.uri)!.text.positionAt(e.start).line + 1})`;
	if (key === 'cni') {
		const inferred = clusterProfile(index, graph, { ...settings, cni: '' });
		const seen = [...inferred.cniSeen];
		if (seen.length === 0) lines.push(t(PROFILE_TEXT.noCni, language));
		else if (seen.length > 1) lines.push(format(t(PROFILE_TEXT.twoCnis, language), seen.map(([id, e]) => `${title(graph, id, language)} (${place(e[0])})`).join(', ')));
		else lines.push(format(t(PROFILE_TEXT.inferredCni, language), title(graph, seen[0][0], language), seen[0][1].slice(0, 3).map((e) => `${place(e)} ${e.what}`).join('; ')));
		if (settings.cni) lines.push(t(PROFILE_TEXT.configuredWins, language));
	} else if (key === 'runtimeClasses' || key === 'storageClasses') {
		const inferred = clusterProfile(index, graph, { ...settings, [key]: [] })[key];
		lines.push(inferred.length ? format(t(PROFILE_TEXT.defined, language), inferred.map((v) => `\`${v.value}\` (${place(v.evidence[0])})`).join(', ')) : t(PROFILE_TEXT.noneDefined, language));
	}
	const [start, end] = at.scalar.range;
	return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: { start: file.text.positionAt(at.document.start + start), end: file.text.positionAt(at.document.start + end) } };
}

function title(graph: KnowledgeGraph, id: string, language: Language): string {
	const entity = graph.get(id);
	return entity ? KnowledgeGraph.text(entity.title, language) : id;
}
