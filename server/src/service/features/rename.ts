import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { Localized } from '../knowledge/types';
import { both, format } from '../l10n/text';
import { nodeAt, pathPattern, rangeOf } from '../manifest/nodes';
import type { NodePath } from '../manifest/types';
import type { Settings } from '../settings';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { referenceAt } from '../workspace/references';
import { referenceTargets, usersOf } from '../workspace/relations';

/** Kinds whose name KubeLore renames together with every reference to it. */
const RENAMEABLE = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'Service', 'ConfigMap', 'Secret', 'StorageClass', 'RuntimeClass', 'ServiceAccount', 'IngressClass', 'PriorityClass']);

const TEXT = {
	notRenameable: { en: 'KubeLore renames claims, volumes, Services, ConfigMaps, Secrets, StorageClasses, RuntimeClasses, ServiceAccounts, IngressClasses and PriorityClasses, not a {0}.', zh: 'KubeLore 只重命名 PVC、PV、Service、ConfigMap、Secret、StorageClass、RuntimeClass、ServiceAccount、IngressClass 和 PriorityClass，不重命名 {0}。' },
	notInWorkspace: { en: 'No {0} named "{1}" in the workspace: it is defined outside it, so renaming here would break the reference.', zh: '工作区中没有名为 "{1}" 的 {0}：它定义在工作区之外，在此重命名会破坏引用。' },
	ambiguous: { en: '{0} "{1}" is defined {2} times in this scope: rename it where it is defined.', zh: '{0} "{1}" 在此范围内定义了 {2} 次：请在定义处重命名。' },
	helm: { en: '"{0}" is used in {1}, a Helm template or Kustomize patch: its references there cannot be renamed safely. Rename it by hand.', zh: '"{0}" 用在 Helm 模板或 Kustomize 补丁 {1} 中：其中的引用无法安全地重命名，请手动修改。' },
	profile: { en: 'The cluster profile lists {0} "{1}": the cluster outside the workspace uses this name.', zh: '集群配置列出了 {0} "{1}"：工作区之外的集群在使用这个名称。' },
	invalidName: { en: '"{0}" is not a valid {1} name: {2}.', zh: '"{0}" 不是有效的 {1} 名称：{2}。' },
	dns1035: { en: 'lower-case letters, digits and "-", starting with a letter, at most 63 characters', zh: '小写字母、数字和 "-"，以字母开头，最多 63 个字符' },
	dns1123: { en: 'lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters', zh: '小写字母、数字、"-" 和 "."，以字母或数字开头和结尾，最多 253 个字符' },
} satisfies Record<string, Localized>;

/** A rename KubeLore refuses, with the reason to show. */
export interface RenameRefusal {
	refused: Localized;
}

interface RenameTarget {
	target: IndexedResource;
	/** The name under the cursor: the definition's or a reference's. */
	range: [number, number];
}

/** The range and name a rename at the cursor would change, a refusal with its reason, or null when nothing there can be renamed. */
export function prepareRename(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): { range: Range; placeholder: string } | RenameRefusal | null {
	const found = renameTarget(uri, offset, index, settings);
	if (!found || 'refused' in found) return found ?? null;
	const edits = renameEdits(found.target, found.target.resource.name ?? '', index, settings);
	if ('refused' in edits) return edits;
	const text = index.getFile(uri)!.text;
	return { range: { start: text.positionAt(found.range[0]), end: text.positionAt(found.range[1]) }, placeholder: found.target.resource.name ?? '' };
}

/** Every edit that renames the resource at the cursor and its references across files, or a refusal: never part of them. */
export function rename(uri: string, offset: number, newName: string, index: WorkspaceIndex, settings: Settings): WorkspaceEdit | RenameRefusal | null {
	const found = renameTarget(uri, offset, index, settings);
	if (!found || 'refused' in found) return found ?? null;
	const kind = found.target.resource.kind;
	const label = kind === 'Service' ? /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(newName) && newName.length <= 63 : /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(newName) && newName.length <= 253;
	const rule = kind === 'Service' ? TEXT.dns1035 : TEXT.dns1123;
	if (!label) return { refused: { en: format(TEXT.invalidName.en, newName, kind, rule.en), zh: format(TEXT.invalidName.zh, newName, kind, rule.zh) } };
	return renameEdits(found.target, newName, index, settings);
}

function renameTarget(uri: string, offset: number, index: WorkspaceIndex, settings: Settings): RenameTarget | RenameRefusal | undefined {
	const file = index.getFile(uri);
	const at = file && offset >= 0 ? nodeAt(file.manifest, offset) : undefined;
	const resource = at?.document.resource;
	if (!at?.scalar || at.isKey || !resource) return undefined;
	const range = valueRange(index, { uri, document: at.document, resource }, at.path);
	if (!range) return undefined;
	const entry: IndexedResource = { uri, document: at.document, resource };
	if (pathPattern(at.path) === 'metadata.name') return RENAMEABLE.has(resource.kind) ? { target: entry, range } : { refused: both(TEXT.notRenameable, resource.kind) };
	const reference = referenceAt(pathPattern(at.path), resource.kind);
	if (!reference) return undefined;
	const name = String(at.scalar.value);
	const targets = referenceTargets(entry, at.path, name, index, settings);
	if (targets.length === 0) return { refused: both(TEXT.notInWorkspace, reference.target, name) };
	if (!RENAMEABLE.has(targets[0].resource.kind)) return { refused: both(TEXT.notRenameable, targets[0].resource.kind) };
	if (targets.length > 1) return { refused: both(TEXT.ambiguous, targets[0].resource.kind, name, targets.length) };
	return { target: targets[0], range };
}

/** The definition's name and every reference to it, unless one of them cannot be changed safely. */
function renameEdits(target: IndexedResource, newName: string, index: WorkspaceIndex, settings: Settings): WorkspaceEdit | RenameRefusal {
	const { kind, name = '' } = target.resource;
	if ((kind === 'StorageClass' && settings.storageClasses.includes(name)) || (kind === 'RuntimeClass' && settings.runtimeClasses.includes(name))) return { refused: both(TEXT.profile, kind, name) };
	const users = usersOf(target, index, settings);
	const partial = [target, ...users.map((u) => u.entry)].find((e) => index.isPartial(e)) ?? partialMention(target, index);
	if (partial) return { refused: both(TEXT.helm, name, `${fileName(partial.uri)}:${index.getFile(partial.uri)!.text.positionAt(partial.document.start).line + 1}`) };
	const changes: Record<string, TextEdit[]> = {};
	for (const { entry, path } of [{ entry: target, path: ['metadata', 'name'] as NodePath }, ...users]) {
		const span = valueRange(index, entry, path);
		if (!span) continue;
		const text = index.getFile(entry.uri)!.text;
		(changes[entry.uri] ??= []).push({ range: { start: text.positionAt(span[0]), end: text.positionAt(span[1]) }, newText: newName });
	}
	return { changes };
}

/** A Helm template or patch of the target's scope whose text names it, though it did not parse into a reference. */
function partialMention(target: IndexedResource, index: WorkspaceIndex): IndexedResource | undefined {
	const name = target.resource.name;
	if (!name) return undefined;
	const folder = index.scopeOf(target.uri);
	const word = new RegExp(`(^|[^\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w.-])`, 'm');
	for (const uri of index.uris) {
		if (index.scopeOf(uri) !== folder) continue;
		for (const document of index.getFile(uri)?.manifest.documents ?? []) {
			const partial = document.kind === 'partial' || index.isPartialFile(uri);
			if (partial && word.test(document.text)) return { uri, document, resource: document.resource ?? target.resource };
		}
	}
	return undefined;
}

/** The offsets of a scalar value without its quotes. */
function valueRange(index: WorkspaceIndex, entry: IndexedResource, path: NodePath): [number, number] | undefined {
	const span = rangeOf(entry.document, path);
	const text = index.getFile(entry.uri)?.manifest.text;
	if (!span || text === undefined) return undefined;
	const quoted = text[span[0]] === '"' || text[span[0]] === "'";
	const raw = text.slice(span[0], span[1]).trimEnd();
	return quoted ? [span[0] + 1, span[0] + raw.length - 1] : [span[0], span[0] + raw.length];
}

function fileName(uri: string): string {
	const path = URI.parse(uri).path;
	return path.slice(path.lastIndexOf('/') + 1);
}
