/* Records as the cache and index files store them: one line per file, each resource's value in a part of its own, read only when asked for. */
import { NO_STRINGS, readResource } from '../service/manifest/parse';
import type { Resource } from '../service/manifest/types';
import { observedImages, OBSERVED_KINDS } from '../service/workspace/profile';
import { templateLabels } from '../service/workspace/selectors';
import type { DocumentRecord, FileRecord } from './records';

/**
 * A stored line: the documents, then a tab and the value of each resource in turn (JSON writes a
 * tab in a string as `\t`, so the tabs of a line are its separators). A document keeps of its
 * resource the fields readResource reads from the value, so that a file read only for what the
 * others' findings need (another shard's file) is indexed without its values being made objects:
 * most are never read, and those that are cost a parse then.
 */
type StoredDocument = [start: number, end: number, kind: DocumentRecord['kind'], partialReason: DocumentRecord['partialReason'] | 0, summary: StoredSummary | 0, problems: DocumentRecord['problems'] | 0, disabled: string[] | 0];
/**
 * A resource's own fields; 0 for the labels or annotations of a value that has none written as a
 * map. A workload's (but a Pod's) also its pod template's labels, as templateLabels reads them; a
 * DaemonSet's or Deployment's also its container images, as the cluster profile reads them.
 */
type StoredSummary = [
	apiVersion: string,
	kind: string,
	name: string | null,
	namespace: string | null,
	labels: Record<string, string> | 0,
	annotations: Record<string, string> | 0,
	podLabels?: Record<string, string> | 0,
	podImages?: string[],
];

const NO_PROBLEMS: DocumentRecord['problems'] = [];
const NO_DISABLED: string[] = [];
const TAB = 9;
const NEWLINE = 10;

/** The line a record is stored as (without its hash and newline). */
export function storedLine(record: FileRecord): string {
	const documents: StoredDocument[] = [];
	let line = '';
	for (const d of record) {
		const r = d.resource;
		const summary: StoredSummary | 0 = r ? [r.apiVersion, r.kind, r.name ?? null, r.namespace ?? null, r.labels === NO_STRINGS ? 0 : r.labels, r.annotations === NO_STRINGS ? 0 : r.annotations] : 0;
		if (summary && r) {
			const podLabels = r.kind !== 'Pod' ? templateLabels(r) : undefined;
			if (OBSERVED_KINDS.includes(r.kind)) summary.push(podLabels ?? 0, observedImages(r));
			else if (podLabels) summary.push(podLabels);
		}
		documents.push([d.start, d.end, d.kind, d.partialReason ?? 0, summary, d.problems.length ? d.problems : 0, d.disabled.length ? d.disabled : 0]);
		if (r) line += `\t${JSON.stringify(r.value)}`;
	}
	return JSON.stringify(documents) + line;
}

/**
 * The record of a stored line (bytes[start, end)); undefined when it is not one (a damaged or
 * foreign file). `later`: resources keep their values as stored until one is read (see
 * StoredResource); else the values are parsed now and the resources read from them, as a parse does.
 */
export function recordFromLine(bytes: Buffer, start: number, end: number, later: boolean): FileRecord | undefined {
	if (!later) {
		// One parse of the whole line: its parts joined as the items of one list.
		const items = JSON.parse(`[${bytes.toString('utf8', start, end).replaceAll('\t', ',')}]`) as unknown[];
		let next = 1;
		const record = recordOf(items[0], () => {
			const value = items[next++];
			return value === undefined ? undefined : readResource(value);
		});
		return next === items.length ? record : undefined;
	}
	// A line cut short (a file not written to its end) ends without a newline: parsed again instead.
	if (end >= bytes.length || bytes[end] !== NEWLINE) return undefined;
	let tab = bytes.indexOf(TAB, start);
	if (tab < 0 || tab > end) tab = end;
	const head = JSON.parse(bytes.toString('utf8', start, tab)) as unknown;
	const record = recordOf(head, (summary) => {
		if (tab >= end || !Array.isArray(summary) || summary.length < 6 || summary.length > 8) return undefined;
		const from = tab + 1;
		tab = bytes.indexOf(TAB, from);
		if (tab < 0 || tab > end) tab = end;
		// A value is a map: it starts and ends as one.
		if (bytes[from] !== 0x7b || bytes[tab - 1] !== 0x7d) return undefined;
		return StoredResource.of(summary as StoredSummary, bytes, from, tab);
	});
	// Every value belongs to a document.
	return tab === end ? record : undefined;
}

/** The documents of a stored head; `resourceOf` makes the resource of each document that has one (undefined: not a record). */
function recordOf(head: unknown, resourceOf: (summary: unknown) => Resource | undefined): FileRecord | undefined {
	if (!Array.isArray(head)) return undefined;
	const record: FileRecord = [];
	for (const item of head as unknown[]) {
		if (!Array.isArray(item) || item.length !== 7) return undefined;
		const [start, end, kind, partialReason, summary, problems, disabled] = item as StoredDocument;
		const resource = summary ? resourceOf(summary) : undefined;
		if (typeof start !== 'number' || typeof end !== 'number' || (summary && !resource)) return undefined;
		record.push({ start, end, kind, partialReason: partialReason || undefined, resource, problems: problems || NO_PROBLEMS, disabled: disabled || NO_DISABLED });
	}
	return record;
}

/**
 * A resource whose value stays as it was stored until it is first read: its own fields are at
 * hand for the index (kind, name, labels), the value is parsed on first use and kept.
 */
export class StoredResource implements Resource {
	apiVersion: string;
	kind: string;
	name?: string;
	namespace?: string;
	labels: Record<string, string>;
	annotations: Record<string, string>;
	podLabels?: Record<string, string>;
	podImages?: string[];
	#value: Record<string, unknown> | undefined;
	/** Where the value is stored; undefined once it is parsed. */
	#bytes: Buffer | undefined;
	#start: number;
	#end: number;

	private constructor(summary: StoredSummary, bytes: Buffer, start: number, end: number) {
		const [apiVersion, kind, name, namespace, labels, annotations, podLabels, podImages] = summary;
		this.apiVersion = apiVersion;
		this.kind = kind;
		this.name = name ?? undefined;
		this.namespace = namespace ?? undefined;
		this.labels = labels || NO_STRINGS;
		this.annotations = annotations || NO_STRINGS;
		if (podLabels) this.podLabels = podLabels;
		if (podImages) this.podImages = podImages;
		this.#bytes = bytes;
		this.#start = start;
		this.#end = end;
	}

	/** The resource of a stored summary; undefined when the summary is not one. */
	static of(summary: StoredSummary, bytes: Buffer, start: number, end: number): StoredResource | undefined {
		const [apiVersion, kind, name, namespace, labels, annotations, podLabels, podImages] = summary;
		const text = (v: unknown) => v === null || typeof v === 'string';
		const map = (v: unknown) => v === 0 || (typeof v === 'object' && v !== null && !Array.isArray(v));
		if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !text(name) || !text(namespace) || !map(labels) || !map(annotations) || (podLabels !== undefined && !map(podLabels)) || (podImages !== undefined && !(Array.isArray(podImages) && podImages.every((i) => typeof i === 'string')))) return undefined;
		return new StoredResource(summary, bytes, start, end);
	}

	get value(): Record<string, unknown> {
		if (this.#bytes) {
			this.#value = JSON.parse(this.#bytes.toString('utf8', this.#start, this.#end)) as Record<string, unknown>;
			this.#bytes = undefined;
		}
		return this.#value!;
	}

	set value(value: Record<string, unknown>) {
		this.#value = value;
		this.#bytes = undefined;
	}

	/** True once the value is parsed. */
	get parsed(): boolean {
		return this.#bytes === undefined;
	}

	/**
	 * False when the value has no key of that name anywhere: JSON.stringify writes a key as
	 * `"key":` (a quote inside a string is written `\"`), so a stored value without those
	 * characters has none. True when it may have one.
	 */
	mayHold(key: string): boolean {
		return !this.#bytes || this.#bytes.subarray(this.#start, this.#end).includes(`"${key}":`);
	}
}
