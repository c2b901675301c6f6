import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import type { Localized } from '../knowledge/types';
import { format, t } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import { replicasOf } from '../rules/podSpec';
import type { Settings } from '../settings';
import { bindingOf, claimToBind, type ClaimBinding } from '../storage/binding';
import { defaultStorageClasses, provisionerOf } from '../storage/volumes';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import type { PodTemplate } from '../workspace/podTemplates';
import { podsOfService, usersOf } from '../workspace/relations';
import { Scope } from '../workspace/scope';
import { locationOf } from './navigation';

/** The client command a lens runs: shows the locations as references (uri, position, locations). */
export const SHOW_REFERENCES_COMMAND = 'kubelore.showReferences';
const LISTED = 2;

const TEXT = {
	selects: { en: 'selects {0}', zh: '选择 {0}' },
	replicas: { en: '{0} replicas', zh: '{0} 个副本' },
	oneReplica: { en: '1 replica', zh: '1 个副本' },
	perNode: { en: 'one per node', zh: '每个节点一个' },
	selectsNothing: { en: 'selects nothing in this workspace', zh: '在此工作区中没有选中任何 Pod' },
	boundTo: { en: 'bound to PV {0}', zh: '绑定到 PV {0}' },
	volumeNameMissing: { en: 'names PV {0}, not in this workspace', zh: '指定的 PV {0} 不在此工作区中' },
	dynamic: { en: 'dynamic: {0}', zh: '动态制备：{0}' },
	unknownClass: { en: 'class {0} not in this workspace', zh: '存储类 {0} 不在此工作区中' },
	defaultClass: { en: "the cluster's default class decides", zh: '由集群的默认存储类决定' },
	noPv: { en: 'no PV can bind', zh: '没有可绑定的 PV' },
	usedBy: { en: 'used by {0}', zh: '被 {0} 使用' },
	unused: { en: 'used by nothing in this workspace', zh: '在此工作区中未被使用' },
	more: { en: '{0} and {1} more', zh: '{0} 等 {1} 个' },
} satisfies Record<string, Localized>;

/** What a lens tells, kept in the lens until the editor resolves it. */
interface LensData {
	uri: string;
	/** Offset of the document in its file. */
	start: number;
	what: 'selects' | 'binding' | 'users';
}

/**
 * Lenses above Services (what they select), claims (how they bind) and ConfigMaps, Secrets and claims
 * (who uses them). Only their places: the editor resolves the lenses it shows (a large file has hundreds).
 */
export function codeLenses(uri: string, index: WorkspaceIndex, settings: Settings): CodeLens[] {
	const file = index.getFile(uri);
	if (!file || !settings.codeLens || index.isPartialFile(uri)) return [];
	const out: CodeLens[] = [];
	for (const document of file.manifest.documents) {
		const resource = document.resource;
		if (!resource || document.kind !== 'resource') continue;
		const line = file.text.positionAt(document.start + firstContentOffset(document.text)).line;
		const range = { start: { line, character: 0 }, end: { line, character: 0 } };
		const add = (what: LensData['what']) => out.push({ range, data: { uri, start: document.start, what } satisfies LensData });
		if (resource.kind === 'Service' && isRecord(resource.value.spec) && isRecord(resource.value.spec.selector) && resource.value.spec.type !== 'ExternalName') add('selects');
		if (resource.kind === 'PersistentVolumeClaim') add('binding');
		if (['PersistentVolumeClaim', 'ConfigMap', 'Secret'].includes(resource.kind)) add('users');
	}
	return out;
}

/** The title of a lens and the command that shows the resources it names. */
export function resolveCodeLens(lens: CodeLens, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings): CodeLens {
	const data = lens.data as Partial<LensData> | undefined;
	const file = data?.uri ? index.getFile(data.uri) : undefined;
	const document = file?.manifest.documents.find((d) => d.start === data?.start);
	const resource = document?.resource;
	if (!data?.uri || !document || !resource) return { ...lens, command: { title: '', command: '' } };
	const entry: IndexedResource = { uri: data.uri, document, resource };
	const language = settings.language;
	let title: string;
	let locations: Location[];
	if (data.what === 'selects') {
		const pods = podsOfService(entry, index, settings);
		title = pods.length ? selectsTitle(pods, language) : t(TEXT.selectsNothing, language);
		locations = pods.map((p) => locationOf(index, p.entry));
	} else if (data.what === 'binding') {
		const binding = claimBinding(new SharedScope(index, entry, settings), graph, settings);
		title = bindingTitle(binding, language);
		locations = bindingLocations(binding, index);
	} else {
		const users = usersOf(entry, index, settings);
		const owners = [...new Set(users.map((u) => `${u.entry.resource.kind}/${u.entry.resource.name ?? '?'}`))];
		title = owners.length ? format(t(TEXT.usedBy, language), listed(owners, language)) : t(TEXT.unused, language);
		locations = users.map((u) => locationOf(index, u.entry, u.path));
	}
	return { range: lens.range, command: { title, command: locations.length ? SHOW_REFERENCES_COMMAND : '', arguments: locations.length ? [data.uri, lens.range.start, locations] : undefined } };
}

/** "selects Deployment/web, 3 replicas". */
function selectsTitle(pods: PodTemplate[], language: Settings['language']): string {
	const owners = pods.map((p) => `${p.entry.resource.kind}/${p.entry.resource.name ?? '?'}`);
	const counts = pods.map((p) => (p.entry.resource.kind === 'Pod' ? 1 : replicasOf(p.entry.resource)));
	let replicas = '';
	if (pods.some((p) => p.entry.resource.kind === 'DaemonSet')) replicas = t(TEXT.perNode, language);
	else if (counts.every((n) => n !== undefined)) {
		const total = counts.reduce((a, b) => a! + b!, 0)!;
		replicas = total === 1 ? t(TEXT.oneReplica, language) : format(t(TEXT.replicas, language), total);
	}
	return format(t(TEXT.selects, language), [listed(owners, language), replicas].filter(Boolean).join(', '));
}

function listed(names: string[], language: Settings['language']): string {
	const shown = names.slice(0, LISTED).join(', ');
	return names.length > LISTED ? format(t(TEXT.more, language), shown, names.length - LISTED) : shown;
}

const sharedLists = new WeakMap<WorkspaceIndex, { generation: number; lists: Map<string, IndexedResource[]> }>();

/**
 * A scope whose cluster-scoped lists (PVs, StorageClasses) are read once per index generation and
 * shared by every claim's lens: each claim's binding asks for all of them.
 */
class SharedScope extends Scope {
	private readonly folderKey: string;
	private readonly shared: Map<string, IndexedResource[]>;

	constructor(index: WorkspaceIndex, entry: IndexedResource, settings: Settings) {
		super(index, entry, settings);
		this.folderKey = index.scopeOf(entry.uri);
		let cached = sharedLists.get(index);
		if (cached?.generation !== index.generation) sharedLists.set(index, (cached = { generation: index.generation, lists: new Map() }));
		this.shared = cached.lists;
	}

	override clusterScoped(kind: string, name?: string): IndexedResource[] {
		const all = `${this.folderKey}\n${kind}`;
		let list = this.shared.get(all);
		if (!list) this.shared.set(all, (list = super.clusterScoped(kind)));
		return name === undefined ? list : list.filter((e) => e.resource.name === name);
	}
}

/** How a claim binds, as the claim hover reads it. */
function claimBinding(scope: Scope, graph: KnowledgeGraph, settings: Settings): ClaimBinding {
	const claim = scope.entry;
	const spec = isRecord(claim.resource.value.spec) ? claim.resource.value.spec : {};
	const defaultClass = defaultStorageClasses(scope, graph)[0]?.resource.name ?? '';
	return bindingOf(claimToBind(claim.resource.name ?? '', scope.namespace, { spec, annotations: claim.resource.annotations }, defaultClass), scope, settings.storageClasses);
}

function bindingTitle(binding: ClaimBinding, language: Settings['language']): string {
	switch (binding.kind) {
		case 'volumeName':
			return binding.pv && !binding.failure ? format(t(TEXT.boundTo, language), binding.volumeName) : binding.pv ? t(TEXT.noPv, language) : format(t(TEXT.volumeNameMissing, language), binding.volumeName);
		case 'claimRef':
		case 'match':
			return format(t(TEXT.boundTo, language), binding.pv.resource.name ?? '?');
		case 'dynamic': {
			const provisioner = binding.storageClass && provisionerOf(binding.storageClass);
			return format(t(TEXT.dynamic, language), [binding.className, provisioner].filter(Boolean).join(', '));
		}
		case 'unknownClass':
			return format(t(TEXT.unknownClass, language), binding.className);
		case 'unknownDefault':
			return t(TEXT.defaultClass, language);
		case 'unbindable':
			return t(TEXT.noPv, language);
	}
}

function bindingLocations(binding: ClaimBinding, index: WorkspaceIndex): Location[] {
	if ('pv' in binding && binding.pv) return [locationOf(index, binding.pv)];
	if (binding.kind === 'dynamic' && binding.storageClass) return [locationOf(index, binding.storageClass)];
	if ('candidates' in binding) return binding.candidates.map((c) => locationOf(index, c.pv));
	return [];
}

/** The offset of a document's first line that is not a `---` marker, a comment or blank. */
function firstContentOffset(text: string): number {
	const match = /^(?!---|\s*#|\s*$)/m.exec(text);
	return match ? match.index : 0;
}
