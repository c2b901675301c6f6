import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { anchor, asWritten } from './findingPlace';
import { LABELS, t } from '../l10n/text';
import { placeholderAt } from '../manifest/placeholders';
import { RULES, ruleDocsUrl } from '../rules/index';
import type { Finding, Rule, RuleContext } from '../rules/types';
import type { ManifestDocument } from '../manifest/types';
import type { SchemaCatalog } from '../schema/catalog';
import type { Severity, Settings } from '../settings';
import type { IndexedFile, WorkspaceIndex } from '../workspace/index';
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
	const rules = options.rules ?? RULES;
	const file = index.getFile(uri);
	if (!file) return [];
	if (index.isPartialFile(uri)) return [];
	const diagnostics: Diagnostic[] = [];
	const reuse = localFindings(uri, graph, settings);
	const eol = file.manifest.text.includes('\r\n') ? '\r\n' : '\n';
	for (const document of file.manifest.documents) {
		yield;
		for (const problem of document.problems) {
			const range = { start: file.text.positionAt(problem.start), end: file.text.positionAt(problem.end) };
			const d = Diagnostic.create(range, `${t(LABELS.syntax, settings.language)}: ${problem.message}. ${t(LABELS.syntaxHint, settings.language)}`, DiagnosticSeverity.Error, 'yaml-syntax', SOURCE);
			diagnostics.push(d);
		}
		if (document.kind !== 'resource' || !document.resource) continue;
		const applicable = rulesFor(rules, document.resource.kind);
		if (applicable.length === 0) continue;
		const entry = { uri, document, resource: document.resource };
		const ignoreAnnotation = document.resource.annotations['kubelore.io/ignore'];
		const ignored = ignoreAnnotation ? new Set(ignoreAnnotation.split(/[\s,]+/).filter(Boolean)) : NONE;
		const disabled = document.disabledRules;
		if (disabled.has('*') || ignored.has('*')) continue;
		const scope = new Scope(index, entry, settings);
		for (const rule of applicable) {
			const setting = settings.rules[rule.id];
			if (setting === 'off' || disabled.has(rule.id) || ignored.has(rule.id)) continue;
			const context = { entry, file, index, graph, settings, scope, schemas: options.schemas };
			const findings = rule.local ? reuse.findings(document, rule, () => run(rule, context)) : run(rule, context);
			for (const finding of findings) {
				const d = toDiagnostic(rule, finding, { file, index, document, eol }, setting ?? finding.severity ?? rule.severity, settings, options.docsBase);
				if (d && !suppressedOnLine(file, d.range.start.line, rule.id)) diagnostics.push(d);
			}
		}
	}
	return diagnostics;
}

const NONE: ReadonlySet<string> = new Set();

function run(rule: Rule, context: RuleContext): Finding[] {
	try {
		// A value that holds a `${VAR}` placeholder is filled in later: findings about it are dropped.
		return rule.check(context).filter((f) => !placeholderAt(context.entry.document, f.path));
	} catch {
		// A rule that trips on an odd manifest stays silent rather than take the others down.
		return [];
	}
}

/** Findings of local rules for one document text, and the offset they were computed at. */
interface Remembered {
	start: number;
	byRule: Map<string, Finding[]>;
}

const remembered = new WeakMap<KnowledgeGraph, Map<string, { settings: string; byText: Map<string, Remembered> }>>();
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
 * Local rules depend on a document's text, the graph and the settings only, so their findings
 * are kept per document text (per file) and moved with the document when an edit above it
 * shifts it. An edit then re-runs local rules on the edited document alone.
 */
function localFindings(uri: string, graph: KnowledgeGraph, settings: Settings) {
	let byUri = remembered.get(graph);
	if (!byUri) {
		remembered.set(graph, (byUri = new Map()));
		rememberedByGraph.add(new WeakRef(byUri));
	}
	const key = JSON.stringify(settings);
	let cache = byUri.get(uri);
	if (!cache || cache.settings !== key) byUri.set(uri, (cache = { settings: key, byText: new Map() }));
	const previous = cache.byText;
	const current = new Map<string, Remembered>();
	cache.byText = current;
	return {
		findings(document: ManifestDocument, rule: Rule, compute: () => Finding[]): Finding[] {
			let entry = current.get(document.text);
			if (!entry) {
				const old = previous.get(document.text);
				entry = old && old.start === document.start ? old : { start: document.start, byRule: old ? shiftAll(old, document.start, uri, document.text.length) : new Map() };
				current.set(document.text, entry);
			}
			if (entry.start !== document.start) return compute(); // the same text twice in a file
			let findings = entry.byRule.get(rule.id);
			if (!findings) entry.byRule.set(rule.id, (findings = compute()));
			return findings;
		},
	};
}

/** Moves remembered findings to a document's new offset (their edits and related places in it). */
function shiftAll(old: Remembered, start: number, uri: string, length: number): Map<string, Finding[]> {
	const delta = start - old.start;
	const inside = (offset: number) => offset >= old.start && offset <= old.start + length;
	const out = new Map<string, Finding[]>();
	for (const [id, findings] of old.byRule) {
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
		if (ok) out.set(id, moved);
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

function toDiagnostic(rule: Rule, finding: Finding, { file, index, document, eol }: FindingPlace, severity: Severity, settings: Settings, docsBase: string): Diagnostic | undefined {
	const span = anchor(document, finding);
	const range = { start: file.text.positionAt(span[0]), end: file.text.positionAt(span[1]) };
	const d = Diagnostic.create(range, asWritten(t(finding.message, settings.language), document, finding), SEVERITY[severity], rule.id, SOURCE);
	d.codeDescription = { href: ruleDocsUrl(rule.id, docsBase) };
	if (finding.related?.length) {
		d.relatedInformation = finding.related.map((r) => ({
			location: { uri: r.uri, range: rangeIn(index, r.uri, r.start, r.end) },
			message: t(r.message, settings.language),
		}));
	}
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

function rangeIn(index: WorkspaceIndex, uri: string, start: number, end: number): Range {
	const text = index.getFile(uri)?.text;
	if (!text) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	return { start: text.positionAt(start), end: text.positionAt(end) };
}

const NEXT_LINE = /#\s*kubelore-disable-next-line(?:[ \t]+([^\r\n]*))?\s*$/;

function suppressedOnLine(file: IndexedFile, line: number, ruleId: string): boolean {
	if (line === 0) return false;
	const text = file.text.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } });
	const match = NEXT_LINE.exec(text);
	if (!match) return false;
	const rules = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
	return rules.length === 0 || rules.includes(ruleId);
}
