/* SARIF 2.1.0 output for code scanning: results streamed file by file, then the rules they used. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Language } from '../../service/knowledge/types';
import { RULES } from '../../service/rules/index';
import type { Severity } from '../../service/settings';
import { shardName } from '../shard';
import { messageOf, severityOf, SRCROOT, type FileReport, type FormatContext, type Formatter, type RunSummary } from './types';

/** The fingerprint's name and version: rule, file, resource and node path, not the line. */
const FINGERPRINT = 'kubeloreFinding/v1';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Checks that are not rules of the catalogue but still report findings. */
const BUILT_IN: Record<string, { description: Record<Language, string>; severity: Severity }> = {
	'yaml-syntax': { description: { en: 'A YAML document that does not parse.', zh: '无法解析的 YAML 文档。' }, severity: 'error' },
	'kubelore-config': { description: { en: 'A .kubelore.yaml setting that is not valid.', zh: '无效的 .kubelore.yaml 设置。' }, severity: 'error' },
};

/**
 * The SARIF log. Its `results` come first in the run object, so they can be written as files are
 * checked; `tool.driver.rules` follows and lists the rules the results refer to (by `ruleIndex`).
 */
export class SarifFormatter implements Formatter {
	private readonly ruleIndex = new Map<string, number>();
	private readonly seen = new Map<string, number>();
	private written = 0;

	constructor(private readonly context: FormatContext) {}

	begin(): string {
		return `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`;
	}

	file(report: FileReport): string {
		let out = '';
		for (const d of report.diagnostics) out += `${this.written++ > 0 ? ',' : ''}\n        ${indent(JSON.stringify(this.result(report.uri, d), null, 2), 8)}`;
		return out;
	}

	end(summary: RunSummary): string {
		const { paths, version } = this.context;
		const rest: Partial<Sarif.Run> = {
			tool: { driver: { name: 'KubeLore', version, semanticVersion: version, rules: [...this.ruleIndex.keys()].map((id) => this.descriptor(id)) } },
			invocations: [
				{
					executionSuccessful: !summary.notes.some((n) => n.fatal),
					toolExecutionNotifications: summary.notes.map((n) => ({ level: n.fatal ? 'error' : 'note', message: { text: `${n.path}: ${n.message}` } })),
				},
			],
			// The category code scanning keeps results under: one per shard, so that shards do not replace each other's.
			automationDetails: { id: `kubelore/${shardName(this.context.shard)}${this.context.shard ? '/' : ''}` },
			originalUriBaseIds: { [SRCROOT]: { uri: paths.cwdUri } },
			columnKind: 'utf16CodeUnits',
		};
		const members = Object.entries(rest).map(([key, value]) => `      ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 6)}`);
		return `${this.written ? '\n      ' : ''}],\n${members.join(',\n')}\n    }\n  ]\n}\n`;
	}

	private result(uri: string, d: Diagnostic): Sarif.Result {
		const { paths } = this.context;
		const ruleId = String(d.code ?? 'kubelore');
		let index = this.ruleIndex.get(ruleId);
		if (index === undefined) this.ruleIndex.set(ruleId, (index = this.ruleIndex.size));
		const result: Sarif.Result = {
			ruleId,
			ruleIndex: index,
			level: LEVELS[severityOf(d)],
			message: { text: messageOf(d) },
			locations: [{ physicalLocation: { artifactLocation: paths.artifact(uri), region: region(d.range) } }],
		};
		const identity = (d.data as { identity?: string } | undefined)?.identity;
		if (identity) {
			// The same rule on the same node of the same resource twice: the second one is another alert.
			const nth = (this.seen.get(identity) ?? 0) + 1;
			this.seen.set(identity, nth);
			result.partialFingerprints = { [FINGERPRINT]: createHash('sha256').update(`${identity}|${nth}`).digest('hex') };
		}
		if (d.relatedInformation?.length) {
			result.relatedLocations = d.relatedInformation.map((r, i) => ({
				id: i + 1,
				message: { text: r.message },
				physicalLocation: { artifactLocation: paths.artifact(r.location.uri), region: region(r.location.range) },
			}));
		}
		const fixes = (d.data as { fixes?: { title: string; edits: { range: Range; newText: string }[] }[] } | undefined)?.fixes ?? [];
		if (fixes.length) {
			result.fixes = fixes.map((f) => ({
				description: { text: f.title },
				artifactChanges: [{ artifactLocation: paths.artifact(uri), replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
			}));
		}
		return result;
	}

	/** A rule's metadata: its one-line description, its page (public address, else a file URI) and the page's text as help. */
	private descriptor(id: string): Sarif.ReportingDescriptor {
		const { language, docsDir, docsUrl } = this.context;
		const rule = RULES.find((r) => r.id === id);
		const known = rule ?? BUILT_IN[id];
		const descriptor: Sarif.ReportingDescriptor = { id, name: pascalCase(id) };
		if (known) {
			descriptor.shortDescription = { text: known.description[language] || known.description.en };
			descriptor.defaultConfiguration = { level: LEVELS[known.severity] };
		}
		const page = join(docsDir, `${id}.md`);
		if (rule && existsSync(page)) {
			descriptor.helpUri = docsUrl ? `${docsUrl}${id}.md` : pathToFileURL(page).toString();
			const markdown = pageSection(readFileSync(page, 'utf8'), language);
			descriptor.help = { text: markdown, markdown };
		}
		descriptor.properties = { tags: ['kubernetes'] };
		return descriptor;
	}
}

/** A 1-based SARIF region; the end column is the one after the last character, as in LSP. */
function region(range: Range): Sarif.Region {
	return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** The part of a rule page in one language: the pages hold English first, then a `# ...（中文）` part. */
export function pageSection(page: string, language: Language): string {
	const zhStart = page.search(/^# .*（中文）\s*$/m);
	if (zhStart < 0) return page.trim();
	return (language === 'zh' ? page.slice(zhStart) : page.slice(0, zhStart)).trim();
}

function pascalCase(id: string): string {
	return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function indent(json: string, spaces: number): string {
	return json.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
