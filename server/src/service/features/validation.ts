import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { anchor, asWritten } from './findingPlace';
import { LABELS, t } from '../l10n/text';
import { forgetLightTree } from '../manifest/nodes';
import { placeholderAt } from '../manifest/placeholders';
import { RULES, ruleDocsUrl } from '../rules/index';
import type { Finding, Rule, RuleContext } from '../rules/types';
import type { ManifestDocument, ManifestFile, NodePath } from '../manifest/types';
import type { SchemaCatalog } from '../schema/catalog';
import type { Severity, Settings } from '../settings';
import { LAYOUT, type IndexedFile, type WorkspaceIndex } from '../workspace/index';
import { Scope } from '../workspace/scope';

export const SOURCE = 'KubeLore';

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
	fixes: { title: string; preferred?: boolean; edits: { range: Range; newText: string; uri?: string }[] }[];
	/** Line where "suppress for this line" inserts its comment, and the document start line. */
	line: number;
	documentLine: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	info: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

export interface ValidationOptions {
	rules?: Rule[];
	/** Folder or URL of the rule pages (docs/rules). */
	docsBase: string;
	schemas?: SchemaCatalog;
	/**
	 * Diagnostics without data: a code action asks diagnosticData for their fixes. A file with
	 * thousands of findings then sends a smaller message and builds no fix it is not asked for.
	 */
	fixesOnRequest?: boolean;
	/**
	 * Each file is validated once (a command-line run): nothing is kept for its next validation,
	 * which the findings of an edit would have reused. The findings are the same.
	 */
	once?: boolean;
}

/** Diagnostics of one file: a syntax error per broken document, then every rule on every resource. */
export function validate(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, options: ValidationOptions): Diagnostic[] {
	const steps = validationSteps(uri, index, graph, settings, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * The same diagnostics, one document per step, so that a server can pause between steps to
 * answer other requests, or give up when a newer version of the file arrives.
 */
export function* validationSteps(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, options: ValidationOptions): Generator<void, Diagnostic[]> {
	const file = index.getFile(uri);
	if (!file) return [];
	if (index.isPartialFile(uri)) return [];
	const diagnostics: Diagnostic[] = [];
	const reuse = options.once ? undefined : rememberedFindings(uri, file.manifest.documents, graph, settings, options.schemas);
	const cross = reuse && crossFindings(uri, file.manifest, index, reuse.startOf);
	const place = filePlace(uri, file, index, graph, settings, options);
	const keptFor = reuse && cross ? (d: ManifestDocument) => reuse.forDocument(d, cross) : () => undefined;
	for (const document of file.manifest.documents) {
		yield;
		diagnoseDocument(place, document, diagnostics, keptFor, !options.fixesOnRequest);
		// Its findings are placed: the line scan made to place them would otherwise live as long as the
		// document (until its parse with ranges), and the garbage collector would copy it along.
		forgetLightTree(document);
	}
	reuse?.done();
	return diagnostics;
}

/** What every document of one file's validation shares. */
interface FilePlace {
	uri: string;
	file: IndexedFile;
	index: WorkspaceIndex;
	graph: KnowledgeGraph;
	settings: Settings;
	options: ValidationOptions;
	rules: Rule[];
	eol: string;
	/** Without such a comment anywhere in the file, no finding needs the line above it read. */
	nextLineComments: boolean;
}

function filePlace(uri: string, file: IndexedFile, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, options: ValidationOptions): FilePlace {
	const text = file.manifest.text;
	return { uri, file, index, graph, settings, options, rules: options.rules ?? RULES, eol: text.includes('\r\n') ? '\r\n' : '\n', nextLineComments: text.includes(NEXT_LINE_MARK) };
}

/** How a document's findings are kept between runs (rememberedFindings), or undefined: computed afresh. */
type KeptFindings = ReturnType<ReturnType<typeof rememberedFindings>['forDocument']>;

/** One document's diagnostics, added to `out`: its syntax errors, then every rule's findings. */
function diagnoseDocument(place: FilePlace, document: ManifestDocument, out: Diagnostic[], keptFor: (document: ManifestDocument) => KeptFindings | undefined, withData: boolean): void {
	const { uri, file, index, graph, settings, options } = place;
	for (const problem of document.problems) {
		const range = { start: file.text.positionAt(problem.start), end: file.text.positionAt(problem.end) };
		const d = Diagnostic.create(range, `${t(LABELS.syntax, settings.language)}: ${problem.message}. ${t(LABELS.syntaxHint, settings.language)}`, DiagnosticSeverity.Error, 'yaml-syntax', SOURCE);
		out.push(d);
	}
	if (document.kind !== 'resource' || !document.resource) return;
	const applicable = rulesFor(place.rules, document.resource.kind);
	if (applicable.length === 0) return;
	const entry = { uri, document, resource: document.resource };
	const ignoreAnnotation = document.resource.annotations['kubelore.io/ignore'];
	const ignored = ignoreAnnotation ? new Set(ignoreAnnotation.split(/[\s,]+/).filter(Boolean)) : NONE;
	const disabled = document.disabledRules;
	if (disabled.has('*') || ignored.has('*')) return;
	// Most rules' findings are kept: the scope and a context are made for the rules that run.
	let context: RuleContext | undefined;
	const compute = (rule: Rule) => run(rule, (context ??= { entry, file, index, graph, settings, scope: new Scope(index, entry, settings), schemas: options.schemas }));
	const kept = keptFor(document);
	const where = { file, index, document, eol: place.eol };
	for (const rule of applicable) {
		const setting = settings.rules[rule.id];
		if (setting === 'off' || disabled.has(rule.id) || ignored.has(rule.id)) continue;
		const findings = !kept ? compute(rule) : rule.local ? kept.local(rule, compute) : kept.cross(rule, compute);
		for (const finding of findings) {
			const d = toDiagnostic(rule, finding, where, setting ?? finding.severity ?? rule.severity, settings, options.docsBase, withData);
			if (d && !(place.nextLineComments && suppressedOnLine(file, d.range.start.line, rule.id))) out.push(d);
		}
	}
}

/**
 * What diagnostics of validation with `fixesOnRequest` would have carried (their fixes, their
 * lines), worked out when a code action asks: the rules run again on the document a diagnostic is
 * in (once per document for all the diagnostics asked about), and the diagnostic of the same rule,
 * place and message gives its data; undefined when the file no longer has such a diagnostic.
 */
export function diagnosticData(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, options: ValidationOptions): (diagnostic: Diagnostic) => DiagnosticData | undefined {
	const file = index.getFile(uri);
	if (!file || index.isPartialFile(uri)) return () => undefined;
	const place = filePlace(uri, file, index, graph, settings, options);
	const byDocument = new Map<ManifestDocument, Diagnostic[]>();
	const diagnosticsOf = (document: ManifestDocument) => {
		let found = byDocument.get(document);
		if (!found) diagnoseDocument(place, document, (found = []), () => undefined, true);
		byDocument.set(document, found);
		return found;
	};
	return (diagnostic) => {
		const offset = file.text.offsetAt(diagnostic.range.start);
		const same = (d: Diagnostic) =>
			d.code === diagnostic.code &&
			d.message === diagnostic.message &&
			d.range.start.line === diagnostic.range.start.line &&
			d.range.start.character === diagnostic.range.start.character &&
			d.range.end.line === diagnostic.range.end.line &&
			d.range.end.character === diagnostic.range.end.character;
		// The documents the place is in: one, or two where one ends where the next starts.
		const documents = file.manifest.documents;
		for (let i = lastStartingAtOrBefore(documents, offset); i >= 0 && documents[i].end >= offset; i--) {
			const match = diagnosticsOf(documents[i]).find(same);
			if (match) return match.data as DiagnosticData;
		}
		return undefined;
	};
}

/** Index of the last document that starts at or before an offset (-1 when none does). */
function lastStartingAtOrBefore(documents: ManifestDocument[], offset: number): number {
	let lo = 0;
	let hi = documents.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (documents[mid].start <= offset) {
			found = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * What a rule that found nothing leaves: one array shared by every such result (most of them), so
 * that the findings kept for tens of thousands of documents cost no array each. Never written to.
 */
const NOTHING_FOUND: Finding[] = [];

function run(rule: Rule, context: RuleContext): Finding[] {
	try {
		const found = rule.check(context);
		if (found.length === 0) return NOTHING_FOUND;
		// A value that holds a `${VAR}` placeholder is filled in later: findings about it are dropped.
		const kept = found.filter((f) => !placeholderAt(context.entry.document, f.path));
		return kept.length === 0 ? NOTHING_FOUND : kept;
	} catch {
		// A rule that trips on an odd manifest stays silent rather than take the others down.
		return NOTHING_FOUND;
	}
}

/** Findings remembered for one document text, and the offset they were computed at. */
interface Remembered {
	start: number;
	/** Local rules' findings, moved with the document (shiftAll). */
	byRule: PerRule<Finding[]>;
	/** Cross-resource rules' findings, with what they were computed from. */
	cross: PerRule<CrossRemembered>;
}

/**
 * Values by rule id, in a plain object: tens of thousands of documents fill theirs with the same
 * ids in the same order, so they share one shape and hold no hash table each (a Map would).
 */
type PerRule<T> = Record<string, T | undefined>;

/** A cross-resource rule's findings for one document, and what they were computed from. */
interface CrossRemembered {
	findings: Finding[];
	/** WorkspaceIndex.changeStamp when it ran: the findings hold while no key the rule reads changed since. */
	stamp: number;
	/** The checked file's parse when it ran, when the findings hold offsets in this file (they are offsets in it). */
	manifest: ManifestFile | undefined;
	/** Other files the findings point into (related places, fix edits), with their parse then. */
	others: Map<string, ManifestFile | undefined>;
}

interface PerFile {
	key: string;
	schemas: SchemaCatalog | undefined;
	byText: Map<string, Remembered>;
	/** What the run before the last one remembered, while the last one was not run to its end. */
	unfinished?: Map<string, Remembered>;
}

const remembered = new WeakMap<KnowledgeGraph, Map<string, PerFile>>();
/** Every per-graph cache, so that a closed document can be forgotten in all of them. */
const rememberedByGraph = new Set<WeakRef<Map<string, unknown>>>();

/** Drops what validation remembers about a file (its editor closed, or it left the workspace). */
export function forgetValidation(uri: string): void {
	for (const ref of rememberedByGraph) {
		const byUri = ref.deref();
		if (byUri) byUri.delete(uri);
		else rememberedByGraph.delete(ref);
	}
}

/**
 * Findings kept per document text (per file), so that an edit re-runs rules only where their
 * input changed. Local rules depend on a document's text, the graph and the settings only: their
 * findings are moved with the document when an edit above it shifts it. Cross-resource rules
 * also depend on what they read of the workspace (Rule.reads): their findings are kept with the
 * index's change stamps of those keys, and reused while none moved (crossFindings).
 */
function rememberedFindings(uri: string, documents: readonly ManifestDocument[], graph: KnowledgeGraph, settings: Settings, schemas: SchemaCatalog | undefined) {
	let byUri = remembered.get(graph);
	if (!byUri) {
		remembered.set(graph, (byUri = new Map()));
		rememberedByGraph.add(new WeakRef(byUri));
	}
	const key = JSON.stringify(settings);
	let cache = byUri.get(uri);
	if (!cache || cache.key !== key || cache.schemas !== schemas) byUri.set(uri, (cache = { key, schemas, byText: new Map() }));
	// A run given up half way (a newer version arrived) leaves the rest of the run before it.
	const previous = cache.byText;
	if (cache.unfinished) for (const [text, entry] of cache.unfinished) if (!previous.has(text)) previous.set(text, entry);
	cache.unfinished = previous;
	const current = new Map<string, Remembered>();
	cache.byText = current;
	const file = cache;
	// Every text's entry, made in document order (the first document of a text makes it), and the
	// texts that are more than one document: one pass, one map, whatever the number of documents.
	const repeatedTexts = new Set<string>();
	for (const document of documents) {
		if (current.has(document.text)) {
			repeatedTexts.add(document.text);
			continue;
		}
		const old = previous.get(document.text);
		current.set(document.text, old && old.start === document.start ? old : { start: document.start, byRule: old ? shiftAll(old, document.start, uri, document.text.length) : {}, cross: old?.cross ?? {} });
	}
	return {
		/** Where the one document of a text starts; undefined when the file holds it more than once, or not at all. */
		startOf(text: string): number | undefined {
			return repeatedTexts.has(text) ? undefined : current.get(text)?.start;
		},
		/** The findings kept for one document, and the way to keep new ones. */
		forDocument(document: ManifestDocument, cross: CrossCache) {
			const entry = current.get(document.text)!;
			// The same text twice in a file: its copies may differ in what is around them.
			const twice = entry.start !== document.start;
			const repeated = twice || repeatedTexts.has(document.text);
			return {
				local(rule: Rule, compute: (rule: Rule) => Finding[]): Finding[] {
					if (twice) return compute(rule);
					let findings = entry.byRule[rule.id];
					if (!findings) entry.byRule[rule.id] = findings = compute(rule);
					return findings;
				},
				cross(rule: Rule, compute: (rule: Rule) => Finding[]): Finding[] {
					const keys = readKeys(rule);
					if (!keys || repeated) return compute(rule);
					const old = entry.cross[rule.id];
					// `@Kind` keys say where documents sit: they matter only to findings, which point at places.
					if (old && cross.lastChange(rule, keys, old.findings.length > 0) <= old.stamp) {
						const moved = cross.carry(old);
						if (moved) {
							if (moved !== old) entry.cross[rule.id] = moved;
							return moved.findings;
						}
					}
					const stamp = cross.index.changeStamp;
					const fresh = cross.remember(compute(rule), stamp);
					entry.cross[rule.id] = fresh;
					return fresh.findings;
				},
			};
		},
		/** The run reached its end: what it did not meet is gone from the file. */
		done() {
			file.unfinished = undefined;
		},
	};
}

const keysCache = new WeakMap<Rule, string[] | null>();

/** The index keys a cross-resource rule's findings depend on; null when it must always run. */
function readKeys(rule: Rule): string[] | null {
	let keys = keysCache.get(rule);
	if (keys === undefined) {
		// `@Kind` holds Kind's changes too, but is skipped for a rule without findings: Kind stays.
		keys = !rule.reads || rule.reads.includes('*') ? null : [...new Set([LAYOUT, ...rule.reads, ...rule.reads.filter((k) => k.startsWith('@')).map((k) => k.slice(1))])];
		keysCache.set(rule, keys);
	}
	return keys;
}

type CrossCache = ReturnType<typeof crossFindings>;

/** The other files of findings that point into none: shared, never written to. */
const NO_OTHERS: Map<string, ManifestFile | undefined> = new Map();

/**
 * What a validation run needs to keep cross-resource findings: which texts its file holds twice,
 * and how offsets of an earlier parse of the file map into this one (a document that only moved
 * takes its places along; one that changed or went away makes the rule run again).
 */
function crossFindings(uri: string, manifest: ManifestFile, index: WorkspaceIndex, startOf: (text: string) => number | undefined) {
	const shifts = new WeakMap<ManifestFile, (start: number, end: number) => number | undefined>();
	/** How far a span of an earlier parse moved: undefined when its document is not here once, unchanged. */
	const shiftOf = (earlier: ManifestFile): ((start: number, end: number) => number | undefined) => {
		let shift = shifts.get(earlier);
		if (shift) return shift;
		const counts = new Map<string, number>();
		for (const d of earlier.documents) counts.set(d.text, (counts.get(d.text) ?? 0) + 1);
		const docs = earlier.documents;
		const deltaOf = (doc: ManifestDocument): number | undefined => {
			if (counts.get(doc.text) !== 1) return undefined;
			const now = startOf(doc.text);
			return now === undefined ? undefined : now - doc.start;
		};
		shift = (start, end) => {
			// The last document starting at or before the span; one ending where it starts shares the place.
			const lo = lastStartingAtOrBefore(docs, start);
			const doc = docs[lo];
			if (!doc || start < doc.start || end > doc.end) return undefined;
			const delta = deltaOf(doc);
			for (let i = lo - 1; i >= 0 && docs[i].end >= start; i--) if (docs[i].end >= end && deltaOf(docs[i]) !== delta) return undefined;
			return delta;
		};
		shifts.set(earlier, shift);
		return shift;
	};
	const inThisFile = (target: string | undefined) => !target || target === uri;
	/** The last change of what each rule reads (with places, and without), once per rule and index generation. */
	const latest = new Map<Rule, [number, number]>();
	let generation = index.generation;
	let nothingAt: CrossRemembered | undefined;
	return {
		index,
		lastChange(rule: Rule, keys: string[], places: boolean): number {
			if (generation !== index.generation) {
				latest.clear();
				generation = index.generation;
			}
			let last = latest.get(rule);
			if (last === undefined) {
				last = [0, 0];
				for (const key of keys) {
					const at = index.changedAt(key);
					last[1] = Math.max(last[1], at);
					if (!key.startsWith('@')) last[0] = Math.max(last[0], at);
				}
				latest.set(rule, last);
			}
			return last[places ? 1 : 0];
		},
		/** Findings as they are now, with their places read (they point into files as they are now). */
		remember(findings: Finding[], stamp: number): CrossRemembered {
			// Nothing found points nowhere: one record per stamp serves every such result of the run.
			if (findings.length === 0) {
				if (nothingAt?.stamp !== stamp) nothingAt = { findings: NOTHING_FOUND, stamp, manifest: undefined, others: NO_OTHERS };
				return nothingAt;
			}
			const others = new Map<string, ManifestFile | undefined>();
			let here = false;
			const note = (target: string | undefined) => {
				if (inThisFile(target)) here = true;
				else if (!others.has(target!)) others.set(target!, index.getFile(target!)?.manifest);
			};
			const fixed = findings.map((f) => {
				if (!f.related?.length && !f.fixes?.length) return f;
				const related = f.related?.map((r) => {
					note(r.uri);
					return { uri: r.uri, start: r.start, end: r.end, message: r.message };
				});
				const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (note(e.uri), { ...e })) }));
				return { ...f, related, fixes };
			});
			return { findings: fixed, stamp, manifest: here ? manifest : undefined, others };
		},
		/** Remembered findings moved to this parse of the file; undefined when they cannot be. */
		carry(old: CrossRemembered): CrossRemembered | undefined {
			for (const [target, parse] of old.others) if (index.getFile(target)?.manifest !== parse) return undefined;
			if (!old.manifest || old.manifest === manifest) return old;
			const shift = shiftOf(old.manifest);
			let ok = true;
			const move = <T extends { start: number; end: number }>(span: T, target: string | undefined): T => {
				if (!ok || !inThisFile(target)) return span;
				const delta = shift(span.start, span.end);
				if (delta === undefined) ok = false;
				return delta ? { ...span, start: span.start + delta, end: span.end + delta } : span;
			};
			const findings = old.findings.map((f) => {
				if (!f.related?.length && !f.fixes?.length) return f;
				const related = f.related?.map((r) => move(r, r.uri));
				const fixes = f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => move(e, e.uri)) }));
				return { ...f, related, fixes };
			});
			return ok ? { ...old, findings, manifest } : undefined;
		},
	};
}

/** Moves remembered findings to a document's new offset (their edits and related places in it). */
function shiftAll(old: Remembered, start: number, uri: string, length: number): PerRule<Finding[]> {
	// Findings without places of their own (most) move as they are: the record is taken over whole.
	let placed = false;
	for (const findings of Object.values(old.byRule)) if (findings?.some((f) => f.related?.length || f.fixes?.length)) placed = true;
	if (!placed) return old.byRule;
	const delta = start - old.start;
	const inside = (offset: number) => offset >= old.start && offset <= old.start + length;
	const out: PerRule<Finding[]> = {};
	for (const [id, findings] of Object.entries(old.byRule)) {
		if (!findings) continue;
		if (findings.length === 0) {
			out[id] = findings;
			continue;
		}
		const moved: Finding[] = [];
		let ok = true;
		for (const f of findings) {
			const related = f.related?.map((r) => (r.uri === uri && inside(r.start) ? { ...r, start: r.start + delta, end: r.end + delta } : r));
			const fixes = f.fixes?.map((fix) => ({
				...fix,
				edits: fix.edits.map((e) => {
					if ((e.uri && e.uri !== uri) || !inside(e.start)) ok = false;
					return { ...e, start: e.start + delta, end: e.end + delta };
				}),
			}));
			moved.push({ ...f, related, fixes });
		}
		if (ok) out[id] = moved;
	}
	return out;
}
const byKindCache = new WeakMap<Rule[], Map<string, Rule[]>>();

/** The rules that look at a kind, worked out once per rule list. */
function rulesFor(rules: Rule[], kind: string): Rule[] {
	let byKind = byKindCache.get(rules);
	if (!byKind) byKindCache.set(rules, (byKind = new Map()));
	let list = byKind.get(kind);
	if (!list) byKind.set(kind, (list = rules.filter((r) => !r.kinds || r.kinds.includes(kind))));
	return list;
}

/** Where a finding is reported: its file, the document it is in, and the file's line end. */
interface FindingPlace {
	file: IndexedFile;
	index: WorkspaceIndex;
	document: ManifestDocument;
	eol: string;
}

function toDiagnostic(rule: Rule, finding: Finding, { file, index, document, eol }: FindingPlace, severity: Severity, settings: Settings, docsBase: string, withData: boolean): Diagnostic | undefined {
	const span = anchored(document, finding);
	const range = { start: file.text.positionAt(span[0]), end: file.text.positionAt(span[1]) };
	const d = Diagnostic.create(range, asWritten(t(finding.message, settings.language), document, finding), SEVERITY[severity], rule.id, SOURCE);
	d.codeDescription = docsOf(rule, docsBase);
	if (finding.related?.length) {
		d.relatedInformation = finding.related.map((r) => ({
			location: { uri: r.uri, range: rangeIn(index, r.uri, r.start, r.end) },
			message: t(r.message, settings.language),
		}));
	}
	if (!withData) return d;
	// Fixes write new lines the way the file already does.
	const lineEnds = (text: string) => (eol === '\n' ? text : text.replace(/\r?\n/g, eol));
	const data: DiagnosticData = {
		fixes: (finding.fixes ?? []).map((f) => ({
			title: t(f.title, settings.language),
			preferred: f.preferred,
			edits: f.edits.map((e) =>
				e.uri && e.uri !== file.manifest.uri
					? { uri: e.uri, range: rangeIn(index, e.uri, e.start, e.end), newText: e.newText }
					: { range: { start: file.text.positionAt(e.start), end: file.text.positionAt(e.end) }, newText: lineEnds(e.newText) },
			),
		})),
		line: range.start.line,
		documentLine: file.text.positionAt(document.start).line,
	};
	d.data = data;
	return d;
}

/** Where findings were shown, relative to their document: one that only moved is not looked up again. */
const anchors = new WeakMap<NodePath, { text: string; key: boolean; partialReason: ManifestDocument['partialReason']; start: number; end: number }>();

/** `anchor`, remembered per finding path and document text (a span depends on nothing else). */
function anchored(document: ManifestDocument, finding: Finding): [number, number] {
	const key = finding.key === true;
	const known = anchors.get(finding.path);
	if (known && known.key === key && known.partialReason === document.partialReason && known.text === document.text) return [document.start + known.start, document.start + known.end];
	const span = anchor(document, finding);
	anchors.set(finding.path, { text: document.text, key, partialReason: document.partialReason, start: span[0] - document.start, end: span[1] - document.start });
	return span;
}

/** Each rule's page, one object shared by all of its diagnostics (they are sent, never changed). */
const docsByRule = new WeakMap<Rule, { base: string; description: { href: string } }>();

function docsOf(rule: Rule, docsBase: string): { href: string } {
	let known = docsByRule.get(rule);
	if (known?.base !== docsBase) docsByRule.set(rule, (known = { base: docsBase, description: { href: ruleDocsUrl(rule.id, docsBase) } }));
	return known.description;
}

function rangeIn(index: WorkspaceIndex, uri: string, start: number, end: number): Range {
	const text = index.getFile(uri)?.text;
	if (!text) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	return { start: text.positionAt(start), end: text.positionAt(end) };
}

const NEXT_LINE_MARK = 'kubelore-disable-next-line';
const NEXT_LINE = /#\s*kubelore-disable-next-line(?:[ \t]+([^\r\n]*))?\s*$/;

function suppressedOnLine(file: IndexedFile, line: number, ruleId: string): boolean {
	if (line === 0) return false;
	const text = file.text.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } });
	const match = NEXT_LINE.exec(text);
	if (!match) return false;
	const rules = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
	return rules.length === 0 || rules.includes(ruleId);
}
