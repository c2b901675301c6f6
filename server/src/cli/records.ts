/* Parses as plain data: written to the index and cache files, handed to worker threads, read back without parsing YAML again. */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { isRecord, parseManifest, DocumentBase } from '../service/manifest/parse';
import type { ManifestDocument, ManifestFile, Resource } from '../service/manifest/types';
import { parseYaml, tooDeepAt } from '../service/manifest/yamlRead';
import { StoredResource } from './storedRecords';

/** One document of a parsed file, without its syntax tree (parsed again only if a range is needed). */
export interface DocumentRecord {
	start: number;
	end: number;
	kind: ManifestDocument['kind'];
	partialReason?: ManifestDocument['partialReason'];
	resource?: ManifestDocument['resource'];
	problems: ManifestDocument['problems'];
	disabled: string[];
}

/** A file's documents, for the text whose hash is the key it is stored under. */
export type FileRecord = DocumentRecord[];

/** The content hash that keys parses and cached findings (the same on every machine). */
export function hashText(text: string): string {
	return sha1(text, 'base64url');
}

/** hashText of the text these bytes are in UTF-8 (without a byte order mark), from the bytes. */
export function hashBytes(bytes: Buffer): string {
	return sha1(bytes, 'base64url');
}

/** Node's one-call hash (Node 20.12 and later): a run hashes every file, and a Hash object per file costs as much again as the hashing of a small one. */
const oneCall = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'base64url' | 'hex') => string }).hash;

/** The SHA-1 of a text (as UTF-8) or of bytes, in base64url or hex. */
export function sha1(data: string | Buffer, encoding: 'base64url' | 'hex'): string {
	return oneCall ? oneCall('sha1', data, encoding) : createHash('sha1').update(data).digest(encoding);
}

/**
 * Whether a file's parse may be reused by content alone. A Helm template's parse depends on the
 * Chart.yaml above it, not on its text: such files are always parsed where they are read.
 */
export function reusable(path: string): boolean {
	return !path.includes('/templates/') && !path.includes('\\templates\\');
}

/** The record of a parse, or undefined when its values do not survive JSON (`.inf`, `.nan`), to be written. */
export function recordOf(manifest: ManifestFile): FileRecord | undefined {
	const record = plainRecord(manifest);
	return writable(record) ? record : undefined;
}

/** True when a record survives JSON as it is (no `.inf` or `.nan` among its values). */
export function writable(record: FileRecord): boolean {
	return record.every((d) => jsonSafe(d.resource?.value));
}

const NO_PROBLEMS: DocumentRecord['problems'] = [];
const NO_DISABLED: string[] = [];

/** The record of a parse, to be kept in memory only. */
export function plainRecord(manifest: ManifestFile): FileRecord {
	return manifest.documents.map((d) => ({
		start: d.start,
		end: d.end,
		kind: d.kind,
		partialReason: d.partialReason,
		resource: d.resource,
		// Shared when empty (most documents): nothing adds to a parsed document's problems.
		problems: d.problems.length ? d.problems : NO_PROBLEMS,
		disabled: d.disabledRules.size ? [...d.disabledRules] : NO_DISABLED,
	}));
}

function jsonSafe(value: unknown, depth = 0): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (value === null || typeof value !== 'object') return typeof value !== 'bigint' && typeof value !== 'function';
	if (depth > 200) return false;
	return Array.isArray(value) ? value.every((v) => jsonSafe(v, depth + 1)) : Object.values(value).every((v) => jsonSafe(v, depth + 1));
}

/** Parses a file the way the index parses a file read from disk (values first, ranges on demand). */
export function parseForRecord(uri: string, text: string): ManifestFile {
	return parseManifest(uri, 0, text, { valuesFirst: true });
}

/**
 * Syntax trees parsed again on demand, the most recent kept: a run over thousands of files needs
 * the tree of a document only while a finding in it (or pointing at it) is placed, and keeping
 * every tree would hold several times the size of the files.
 */
const trees = new Map<RecordDocument, ManifestDocument['yaml']>();
const TREES_KEPT = 256;
const NO_RULES: Set<string> = new Set();

/**
 * A file's text, read when first asked for: a file another shard reports, which git vouched is the
 * one the index parsed, is read only if a rule of this shard needs its text (to place a related location, say).
 */
export abstract class LazyText {
	private value: string | undefined;

	get text(): string {
		return (this.value ??= this.read());
	}

	/** Reads the text (once). A subclass's method, not a closure handed in: a shard makes one of these for every file of the others. */
	protected abstract read(): string;
}

/** The text itself, read now if it is read on first use. */
export function textOf(text: string | LazyText): string {
	return typeof text === 'string' ? text : text.text;
}

/** A document rebuilt from its record: the values are the record's, the tree is parsed on use (a getter on the prototype, not one per document). */
class RecordDocument extends DocumentBase {
	constructor(r: DocumentRecord, text: string | undefined) {
		super({
			start: r.start,
			end: r.end,
			text: text?.slice(r.start, r.end),
			kind: r.kind,
			partialReason: r.partialReason,
			resource: r.resource,
			problems: r.problems,
			// Shared when empty (most documents): nothing adds to it.
			disabledRules: r.disabled.length ? new Set(r.disabled) : NO_RULES,
		});
	}

	get yaml(): ManifestDocument['yaml'] {
		if (trees.has(this)) return trees.get(this);
		// The tree alone, as parseDocumentChunk would make it (values and classification are in the record already).
		const yaml = tooDeepAt(this.text) >= 0 ? undefined : parseYaml(this.text);
		if (trees.size >= TREES_KEPT) trees.delete(trees.keys().next().value!);
		trees.set(this, yaml);
		return yaml;
	}
}

/** A document of a file whose text is read on first use (see LazyText): its own text is cut from the file's then. */
class LazyRecordDocument extends RecordDocument {
	cut: string | undefined;

	constructor(
		r: DocumentRecord,
		readonly file: LazyText,
	) {
		super(r, undefined);
	}
}
// The text as a getter on the prototype: DocumentBase declares `text` without a field of its own, and leaves it unset here.
Object.defineProperty(LazyRecordDocument.prototype, 'text', {
	get(this: LazyRecordDocument): string {
		return (this.cut ??= this.file.text.slice(this.start, this.end));
	},
});

/** Strings shorter than this are left as they are: looking them up costs more than they hold. */
const MIN_SHARED = 64;
/** V8's JSON.parse makes strings of up to this many characters the one copy of the process already (it internalizes them). */
const JSON_SHARED = 10;

/**
 * Long strings of a record's values that are written as they are in the file's text become
 * slices of that text (the same characters): the run keeps the text anyway, and a copy of the
 * string would hold them twice. Shorter strings met before in `same` (kinds, namespaces, label
 * values, repeated across thousands of files) become that one copy. Lists become arrays of their
 * own length. The values are changed in place. `fromJson`: the record was read from a cache or
 * index file, whose short strings are shared already (see JSON_SHARED).
 */
export function shareText(record: FileRecord, text: string | LazyText, same?: Map<string, string>, fromJson = false): void {
	for (const document of record) {
		const resource = document.resource;
		if (!resource) continue;
		// A value not parsed yet is left as it is stored, and so are the resource's own fields (strings of its head's JSON):
		// such a resource is another shard's, and its own fields are mostly its name, met once. Looking each up in `same`
		// took a shard of 50,000 files several hundred milliseconds (the map grows to one entry per name), for no
		// measurable memory.
		if (resource instanceof StoredResource && !resource.parsed) continue;
		shareValueStrings(resource.value, document, textOf(text), same, fromJson);
		shareResourceFields(resource, same, fromJson, resource.value);
	}
}

function shareValueStrings(value: object, document: DocumentRecord, text: string, same: Map<string, string> | undefined, fromJson: boolean): void {
	const stack: object[] = [value];
	/** The item shared, copied or looked into, as it is to be stored. */
	const share = (item: unknown): unknown => {
		if (typeof item === 'string') {
			if (item.length < MIN_SHARED) return interned(item, same, fromJson);
			const at = text.indexOf(item, document.start);
			return at >= 0 && at + item.length <= document.end ? text.slice(at, at + item.length) : item;
		}
		if (Array.isArray(item) && item.length > 0) {
			// The parser pushes a sequence's items one by one: its array keeps room for 17 or more (a list of one
			// takes some 180 bytes), and thousands of short lists stay for the whole run. A copy is as long as its items.
			const exact = item.slice();
			stack.push(exact);
			return exact;
		}
		if (item !== null && typeof item === 'object') stack.push(item);
		return item;
	};
	while (stack.length) {
		const node = stack.pop()!;
		if (Array.isArray(node)) {
			// By index: a for-in loop would go through the indices as strings.
			for (let i = 0; i < node.length; i++) node[i] = share(node[i]);
			continue;
		}
		const record = node as Record<string, unknown>;
		for (const key in record) {
			const item = record[key];
			const shared = share(item);
			if (shared !== item) record[key] = shared;
		}
	}
}

/** The one copy in `same` of a short string (met first, it becomes that copy); a long one as it is, and one JSON.parse shared already. */
function interned(text: string, same: Map<string, string> | undefined, fromJson = false): string {
	if (text.length >= MIN_SHARED || !same || (fromJson && text.length <= JSON_SHARED)) return text;
	const known = same.get(text);
	if (known !== undefined) return known;
	same.set(text, text);
	return text;
}

/**
 * The resource's own fields (kind, name, labels...) were read from its value before the value's
 * strings were shared: they take the value's strings again, else the one copy in `same`, so
 * that the strings of the parse are not kept beside them.
 */
function shareResourceFields(resource: Resource, same: Map<string, string> | undefined, fromJson: boolean, value: Record<string, unknown>): void {
	// Nothing is made here but the one copies: this runs for every resource of a run (hundreds of thousands over a large repository).
	const metadata = isRecord(value.metadata) ? value.metadata : undefined;
	resource.apiVersion = sharedField(resource.apiVersion, value.apiVersion, same, fromJson);
	resource.kind = sharedField(resource.kind, value.kind, same, fromJson);
	if (resource.name !== undefined) resource.name = sharedField(resource.name, metadata?.name, same, fromJson);
	if (resource.namespace !== undefined) resource.namespace = sharedField(resource.namespace, metadata?.namespace, same, fromJson);
	shareMap(resource.labels, metadata?.labels, same, fromJson);
	shareMap(resource.annotations, metadata?.annotations, same, fromJson);
}

/** A field's text: the value's own string when it is written the same, else the one copy in `same`. */
function sharedField(text: string, written: unknown, same: Map<string, string> | undefined, fromJson: boolean): string {
	return written === text ? (written as string) : interned(text, same, fromJson);
}

/** The values of a resource's labels or annotations, shared with those written in its value (see sharedField); a frozen map is left as it is. */
function shareMap(record: Record<string, string>, written: unknown, same: Map<string, string> | undefined, fromJson: boolean): void {
	if (Object.isFrozen(record)) return;
	const from = isRecord(written) ? written : undefined;
	for (const key in record) record[key] = sharedField(record[key], from?.[key], same, fromJson);
}

/**
 * A parsed file whose text is read on first use. A class, not an object literal with a getter: V8
 * keeps such a literal as a dictionary (some 500 bytes with its getter), and a shard holds one for
 * every file of the others.
 */
class LazyManifest implements ManifestFile {
	readonly version = 0;

	constructor(
		readonly uri: string,
		private readonly file: LazyText,
		readonly documents: ManifestDocument[],
	) {}

	get text(): string {
		return this.file.text;
	}
}

/** A parsed file rebuilt from its record and its text (or the text read on first use); syntax trees are parsed on use. */
export function manifestOf(uri: string, text: string | LazyText, record: FileRecord): ManifestFile {
	if (typeof text === 'string') return { uri, version: 0, text, documents: record.map((r) => new RecordDocument(r, text)) };
	return new LazyManifest(
		uri,
		text,
		record.map((r) => new LazyRecordDocument(r, text)),
	);
}
