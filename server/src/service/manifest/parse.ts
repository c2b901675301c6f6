import { isMap, isScalar, type Document } from 'yaml';
import { splitDocuments } from './split';
import type { DocumentKind, ManifestDocument, ManifestFile, Resource, SyntaxProblem } from './types';
import { hasHelmSyntax, loadValues, MAX_DEPTH, ownStrings, parseYaml, readableText, tooDeepAt } from './yamlRead';

/** How the workspace classifies a whole file before its documents are read. */
export interface ParseOptions {
	/** The file is a Helm template (under templates/ beside a Chart.yaml). */
	helmTemplate?: boolean;
	/**
	 * Read values only, and parse with source ranges on first use. For files nobody is editing:
	 * the index needs their kinds, names and values far more often than their ranges.
	 */
	valuesFirst?: boolean;
}

const DISABLE_COMMENT = /#\s*kubelore-disable(?!-)(?:[ \t]+([^\r\n]*))?/g;
/** Aliases (`*name`) are expanded by the full parser, which bounds them; the fast reader does not. */
const ALIAS_USE = /(?:^|[\s[{,:-])\*[^\s,\]}]/;

type Fields = Omit<ManifestDocument, 'yaml'>;
/** The fields DocumentBase is made with; without `text`, a subclass gives it (a getter on its prototype). */
type BaseFields = Omit<Fields, 'text'> & { text?: string };

/** Where a document's tree comes from: parsed from its own text on first use, given, or another document's. */
type TreeSource = typeof FROM_TEXT | (() => Document.Parsed | undefined);
const FROM_TEXT = 1;

/**
 * The fields every document holds, set once. Documents are classes (the tree getter on their
 * prototype) rather than objects with a getter each: tens of thousands of documents of a
 * workspace would each carry a closure and a property dictionary.
 */
export abstract class DocumentBase implements ManifestDocument {
	start: number;
	end: number;
	/** Not a field of the class: set here when given, else a subclass's getter answers. */
	declare text: string;
	kind: ManifestDocument['kind'];
	partialReason: ManifestDocument['partialReason'];
	resource: ManifestDocument['resource'];
	problems: ManifestDocument['problems'];
	disabledRules: Set<string>;

	constructor(fields: BaseFields) {
		this.start = fields.start;
		this.end = fields.end;
		if (fields.text !== undefined) this.text = fields.text;
		this.kind = fields.kind;
		this.partialReason = fields.partialReason;
		this.resource = fields.resource;
		this.problems = fields.problems;
		this.disabledRules = fields.disabledRules;
	}

	abstract get yaml(): Document.Parsed | undefined;
}

/** A document whose `yaml` is parsed once, when first read. */
class LazyDocument extends DocumentBase {
	#tree: Document.Parsed | undefined;
	/** Undefined once the tree is known. */
	#source: TreeSource | undefined;

	constructor(fields: Fields, tree: Document.Parsed | undefined, source: TreeSource | undefined) {
		super(fields);
		this.#tree = tree;
		this.#source = source;
	}

	get yaml(): Document.Parsed | undefined {
		const source = this.#source;
		if (source !== undefined) {
			this.#tree = source === FROM_TEXT ? parseYaml(this.text) : source();
			this.#source = undefined;
		}
		return this.#tree;
	}

	/** True when the parse with ranges is done (or not needed). */
	get parsed(): boolean {
		return this.#source === undefined;
	}
}

/** A document with its tree at hand (or none to have). */
function withTree(fields: Fields, yaml: Document.Parsed | undefined): ManifestDocument {
	return new LazyDocument(fields, yaml, undefined);
}

/** A document whose tree is parsed from its text on first use. */
function treeLater(fields: Fields): ManifestDocument {
	return new LazyDocument(fields, undefined, FROM_TEXT);
}

/**
 * Parses a multi-document YAML file. Documents whose text did not change since `previous`
 * are reused as they are, so an edit re-parses only the documents it touches.
 */
export function parseManifest(uri: string, version: number, text: string, options: ParseOptions = {}, previous?: ManifestFile): ManifestFile {
	const before = previous?.documents ?? [];
	// Documents looked up by text only when not found at their place (see below).
	let reusable: Map<string, ManifestDocument[]> | undefined;
	const used = new Set<ManifestDocument>();
	// Same length as the text, so offsets into one are offsets into the other.
	const readable = readableText(text);
	const spans = splitDocuments(readable);
	// A file read for the first time (thousands of them as a workspace is indexed) has nothing to reuse: not even a look-up by text, which hashes each document's text.
	if (before.length === 0) return { uri, version, text, documents: spans.map(({ start, end }) => parseDocumentChunk(readable.slice(start, end), start, options)) };
	const moved = text.length - (previous?.text.length ?? 0);
	const documents = spans.map(({ start, end }, i) => {
		const chunk = readable.slice(start, end);
		// An edit changes a few documents: those before it are where they were, those after it moved
		// by the change of length, and the same count of documents follows them in both parses.
		const atPlace = (d: ManifestDocument | undefined) => d !== undefined && (d.start === start || d.start + moved === start) && d.text.length === chunk.length && !used.has(d) && d.text === chunk;
		const head = before[i];
		const tail = before[before.length - spans.length + i];
		let old = atPlace(head) ? head : atPlace(tail) ? tail : undefined;
		if (!old) {
			if (!reusable) {
				reusable = new Map();
				for (const doc of before) {
					const list = reusable.get(doc.text);
					if (list) list.push(doc);
					else reusable.set(doc.text, [doc]);
				}
			}
			const list = reusable.get(chunk);
			while (list?.length && used.has(list[0])) list.shift();
			old = list?.shift();
		}
		if (old && old.partialReason === partialReasonFor(chunk, options)) {
			used.add(old);
			return old.start === start ? old : shiftDocument(old, start, end);
		}
		return parseDocumentChunk(chunk, start, options);
	});
	return { uri, version, text, documents };
}

/**
 * Parses every document of a file with ranges, one document per step: done in idle time after the
 * first diagnostics of an opened file (read values-first), so that hovers find the ranges ready.
 */
export function* rangesAhead(file: ManifestFile): Generator<void, void> {
	for (const document of file.documents) {
		if (!isParsed(document)) {
			void document.yaml;
			yield;
		}
	}
}

/**
 * True when a document's parse with ranges is done (or not needed). Documents made elsewhere (records
 * the command line rebuilds, tests) count as not parsed: their tree is made on use.
 */
export function isParsed(document: ManifestDocument): boolean {
	return document instanceof LazyDocument && document.parsed;
}

function partialReasonFor(chunk: string, options: ParseOptions): ManifestDocument['partialReason'] {
	return options.helmTemplate || hasHelmSyntax(chunk) ? 'helm' : undefined;
}

function shiftDocument(doc: ManifestDocument, start: number, end: number): ManifestDocument {
	const delta = start - doc.start;
	const fields: Fields = {
		start,
		end,
		text: doc.text,
		kind: doc.kind,
		partialReason: doc.partialReason,
		resource: doc.resource,
		disabledRules: doc.disabledRules,
		problems: doc.problems.map((p) => ({ ...p, start: p.start + delta, end: p.end + delta })),
	};
	// The copy shares the tree of the document it was moved from, parsed once for both.
	return doc instanceof LazyDocument && doc.parsed ? withTree(fields, doc.yaml) : new LazyDocument(fields, undefined, () => doc.yaml);
}

/** Parses one document's text, found at `start` in its file. */
export function parseDocumentChunk(chunk: string, start: number, options: ParseOptions = {}): ManifestDocument {
	const partialReason = partialReasonFor(chunk, options);
	const base = { start, end: start + chunk.length, text: chunk, partialReason, disabledRules: readDisableComments(chunk) };
	const deep = tooDeepAt(chunk);
	if (deep >= 0) {
		// The parsers recurse per level; past this depth they would run out of stack.
		const problem: SyntaxProblem = { message: `nested more than ${MAX_DEPTH} levels deep, which KubeLore does not read`, start: start + deep, end: start + deep + 1 };
		return withTree({ ...base, kind: partialReason ? 'partial' : 'broken', problems: partialReason ? [] : [problem] }, undefined);
	}
	// Most documents have no `*` at all: found at once, where the expression would look at every character.
	// Nor has an alias anything to expand in a document without an anchor (`&`): js-yaml then fails on
	// it as the parser does, and a quoted `*` (a CronJob's `"*/5 * * * *"`) keeps its document on this path.
	if (options.valuesFirst && !partialReason && !(chunk.includes('*') && chunk.includes('&') && ALIAS_USE.test(chunk))) {
		const fast = readValuesOnly(chunk);
		// The fields set one by one, in the order of the spread they stand for ({ ...base, ...fast, problems }): one object fewer per document.
		if (fast) return treeLater({ start, end: base.end, text: chunk, partialReason: fast.partialReason, disabledRules: base.disabledRules, kind: fast.kind, resource: fast.resource, problems: [] });
	}
	const yaml = parseYaml(chunk);
	if (!yaml) return withTree({ ...base, kind: partialReason ? 'partial' : 'broken', problems: [] }, undefined);
	if (yaml.errors.length > 0) {
		if (partialReason) return withTree({ ...base, kind: 'partial', problems: [] }, yaml);
		// One clear diagnostic where the document first breaks; the rest usually follow from it.
		const first = yaml.errors[0];
		const problem: SyntaxProblem = {
			message: first.message.split('\n')[0],
			start: start + first.pos[0],
			end: start + Math.max(first.pos[1], first.pos[0] + 1),
		};
		return withTree({ ...base, kind: 'broken', problems: [problem] }, yaml);
	}
	if (yaml.contents === null || (isScalar(yaml.contents) && yaml.contents.value === null)) return withTree({ ...base, kind: 'empty', problems: [] }, yaml);
	let value: unknown;
	try {
		value = isMap(yaml.contents) ? yaml.toJS({ maxAliasCount: 1000 }) : undefined;
	} catch {
		value = undefined;
	}
	const classified = classify(value, chunk, partialReason);
	return withTree({ ...base, ...classified, problems: [] }, yaml);
}

/** The fast path: values with js-yaml; undefined sends the document to the full parser (errors included). */
function readValuesOnly(chunk: string): Pick<ManifestDocument, 'kind' | 'resource' | 'partialReason'> | undefined {
	let value: unknown;
	try {
		value = ownStrings(loadValues(chunk), chunk);
	} catch {
		return undefined;
	}
	if (value === null || value === undefined) return { kind: 'empty', resource: undefined, partialReason: undefined };
	return classify(value, chunk, undefined);
}

function classify(value: unknown, chunk: string, partialReason: ManifestDocument['partialReason']): Pick<ManifestDocument, 'kind' | 'resource' | 'partialReason'> {
	const resource = readResource(value);
	let kind: DocumentKind = resource ? 'resource' : 'other';
	let reason = partialReason;
	if (partialReason) kind = 'partial';
	else if (resource && chunk.includes('$patch') && hasPatchDirective(resource.value)) {
		kind = 'partial';
		reason = 'kustomize-patch';
	}
	return { kind, resource, partialReason: reason };
}

/** The resource a document's value describes (apiVersion and kind set), with its name, namespace, labels and annotations. */
export function readResource(value: unknown): Resource | undefined {
	if (!isRecord(value)) return undefined;
	const { apiVersion, kind } = value;
	if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	return {
		apiVersion,
		kind,
		name: typeof metadata.name === 'string' ? metadata.name : undefined,
		namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
		labels: stringRecord(metadata.labels),
		annotations: stringRecord(metadata.annotations),
		value,
	};
}

/** Strategic-merge patch markers: such a document only makes sense applied to a base. */
function hasPatchDirective(value: unknown, depth = 0): boolean {
	if (depth > 64) return false;
	if (Array.isArray(value)) return value.some((v) => hasPatchDirective(v, depth + 1));
	if (!isRecord(value)) return false;
	if ('$patch' in value) return true;
	return Object.values(value).some((v) => hasPatchDirective(v, depth + 1));
}

/** The rules of a document without such comments (most of them): one set shared by all, never changed. */
const NO_RULES: Set<string> = new Set();

function readDisableComments(chunk: string): Set<string> {
	if (!chunk.includes('kubelore-disable')) return NO_RULES;
	const rules = new Set<string>();
	for (const match of chunk.matchAll(DISABLE_COMMENT)) {
		const list = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
		if (list.length === 0) rules.add('*');
		for (const id of list) rules.add(id);
	}
	return rules;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The labels or annotations of a resource that writes none (most of them): one record shared by all, never changed. */
/** The labels or annotations of a value without them written as a map: one frozen empty map for all. */
export const NO_STRINGS: Record<string, string> = Object.freeze({});

function stringRecord(value: unknown): Record<string, string> {
	if (!isRecord(value)) return NO_STRINGS;
	const out: Record<string, string> = {};
	// Own enumerable keys in their order, as Object.entries gives them, without an array per entry.
	for (const key in value) {
		if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
		const v = value[key];
		if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
	}
	return out;
}
