import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { parseManifest } from '../manifest/parse';
import type { ManifestDocument, ManifestFile, Resource } from '../manifest/types';
import { podTemplateOf } from './podTemplates';
import { WORKLOAD_KINDS } from './selectors';
import { TextSnapshot } from './textSnapshot';

/** A resource of the workspace with where it lives. */
export interface IndexedResource {
	uri: string;
	document: ManifestDocument;
	resource: Resource;
}

/** A file of the index: its parse, its text document for positions, and where the text came from. */
export interface IndexedFile {
	manifest: ManifestFile;
	text: TextDocument;
	/** An open editor's text wins over the disk until the editor closes. */
	open: boolean;
}

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
/** The changedAt key of what bounds and silences cross-resource checks. */
export const LAYOUT = '#layout';
const CHART = /(^|\/)Chart\.ya?ml$/;

/**
 * Every resource of every YAML file in the workspace, by kind, namespace, name and labels.
 * Updated per file; reads only text handed to it (the server and the CLI do the disk reading).
 */
export class WorkspaceIndex {
	private readonly files = new Map<string, IndexedFile>();
	private readonly kustomizeDirs = new Set<string>();
	/** The path of each file's URI, worked out once: a Chart.yaml that comes or goes has every file's path looked at. */
	private readonly paths = new Map<string, string>();
	private readonly chartDirs = new Set<string>();
	private patchFiles: Set<string> | undefined;
	/** The kustomization files of the index, and the patch files each names (for the parse they were read from). */
	private readonly kustomizations = new Map<string, { manifest: ManifestFile; patches: string[] } | undefined>();
	private readonly scopeCache = new Map<string, string>();
	private partialScopeCache: { layout: number; scopes: Set<string> } | undefined;
	/** Bumped on every change: caches keyed on it know when to drop. */
	generation = 0;
	/** When each key of `changedAt` last changed (values of one counter, so never reused). */
	private readonly changes = new Map<string, number>();
	private sortedUris: string[] | undefined;
	/** The resources of each kind by place, and by name once asked for, kept so as files come and go (no sort on a later read). */
	private readonly kindEntries = new Map<string, KindEntries>();
	private entriesChanged = 0;
	private changeCount = 0;

	constructor(private folders: string[] = []) {}

	setFolders(folders: string[]): void {
		this.folders = folders.map((f) => f.replace(/\/$/, ''));
		this.scopeCache.clear();
		this.generation++;
		this.changed(LAYOUT);
	}

	/**
	 * When what a key stands for last changed: a kind (a document of it added, removed or its text
	 * changed, or documents changed places; not when it only moved), `Kind:names` (the names and
	 * namespaces of that kind), `@Kind` (as Kind, or one moved in its file), `#pods` (a
	 * document with a pod template), `#custom` (a custom resource), `#layout` (folders,
	 * kustomizations, charts, Helm templates, patches, documents that are not plain resources),
	 * `*` (anything). Validation keeps a rule's findings while the keys it reads stand still.
	 */
	changedAt(key: string): number {
		return key === '*' ? this.generation : (this.changes.get(key) ?? 0);
	}

	/** The stamp the next change will exceed: findings computed now are current while every key they read is at most this. */
	get changeStamp(): number {
		return this.changeCount;
	}

	private changed(key: string): void {
		this.changes.set(key, ++this.changeCount);
	}

	/** Notes what changed between two versions of a file's documents (see changedAt). */
	private noteChanges(uri: string, path: string, before: readonly ManifestDocument[], after: readonly ManifestDocument[]): void {
		// Each key is noted once however many documents change it: a file of 50,000 documents read at once notes a few keys, not 150,000.
		const keys = new Set<string>();
		if (KUSTOMIZATION.test(path) || CHART.test(path) || this.isPartialFile(uri) || this.inChart(path)) keys.add(LAYOUT);
		if (before.length === 0) {
			// A new file (every file of a workspace or command-line run read at once): each document is added, each of their kinds has new names.
			for (const doc of after) this.documentChanged(uri, doc, keys);
			for (const doc of after) if (doc.resource) keys.add(kindKeys(doc.resource.kind).names);
			for (const key of keys) this.changed(key);
			return;
		}
		// Edits touch a few documents: those before and after them are the same texts, in the same order.
		let head = 0;
		while (head < before.length && head < after.length && before[head].text === after[head].text && sameParse(before[head], after[head])) head++;
		let tail = 0;
		while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail].text === after[after.length - 1 - tail].text && sameParse(before[before.length - 1 - tail], after[after.length - 1 - tail])) tail++;
		const moved = new Set<string>();
		for (let i = 0; i < tail; i++) {
			const was = before[before.length - 1 - i];
			const doc = after[after.length - 1 - i];
			if (was.start !== doc.start && doc.resource) moved.add(doc.resource.kind);
		}
		const added: ManifestDocument[] = [];
		const gone: ManifestDocument[] = [];
		let reordered = false;
		if (head === before.length - tail) {
			// Nothing of the old version left between the unchanged ends (a new file, or text added): every document between them is new.
			for (let i = head; i < after.length - tail; i++) added.push(after[i]);
		} else {
			const old = new Map<string, ManifestDocument[]>();
			for (let i = head; i < before.length - tail; i++) {
				const doc = before[i];
				const list = old.get(doc.text);
				if (list) list.push(doc);
				else old.set(doc.text, [doc]);
			}
			const position = new Map<ManifestDocument, number>();
			for (let i = head; i < before.length - tail; i++) position.set(before[i], i);
			let last = -1;
			for (let i = head; i < after.length - tail; i++) {
				const doc = after[i];
				const was = old.get(doc.text)?.shift();
				if (!was) added.push(doc);
				else if (!sameParse(was, doc)) {
					gone.push(was);
					added.push(doc);
				} else {
					const at = position.get(was)!;
					if (at < last) reordered = true;
					last = at;
					if (was.start !== doc.start && doc.resource) moved.add(doc.resource.kind);
				}
			}
			for (const list of old.values()) gone.push(...list);
		}
		for (const kind of moved) keys.add(`@${kind}`);
		// Documents that changed places with each other change the order answers come in: as good as edited.
		if (reordered) {
			const fresh = new Set(added);
			for (const doc of after) if (!fresh.has(doc)) this.documentChanged(uri, doc, keys);
		}
		for (const doc of gone) this.documentChanged(uri, doc, keys);
		for (const doc of added) this.documentChanged(uri, doc, keys);
		// `Kind:names`: the names and namespaces of a kind, for rules that ask only whether one exists.
		const names = new Map<string, string[][]>();
		const note = (doc: ManifestDocument, side: 0 | 1) => {
			if (!doc.resource) return;
			let sides = names.get(doc.resource.kind);
			if (!sides) names.set(doc.resource.kind, (sides = [[], []]));
			sides[side].push(`${doc.resource.namespace ?? ''}/${doc.resource.name ?? ''}`);
		};
		for (const doc of gone) note(doc, 0);
		for (const doc of added) note(doc, 1);
		for (const [kind, [was, now]] of names) if (reordered || was.length !== now.length || was.sort().join('\n') !== now.sort().join('\n')) keys.add(`${kind}:names`);
		if (reordered) for (const doc of after) if (doc.resource) keys.add(`${doc.resource.kind}:names`);
		for (const key of keys) this.changed(key);
	}

	/** Adds to `keys` what a document that came, went or changed changes. */
	private documentChanged(uri: string, document: ManifestDocument, keys: Set<string>): void {
		if (document.kind !== 'resource' || document.partialReason) keys.add(LAYOUT);
		const resource = document.resource;
		if (!resource) return;
		keys.add(resource.kind);
		keys.add(kindKeys(resource.kind).moved);
		const slash = resource.apiVersion.indexOf('/');
		if (slash > 0 && resource.apiVersion.slice(0, slash).includes('.')) keys.add('#custom');
		// Once a document with a pod template is noted, the others need not be looked at for one.
		if (keys.has('#pods')) return;
		// A workload always has a pod template (see podTemplateOf): its value need not be read for that.
		if (WORKLOAD_KINDS.includes(resource.kind)) {
			keys.add('#pods');
			return;
		}
		try {
			if (podTemplateOf({ uri, document, resource })) keys.add('#pods');
		} catch {
			keys.add('#pods');
		}
	}

	/**
	 * Adds or replaces a file, given its text or the text as a document that never changes (an
	 * editor's version, or a file of the command line read on first use), kept for positions
	 * instead of a new one that would count the lines again; a document's text is asked for only
	 * when it has to be parsed or compared with the file's earlier text. Text from disk does not
	 * replace an open editor's text. `parsed` is a parse of this very text made earlier (the
	 * command line's cache), used instead of parsing.
	 */
	setFile(uri: string, content: string | TextDocument, version: number, open: boolean, parsed?: ManifestFile): IndexedFile | undefined {
		const previous = this.files.get(uri);
		if (previous?.open && !open) return previous;
		const text = () => (typeof content === 'string' ? content : content.getText());
		if (previous && previous.open === open && previous.manifest.text === text()) return previous;
		// Read through pathOf: noteChanges asks isPartialFile about the same URI, which then parses it no second time.
		const path = this.pathOf(uri);
		const manifest = parsed ?? parseManifest(uri, version, text(), { helmTemplate: this.isHelmTemplate(path), valuesFirst: true }, previous?.manifest);
		const file: IndexedFile = { manifest, text: typeof content === 'string' ? new TextSnapshot(uri, 'yaml', version, content) : content, open };
		this.noteChanges(uri, path, previous?.manifest.documents ?? [], manifest.documents);
		this.removeEntries(uri);
		if (!previous) this.sortedUris = undefined;
		this.files.set(uri, file);
		this.paths.set(uri, path);
		this.addEntries(uri, manifest);
		if (KUSTOMIZATION.test(path)) {
			if (!this.kustomizeDirs.has(dirname(path))) this.scopeCache.clear();
			this.kustomizeDirs.add(dirname(path));
			this.kustomizations.set(uri, undefined);
			this.patchFiles = undefined;
		}
		this.generation++;
		if (CHART.test(path) && !this.chartDirs.has(dirname(path))) this.chartsChanged(dirname(path), true);
		return file;
	}

	/** An editor closed: its text no longer wins; the caller re-reads the disk. */
	markClosed(uri: string): void {
		const file = this.files.get(uri);
		if (file) file.open = false;
	}

	removeFile(uri: string): void {
		const old = this.files.get(uri);
		if (!old) return;
		const path = this.pathOf(uri);
		this.noteChanges(uri, path, old.manifest.documents, []);
		this.removeEntries(uri);
		this.files.delete(uri);
		this.paths.delete(uri);
		this.sortedUris = undefined;
		this.scopeCache.delete(uri);
		if (KUSTOMIZATION.test(path)) {
			this.kustomizeDirs.delete(dirname(path));
			this.kustomizations.delete(uri);
			this.scopeCache.clear();
			this.patchFiles = undefined;
		}
		this.generation++;
		if (CHART.test(path) && this.chartDirs.has(dirname(path))) this.chartsChanged(dirname(path), false);
	}

	/** The folders of the Helm charts in the index. */
	chartFolders(): string[] {
		return [...this.chartDirs];
	}

	/**
	 * A Chart.yaml came or went: its folder becomes (or stops being) a scope of its own, and the files
	 * under its templates/ are read again as templates (or as plain manifests).
	 */
	private chartsChanged(dir: string, added: boolean): void {
		if (added) this.chartDirs.add(dir);
		else this.chartDirs.delete(dir);
		this.scopeCache.clear();
		for (const [uri, file] of this.files) {
			const path = this.pathOf(uri);
			if (!path.startsWith(`${dir}/templates/`)) continue;
			const { text, version } = file.manifest;
			const manifest = parseManifest(uri, version, text, { helmTemplate: this.isHelmTemplate(path), valuesFirst: true }, file.manifest);
			this.removeEntries(uri);
			this.files.set(uri, { ...file, manifest });
			this.addEntries(uri, manifest);
		}
		this.generation++;
		this.changed(LAYOUT);
	}

	getFile(uri: string): IndexedFile | undefined {
		return this.files.get(uri);
	}

	/** Every file, in URI order (not the order they came in: answers must not depend on history). */
	get uris(): string[] {
		this.sortedUris ??= [...this.files.keys()].sort();
		return this.sortedUris.slice();
	}

	get size(): number {
		return this.files.size;
	}

	/** Every indexed resource of a kind, by URI and offset. */
	ofKind(kind: string): IndexedResource[] {
		const entries = this.kindEntries.get(kind);
		return entries ? settled(entries).byPlace.slice() : [];
	}

	/** The resources of a kind sorted by name (code-unit order), then by URI and offset; not a copy: read only. */
	ofKindByName(kind: string): readonly IndexedResource[] {
		const entries = this.kindEntries.get(kind);
		if (!entries) return [];
		settled(entries);
		entries.byName ??= entries.byPlace.slice().sort(byNameThenPlace);
		return entries.byName;
	}

	/** The resources of a kind by URI and offset, as ofKind, but not a copy: read only. */
	ofKindByPlace(kind: string): readonly IndexedResource[] {
		const entries = this.kindEntries.get(kind);
		return entries ? settled(entries).byPlace : [];
	}

	/** A number that changes whenever a resource of the kind comes or goes (an edit replaces its file's resources). */
	kindVersion(kind: string): number {
		return this.kindEntries.get(kind)?.version ?? 0;
	}

	/** Resources of a kind and name, in any namespace and scope (by URI and offset). */
	named(kind: string, name: string): IndexedResource[] {
		const entries = this.kindEntries.get(kind);
		if (!entries) return [];
		settled(entries);
		entries.names ??= namesOf(entries.byPlace);
		const run = entries.names.get(name);
		return run === undefined ? [] : Array.isArray(run) ? run.slice() : [run];
	}

	/** The folder that bounds cross-resource checks for a file: nearest kustomization or Helm chart, else the workspace folder. */
	scopeOf(uri: string): string {
		let cached = this.scopeCache.get(uri);
		if (cached !== undefined) return cached;
		cached = this.computeScope(uri);
		// Only indexed files are kept (removeFile forgets them): a URI asked about but never indexed leaves nothing behind.
		if (this.files.has(uri)) this.scopeCache.set(uri, cached);
		return cached;
	}

	/**
	 * Scope folders that hold a Helm chart's template or a Kustomize patch, or whose kustomization pulls in
	 * resources from beyond its folder (an overlay's base): what they build is not all in view
	 * (cached until the layout changes: every change of what this reads, a partial document, a patch,
	 * a kustomization, a chart or the folders, changes the layout; see noteChanges).
	 */
	partialScopes(): Set<string> {
		const layout = this.changedAt(LAYOUT);
		if (this.partialScopeCache?.layout === layout) return this.partialScopeCache.scopes;
		const scopes = new Set<string>();
		for (const [uri, file] of this.files) {
			// A templated document outside a chart ({{ }} in a plain folder) silences only what it could
			// render (see charts.ts), not its whole scope; patches and chart templates do.
			if (this.isPartialFile(uri) || file.manifest.documents.some((d) => d.kind === 'partial' && d.partialReason !== 'helm')) scopes.add(this.scopeOf(uri));
			const path = this.pathOf(uri);
			if (KUSTOMIZATION.test(path) && this.includesOtherScopes(dirname(path), file)) scopes.add(dirname(path));
		}
		this.partialScopeCache = { layout, scopes };
		return scopes;
	}

	/** True when a kustomization lists resources, bases or components outside its own scope (other folders, remote URLs). */
	private includesOtherScopes(dir: string, file: IndexedFile): boolean {
		for (const doc of file.manifest.documents) {
			let value: unknown;
			try {
				value = doc.resource?.value ?? doc.yaml?.toJS();
			} catch {
				continue;
			}
			for (const key of ['resources', 'bases', 'components']) {
				const list = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
				if (!Array.isArray(list)) continue;
				for (const entry of list) {
					if (typeof entry !== 'string') continue;
					if (/^[a-z][a-z0-9+.-]*:\/\/|^github\.com\/|\?ref=/i.test(entry) || !/\.(ya?ml|json)$/i.test(entry)) return true;
					if (this.scopeOf(Utils.joinPath(URI.file(dir), entry).toString()) !== dir) return true;
				}
			}
		}
		return false;
	}

	private computeScope(uri: string): string {
		const path = this.pathOf(uri);
		let dir = dirname(path);
		const folder = this.folders.filter((f) => path.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
		while (dir.length > 0) {
			if (this.kustomizeDirs.has(dir) || this.chartDirs.has(dir)) return dir;
			if (folder && dir === folder) return folder;
			const parent = dirname(dir);
			if (parent === dir) break;
			dir = parent;
		}
		return folder ?? dirname(path);
	}

	/** True when a file is a Helm template, or named as a patch by a kustomization. */
	isPartialFile(uri: string): boolean {
		const path = this.pathOf(uri);
		return this.isHelmTemplate(path) || this.kustomizePatches().has(path);
	}

	/** The path of the URI not in the index asked about last (setFile asks about a new file's three times). */
	private lastPath: { uri: string; path: string } | undefined;

	/** An indexed file's path as kept, else parsed from the URI: rules ask about every file of a kind, once per resource they read. */
	private pathOf(uri: string): string {
		const path = this.paths.get(uri);
		if (path !== undefined) return path;
		if (this.lastPath?.uri !== uri) this.lastPath = { uri, path: URI.parse(uri).path };
		return this.lastPath.path;
	}

	/** True when a document is not a whole resource to judge: Helm template or Kustomize patch. */
	isPartial(entry: IndexedResource): boolean {
		return entry.document.kind === 'partial' || this.isPartialFile(entry.uri);
	}

	/** True when a path is under `<chart>/templates/` of a chart folder: the folders before each `/templates/` of the path looked up, not every chart tried. */
	private isHelmTemplate(path: string): boolean {
		for (let at = path.indexOf('/templates/'); at >= 0; at = path.indexOf('/templates/', at + 1)) if (this.chartDirs.has(path.slice(0, at))) return true;
		return false;
	}

	/** True when a path is inside a chart folder: the folders it is in looked up, not every chart tried. */
	private inChart(path: string): boolean {
		if (this.chartDirs.size === 0) return false;
		for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) if (this.chartDirs.has(path.slice(0, at))) return true;
		return false;
	}

	/**
	 * The paths of the files the kustomizations name as patches. Made again after a kustomization came,
	 * changed or went, from the kustomizations alone, each read again only when its parse is new: a
	 * repository of overlays indexed kustomization after kustomization would otherwise have every file
	 * of the index looked at again for each of them.
	 */
	private kustomizePatches(): Set<string> {
		if (this.patchFiles) return this.patchFiles;
		const patches = new Set<string>();
		for (const [uri, read] of this.kustomizations) {
			const file = this.files.get(uri);
			if (!file) continue;
			let known = read;
			if (known?.manifest !== file.manifest) this.kustomizations.set(uri, (known = { manifest: file.manifest, patches: patchFilesOf(uri, file.manifest) }));
			for (const path of known.patches) patches.add(path);
		}
		this.patchFiles = patches;
		return patches;
	}

	private addEntries(uri: string, manifest: ManifestFile): void {
		for (const document of manifest.documents) {
			const resource = document.resource;
			if (!resource) continue;
			const entry = { uri, document, resource };
			let kind = this.kindEntries.get(resource.kind);
			if (!kind) this.kindEntries.set(resource.kind, (kind = { byPlace: [], added: [], version: 0 }));
			kind.version = ++this.entriesChanged;
			// Sorted in at the next read: thousands of files read in a row cost one merge, not one insertion each.
			kind.added.push(entry);
		}
	}

	private removeEntries(uri: string): void {
		const old = this.files.get(uri);
		if (!old) return;
		const kinds = new Set<string>();
		for (const document of old.manifest.documents) {
			const resource = document.resource;
			if (resource) kinds.add(resource.kind);
		}
		for (const name of kinds) {
			const kind = this.kindEntries.get(name);
			if (!kind) continue;
			kind.version = ++this.entriesChanged;
			// Taken out of the sorted lists at once (those waiting sorted in first): nothing keeps a removed resource alive.
			settled(kind);
			const from = firstAtOrAfter(kind.byPlace, (e) => e.uri >= uri);
			const to = firstAtOrAfter(kind.byPlace, (e) => e.uri > uri);
			const gone = kind.byPlace.splice(from, to - from);
			for (const entry of gone) {
				if (kind.byName) {
					const at = firstAtOrAfter(kind.byName, (e) => byNameThenPlace(e, entry) >= 0);
					if (kind.byName[at] === entry) kind.byName.splice(at, 1);
				}
				if (kind.names) takeFromName(kind.names, entry);
			}
		}
	}
}

/**
 * The resources of one kind by place (URI, then offset), and those not sorted in yet. By name only
 * once asked for (a command-line run asks for some kinds by place alone): `names` for named(), in
 * place order under each name (hashing, no sort); `byName`, the whole list by name then place, for
 * completion's prefix search.
 */
interface KindEntries {
	byPlace: IndexedResource[];
	byName?: IndexedResource[];
	names?: Names;
	/** The resources not sorted in yet, as they came. */
	added: IndexedResource[];
	version: number;
}

/** The lists with the added resources merged in: a sort of the new ones and one pass over the rest. */
function settled(entries: KindEntries): KindEntries {
	if (entries.added.length === 0) return entries;
	const added = entries.added.sort(byPlace);
	entries.added = [];
	entries.byPlace = merge(entries.byPlace, added, byPlace);
	if (entries.names) for (const entry of added) placeUnderName(entries.names, entry);
	if (entries.byName) entries.byName = merge(entries.byName, added.sort(byNameThenPlace), byNameThenPlace);
	return entries;
}

/** The resources of a kind under their names, each run in place order: most names have one, kept as itself (no array for it). */
type Names = Map<string, IndexedResource | IndexedResource[]>;

function nameOf(entry: IndexedResource): string {
	return entry.resource.name ?? '';
}

const kindKeyMemo = new Map<string, { moved: string; names: string }>();

/** The keys `@Kind` and `Kind:names` of a kind, made once (every document of a run notes them). */
function kindKeys(kind: string): { moved: string; names: string } {
	let known = kindKeyMemo.get(kind);
	if (!known) {
		// Kinds are few; a hostile workspace of many made-up kinds only makes them again.
		if (kindKeyMemo.size >= 10_000) kindKeyMemo.clear();
		kindKeyMemo.set(kind, (known = { moved: `@${kind}`, names: `${kind}:names` }));
	}
	return known;
}

/** The resources of a list by place, under their names (each run in place order). */
function namesOf(list: readonly IndexedResource[]): Names {
	const names: Names = new Map();
	for (const entry of list) placeUnderName(names, entry);
	return names;
}

function takeFromName(names: Names, entry: IndexedResource): void {
	const name = nameOf(entry);
	const run = names.get(name);
	if (run === entry) names.delete(name);
	else if (Array.isArray(run)) {
		const at = run.indexOf(entry);
		if (at >= 0) run.splice(at, 1);
		if (run.length === 1) names.set(name, run[0]);
	}
}

/** A resource put under its name, in place order (after the others, as a rule: files come in order). */
function placeUnderName(names: Names, entry: IndexedResource): void {
	const name = nameOf(entry);
	const run = names.get(name);
	if (run === undefined) names.set(name, entry);
	else if (!Array.isArray(run)) names.set(name, byPlace(run, entry) < 0 ? [run, entry] : [entry, run]);
	else if (byPlace(run[run.length - 1], entry) < 0) run.push(entry);
	else run.splice(firstAtOrAfter(run, (e) => byPlace(e, entry) > 0), 0, entry);
}

/** Two sorted lists as one (of distinct items: where they compare equal does not arise). */
function merge<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
	if (a.length === 0) return b.slice();
	const out = new Array<T>(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) out[k++] = compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}

/** The first position of a sorted list where `atOrAfter` holds (it holds from some position to the end). */
export function firstAtOrAfter<T>(list: readonly T[], atOrAfter: (item: T) => boolean): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (atOrAfter(list[mid])) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The order of ofKindByName: by name (code units), then URI, then offset. */
export function byNameThenPlace(a: IndexedResource, b: IndexedResource): number {
	const x = nameOf(a);
	const y = nameOf(b);
	return x < y ? -1 : x > y ? 1 : byPlace(a, b);
}

/** True when two documents of the same text were read alike (a Helm template or not). */
function sameParse(a: ManifestDocument, b: ManifestDocument): boolean {
	return a === b || (a.kind === b.kind && a.partialReason === b.partialReason && a.resource?.kind === b.resource?.kind);
}

function byPlace(a: IndexedResource, b: IndexedResource): number {
	return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.document.start - b.document.start;
}

/** A kustomization.yaml without apiVersion/kind is 'other': read its value from the parse. */
function kustomizationValue(doc: ManifestDocument): Record<string, unknown> | undefined {
	try {
		const value = doc.yaml?.toJS({ maxAliasCount: 100 }) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

/** The paths of the files a kustomization file names as patches. */
function patchFilesOf(uri: string, manifest: ManifestFile): string[] {
	const dir = dirname(URI.parse(uri).path);
	const paths: string[] = [];
	for (const doc of manifest.documents) {
		const value = doc.resource?.value ?? kustomizationValue(doc);
		for (const name of patchPaths(value)) paths.push(Utils.joinPath(URI.file(dir), name).path);
	}
	return paths;
}

/** File names a kustomization uses as patches (strategic merge or JSON 6902). */
function patchPaths(value: Record<string, unknown> | undefined): string[] {
	if (!value) return [];
	const out: string[] = [];
	for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
		const list = value[key];
		if (!Array.isArray(list)) continue;
		for (const item of list) {
			if (typeof item === 'string' && !item.includes('\n')) out.push(item);
			else if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') out.push((item as { path: string }).path);
		}
	}
	return out;
}
