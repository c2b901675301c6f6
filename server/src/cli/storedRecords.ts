/* Records as the cache and index files store them: a head per file, and the values of its resources apart, read only when asked for. */
import { NO_STRINGS, readResource } from '../service/manifest/parse';
import type { Resource } from '../service/manifest/types';
import { observedImages, OBSERVED_KINDS } from '../service/workspace/profile';
import { templateLabels } from '../service/workspace/selectors';
import type { DocumentRecord, FileRecord } from './records';

/**
 * A stored record is two parts: its head (the documents, as JSON) and its values (the value of
 * each resource as JSON, one after the other, a comma between). The head keeps of each resource
 * the fields readResource reads from the value, and the length of its value, so that a file read
 * only for what the others' findings need (another shard's file) is indexed from its head alone:
 * its values are not even read from disk, and one that a rule asks for is read and parsed then.
 */
type StoredDocument = [start: number, end: number, kind: DocumentRecord['kind'], partialReason: DocumentRecord['partialReason'] | 0, summary: StoredSummary | 0, problems: DocumentRecord['problems'] | 0, disabled: string[] | 0, valueBytes: number];
/**
 * A resource's own fields; 0 for the labels or annotations of a value that has none written as a
 * map. A workload's (but a Pod's) also its pod template's labels, as templateLabels reads them; a
 * DaemonSet's or Deployment's also its container images, as the cluster profile reads them (0
 * for others). Last, 1 when the value may have a key `containers` (0: certainly none).
 */
type StoredSummary = [
	apiVersion: string,
	kind: string,
	name: string | null,
	namespace: string | null,
	labels: Record<string, string> | 0,
	annotations: Record<string, string> | 0,
	podLabels: Record<string, string> | 0,
	podImages: string[] | 0,
	containers: 0 | 1,
];

/**
 * Where records' values are stored (a cache or index file): `readValues(offset, length)` reads
 * `length` bytes from `offset`. One for all the records of a file, an object rather than a closure
 * per record: a shard holds a resource of every file of the others, each pointing to its value.
 */
export interface StoredValues {
	readValues(offset: number, length: number): Buffer;
}

const NO_PROBLEMS: DocumentRecord['problems'] = [];
const NO_DISABLED: string[] = [];
/** The key podTemplateOf asks mayHold about: the summary tells whether a value has it. */
const CONTAINERS_KEY = '"containers":';

/** The parts a record is stored as: its head (JSON) and its values (JSON, a comma between). */
export function storedParts(record: FileRecord): { head: string; values: string } {
	const documents: StoredDocument[] = [];
	const values: string[] = [];
	for (const d of record) {
		const r = d.resource;
		let summary: StoredSummary | 0 = 0;
		let valueBytes = 0;
		if (r) {
			const value = JSON.stringify(r.value);
			values.push(value);
			valueBytes = Buffer.byteLength(value);
			const podLabels = r.kind !== 'Pod' ? templateLabels(r) : undefined;
			const podImages = OBSERVED_KINDS.includes(r.kind) ? observedImages(r) : undefined;
			summary = [r.apiVersion, r.kind, r.name ?? null, r.namespace ?? null, r.labels === NO_STRINGS ? 0 : r.labels, r.annotations === NO_STRINGS ? 0 : r.annotations, podLabels ?? 0, podImages ?? 0, value.includes(CONTAINERS_KEY) ? 1 : 0];
		}
		documents.push([d.start, d.end, d.kind, d.partialReason ?? 0, summary, d.problems.length ? d.problems : 0, d.disabled.length ? d.disabled : 0, valueBytes]);
	}
	return { head: JSON.stringify(documents), values: values.join(',') };
}

/**
 * The record of a stored head and its values (`valueBytes` long in all, from `start` in `values`);
 * undefined when it is not one (a damaged or foreign file). `later`:
 * resources keep their values as stored, unread, until one is asked for (see StoredResource);
 * else the values are read and parsed now and the resources read from them, as a parse does.
 */
export function recordFromParts(head: string, start: number, valueBytes: number, values: StoredValues, later: boolean): FileRecord | undefined {
	let documents: unknown;
	try {
		documents = JSON.parse(head) as unknown;
	} catch {
		return undefined;
	}
	if (!Array.isArray(documents)) return undefined;
	let total = -1;
	for (const item of documents as unknown[]) {
		if (!Array.isArray(item) || item.length !== 8 || typeof item[7] !== 'number' || item[7] < 0 || (item[4] !== 0) !== item[7] > 0) return undefined;
		if (item[7] > 0) total += item[7] + 1;
	}
	// The lengths of the values are those of the part the line says they take.
	if (Math.max(total, 0) !== valueBytes) return undefined;
	if (!later) {
		// One read and one parse of all the values: written with a comma between, they are the items of one list.
		let parsed: unknown[] = [];
		if (total > 0) {
			try {
				parsed = JSON.parse(`[${values.readValues(start, total).toString('utf8')}]`) as unknown[];
			} catch {
				return undefined;
			}
		}
		let next = 0;
		const record = recordOf(documents, () => {
			const value = parsed[next++];
			return value === undefined ? undefined : readResource(value);
		});
		return next === parsed.length ? record : undefined;
	}
	let offset = start;
	return recordOf(documents, (summary, length) => {
		if (!Array.isArray(summary) || summary.length !== 9) return undefined;
		const resource = StoredResource.of(summary as StoredSummary, values, offset, length);
		offset += length + 1;
		return resource;
	});
}

/** The documents of a stored head; `resourceOf` makes the resource of each document that has one (undefined: not a record). */
function recordOf(head: unknown[], resourceOf: (summary: unknown, valueBytes: number) => Resource | undefined): FileRecord | undefined {
	const record: FileRecord = [];
	for (const item of head) {
		const [start, end, kind, partialReason, summary, problems, disabled, valueBytes] = item as StoredDocument;
		const resource = summary ? resourceOf(summary, valueBytes) : undefined;
		if (typeof start !== 'number' || typeof end !== 'number' || (summary && !resource)) return undefined;
		record.push({ start, end, kind, partialReason: partialReason || undefined, resource, problems: problems || NO_PROBLEMS, disabled: disabled || NO_DISABLED });
	}
	return record;
}

/** The checks of a stored summary's fields (functions of their own: a run checks hundreds of thousands of summaries). */
function textOrNull(v: unknown): boolean {
	return v === null || typeof v === 'string';
}

function mapOrZero(v: unknown): boolean {
	return v === 0 || (typeof v === 'object' && v !== null && !Array.isArray(v));
}

function textsOrZero(v: unknown): boolean {
	if (v === 0) return true;
	if (!Array.isArray(v)) return false;
	for (const item of v) if (typeof item !== 'string') return false;
	return true;
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
	#values: StoredValues | undefined;
	#offset: number;
	#length: number;
	#containers: boolean;

	private constructor(summary: StoredSummary, values: StoredValues, offset: number, length: number) {
		const [apiVersion, kind, name, namespace, labels, annotations, podLabels, podImages, containers] = summary;
		this.apiVersion = apiVersion;
		this.kind = kind;
		this.name = name ?? undefined;
		this.namespace = namespace ?? undefined;
		this.labels = labels || NO_STRINGS;
		this.annotations = annotations || NO_STRINGS;
		if (podLabels) this.podLabels = podLabels;
		if (podImages) this.podImages = podImages;
		this.#values = values;
		this.#offset = offset;
		this.#length = length;
		this.#containers = containers === 1;
	}

	/** The resource of a stored summary; undefined when the summary is not one. */
	static of(summary: StoredSummary, values: StoredValues, offset: number, length: number): StoredResource | undefined {
		const [apiVersion, kind, name, namespace, labels, annotations, podLabels, podImages, containers] = summary;
		if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !textOrNull(name) || !mapOrZero(labels) || !textOrNull(namespace) || !mapOrZero(annotations) || !mapOrZero(podLabels) || !textsOrZero(podImages) || (containers !== 0 && containers !== 1)) return undefined;
		return new StoredResource(summary, values, offset, length);
	}

	get value(): Record<string, unknown> {
		if (this.#values) {
			this.#value = JSON.parse(this.#values.readValues(this.#offset, this.#length).toString('utf8')) as Record<string, unknown>;
			this.#values = undefined;
		}
		return this.#value!;
	}

	set value(value: Record<string, unknown>) {
		this.#value = value;
		this.#values = undefined;
		this.#containers = true;
	}

	/** True once the value is parsed. */
	get parsed(): boolean {
		return this.#values === undefined;
	}

	/** False when the value certainly has no key of that name anywhere: told by the summary for `containers` (what podTemplateOf asks); true when it may have one. */
	mayHold(key: string): boolean {
		return key !== 'containers' || this.#containers;
	}
}
