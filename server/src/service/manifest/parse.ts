import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { splitDocuments } from './split';
import type { DocumentKind, ManifestDocument, ManifestFile, Resource, SyntaxProblem } from './types';

/** How the workspace classifies a whole file before its documents are read. */
export interface ParseOptions {
	/** The file is a Helm template (under templates/ beside a Chart.yaml). */
	helmTemplate?: boolean;
	/** The file is named as a patch by a kustomization.yaml. */
	kustomizePatch?: boolean;
}

const HELM_SYNTAX = /\{\{[\s\S]*?\}\}/;
const DISABLE_COMMENT = /#\s*kubelore-disable(?!-)(?:[ \t]+([^\r\n]*))?/g;

/**
 * Parses a multi-document YAML file. Documents whose text did not change since `previous`
 * are reused as they are, so an edit re-parses only the documents it touches.
 */
export function parseManifest(
	uri: string,
	version: number,
	text: string,
	options: ParseOptions = {},
	previous?: ManifestFile,
): ManifestFile {
	const reusable = new Map<string, ManifestDocument[]>();
	for (const doc of previous?.documents ?? []) {
		const list = reusable.get(doc.text);
		if (list) list.push(doc);
		else reusable.set(doc.text, [doc]);
	}
	const documents = splitDocuments(text).map(({ start, end }) => {
		const chunk = text.slice(start, end);
		const old = reusable.get(chunk)?.shift();
		if (old && old.partialReason === partialReasonFor(chunk, options)) {
			return old.start === start ? old : shiftDocument(old, start, end);
		}
		return parseDocumentChunk(chunk, start, options);
	});
	return { uri, version, text, documents };
}

function partialReasonFor(chunk: string, options: ParseOptions): ManifestDocument['partialReason'] {
	if (options.helmTemplate || HELM_SYNTAX.test(chunk)) return 'helm';
	if (options.kustomizePatch) return 'kustomize-patch';
	return undefined;
}

function shiftDocument(doc: ManifestDocument, start: number, end: number): ManifestDocument {
	const delta = start - doc.start;
	return {
		...doc,
		start,
		end,
		problems: doc.problems.map((p) => ({ ...p, start: p.start + delta, end: p.end + delta })),
	};
}

/** Parses one document's text, found at `start` in its file. */
export function parseDocumentChunk(chunk: string, start: number, options: ParseOptions = {}): ManifestDocument {
	const partialReason = partialReasonFor(chunk, options);
	const disabledRules = readDisableComments(chunk);
	const base = { start, end: start + chunk.length, text: chunk, partialReason, disabledRules };
	let yaml: Document.Parsed;
	try {
		yaml = parseDocument(chunk, { prettyErrors: false, strict: false, uniqueKeys: true });
	} catch {
		return { ...base, kind: partialReason ? 'partial' : 'broken', problems: [] };
	}
	if (yaml.errors.length > 0) {
		if (partialReason) return { ...base, kind: 'partial', yaml, problems: [] };
		// One clear diagnostic where the document first breaks; the rest usually follow from it.
		const first = yaml.errors[0];
		const problem: SyntaxProblem = {
			message: first.message.split('\n')[0],
			start: start + first.pos[0],
			end: start + Math.max(first.pos[1], first.pos[0] + 1),
		};
		return { ...base, kind: 'broken', yaml, problems: [problem] };
	}
	if (yaml.contents === null || (isScalar(yaml.contents) && yaml.contents.value === null)) return { ...base, kind: 'empty', yaml, problems: [] };
	const resource = readResource(yaml);
	let kind: DocumentKind = resource ? 'resource' : 'other';
	if (partialReason || (resource && chunk.includes('$patch') && isPatchDocument(resource))) kind = 'partial';
	return {
		...base,
		partialReason: partialReason ?? (kind === 'partial' ? 'kustomize-patch' : undefined),
		kind,
		yaml,
		resource,
		problems: [],
	};
}

function readResource(yaml: Document.Parsed): Resource | undefined {
	const root = yaml.contents;
	if (!isMap(root)) return undefined;
	const apiVersion = root.get('apiVersion', true);
	const kind = root.get('kind', true);
	if (!isScalar(apiVersion) || !isScalar(kind)) return undefined;
	if (typeof apiVersion.value !== 'string' || typeof kind.value !== 'string') return undefined;
	let value: unknown;
	try {
		value = yaml.toJS({ maxAliasCount: 1000 });
	} catch {
		return undefined;
	}
	if (!isRecord(value)) return undefined;
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	return {
		apiVersion: apiVersion.value,
		kind: kind.value,
		name: typeof metadata.name === 'string' ? metadata.name : undefined,
		namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
		labels: stringRecord(metadata.labels),
		annotations: stringRecord(metadata.annotations),
		value,
	};
}

/** Strategic-merge patch markers: such a document only makes sense applied to a base. */
function isPatchDocument(resource: Resource): boolean {
	return JSON.stringify(resource.value).includes('"$patch"');
}

function readDisableComments(chunk: string): Set<string> {
	const rules = new Set<string>();
	if (!chunk.includes('kubelore-disable')) return rules;
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

function stringRecord(value: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!isRecord(value)) return out;
	for (const [key, v] of Object.entries(value)) {
		if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
	}
	return out;
}
