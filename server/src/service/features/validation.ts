import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { KnowledgeGraph } from '../knowledge/graph';
import { documentAt, rangeOf } from '../manifest/nodes';
import { LABELS, t } from '../l10n/text';
import { RULES, ruleDocsUrl } from '../rules/index';
import type { Finding, Rule } from '../rules/types';
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
}

/** Diagnostics of one file: a syntax error per broken document, then every rule on every resource. */
export function validate(uri: string, index: WorkspaceIndex, graph: KnowledgeGraph, settings: Settings, options: ValidationOptions): Diagnostic[] {
	const rules = options.rules ?? RULES;
	const file = index.getFile(uri);
	if (!file) return [];
	if (index.isPartialFile(uri)) return [];
	const diagnostics: Diagnostic[] = [];
	for (const document of file.manifest.documents) {
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
			let findings: Finding[];
			try {
				findings = rule.check({ entry, file, index, graph, settings, scope });
			} catch {
				// A rule that trips on an odd manifest stays silent rather than take the others down.
				continue;
			}
			for (const finding of findings) {
				const d = toDiagnostic(rule, finding, file, index, document.start, setting ?? finding.severity ?? rule.severity, settings, options.docsBase);
				if (d && !suppressedOnLine(file, d.range.start.line, rule.id)) diagnostics.push(d);
			}
		}
	}
	return diagnostics;
}

const NONE: ReadonlySet<string> = new Set();
const byKindCache = new WeakMap<Rule[], Map<string, Rule[]>>();

/** The rules that look at a kind, worked out once per rule list. */
function rulesFor(rules: Rule[], kind: string): Rule[] {
	let byKind = byKindCache.get(rules);
	if (!byKind) byKindCache.set(rules, (byKind = new Map()));
	let list = byKind.get(kind);
	if (!list) byKind.set(kind, (list = rules.filter((r) => !r.kinds || r.kinds.includes(kind))));
	return list;
}

function toDiagnostic(rule: Rule, finding: Finding, file: IndexedFile, index: WorkspaceIndex, documentStart: number, severity: Severity, settings: Settings, docsBase: string): Diagnostic | undefined {
	// Binary search: a file of thousands of documents with many findings must not scan them per finding.
	const near = documentAt(file.manifest, documentStart);
	const document = near?.start === documentStart ? near : file.manifest.documents.find((d) => d.start === documentStart);
	if (!document) return undefined;
	const span = rangeOf(document, finding.path, finding.key) ?? [documentStart, documentStart];
	const range = { start: file.text.positionAt(span[0]), end: file.text.positionAt(span[1]) };
	const d = Diagnostic.create(range, t(finding.message, settings.language), SEVERITY[severity], rule.id, SOURCE);
	d.codeDescription = { href: ruleDocsUrl(rule.id, docsBase) };
	if (finding.related?.length) {
		d.relatedInformation = finding.related.map((r) => ({
			location: { uri: r.uri, range: rangeIn(index, r.uri, r.start, r.end) },
			message: t(r.message, settings.language),
		}));
	}
	const data: DiagnosticData = {
		fixes: (finding.fixes ?? []).map((f) => ({
			title: t(f.title, settings.language),
			preferred: f.preferred,
			edits: f.edits.map((e) =>
				e.uri && e.uri !== file.manifest.uri
					? { uri: e.uri, range: rangeIn(index, e.uri, e.start, e.end), newText: e.newText }
					: { range: { start: file.text.positionAt(e.start), end: file.text.positionAt(e.end) }, newText: e.newText },
			),
		})),
		line: range.start.line,
		documentLine: file.text.positionAt(documentStart).line,
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
