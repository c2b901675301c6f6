import { isMap, isSeq, type YAMLMap } from 'yaml';
import {
	CATEGORIES,
	RELATION_TYPES,
	type Category,
	type Entity,
	type GraphData,
	type KnowledgeProblem,
	type Language,
	type Localized,
	type Matches,
	type Relation,
	type SourceRef,
	type TeamNote,
} from '../../server/src/service/knowledge/types';
import { lineOfKey, splitFrontMatter, type SplitMarkdown } from './frontMatter';
import { plainText, readBlocks, type Block } from './markdown';
import { MentionMatcher } from './mentions';
import { withArticleTitles } from './articles';
import { checkRelations } from './relations';
import { glossaryProblems } from './glossary';
import { factProblems } from './factChecks';

/** A markdown file handed to the builder: path (for messages) and text. */
export interface SourceFile {
	path: string;
	text: string;
}

/** An article that entities cite, from knowledge/sources.yaml. */
export interface Article {
	title: string;
	/** The title in each language, as entry text names the article. */
	short?: Localized;
	address?: string;
	origin?: string;
	date?: string;
}

export interface BuildResult {
	graph: GraphData;
	problems: KnowledgeProblem[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_TEAM_FILE = 512 * 1024;

/**
 * Builds the graph from the entity documents: reads each, checks it, resolves relations and
 * finds mentions. Problems carry file and line; a graph is returned even when there are some.
 */
export function buildGraph(files: SourceFile[], articles: Record<string, Article>, options: { strict?: boolean } = {}): BuildResult {
	const problems: KnowledgeProblem[] = [];
	const entities: Entity[] = [];
	const seenIds = new Map<string, string>();
	const seenAliases = new Map<string, string>();
	const relationLines = new Map<Entity, number>();
	for (const file of files) {
		const parsed = readEntity(file, articles, { requireBoth: true, requireSources: true }, problems);
		if (!parsed) continue;
		const { entity, split } = parsed;
		problems.push(...glossaryProblems(file.path, file.text), ...factProblems(file.path, lineOfKey(split, 'facts'), entity.facts));
		const other = seenIds.get(entity.id);
		if (other) {
			problems.push({ file: file.path, line: lineOfKey(split, 'id'), message: `duplicate id "${entity.id}" (also in ${other})` });
			continue;
		}
		seenIds.set(entity.id, file.path);
		for (const alias of new Set([entity.id, ...entity.aliases].map((a) => a.toLowerCase()))) {
			const owner = seenAliases.get(alias);
			if (owner && owner !== entity.id) {
				problems.push({ file: file.path, line: lineOfKey(split, 'aliases'), message: `alias "${alias}" is also an alias of "${owner}"` });
			} else seenAliases.set(alias, entity.id);
		}
		relationLines.set(entity, lineOfKey(split, 'relations'));
		entities.push(entity);
	}
	for (const entity of entities) {
		for (const relation of entity.relations) {
			if (!seenIds.has(relation.target)) {
				problems.push({ file: entity.file, line: relationLines.get(entity) ?? 1, message: `relation ${relation.type} -> "${relation.target}": no entity has that id` });
			}
		}
		if (options.strict && entity.relations.length < 2) {
			problems.push({ file: entity.file, line: relationLines.get(entity) ?? 1, message: 'an entity needs at least two relations' });
		}
	}
	problems.push(...checkRelations(entities, (e) => relationLines.get(e) ?? 1, options.strict ?? false));
	const matcher = mentionMatcher(entities);
	for (const entity of entities) {
		entity.mentions = matcher.find(`${entity.body.en}\n${entity.body.zh}`).filter((id) => id !== entity.id);
	}
	return { graph: { version: 1, entities }, problems };
}

/** A matcher over every alias, id and title of the entities. */
export function mentionMatcher(entities: Entity[]): MentionMatcher {
	const pairs: [string, string][] = [];
	for (const e of entities) for (const alias of [e.title.en, e.title.zh, ...e.aliases]) pairs.push([alias, e.id]);
	return new MentionMatcher(pairs);
}

interface ReadOptions {
	requireBoth: boolean;
	requireSources: boolean;
}

function readEntity(
	file: SourceFile,
	articles: Record<string, Article>,
	options: ReadOptions,
	problems: KnowledgeProblem[],
): { entity: Entity; split: SplitMarkdown } | undefined {
	const split = splitFrontMatter(file.text);
	const report = (line: number, message: string) => problems.push({ file: file.path, line, message });
	for (const e of split.errors) report(e.line, `front matter: ${e.message}`);
	if (split.errors.length > 0) return undefined;
	const root = split.frontMatter?.contents;
	if (!isMap(root)) {
		report(1, 'no front matter: an entity document starts with `---`, its YAML fields, and `---`');
		return undefined;
	}
	const fm = split.frontMatter!.toJS() as Record<string, unknown>;
	const at = (key: string) => lineOfKey(split, key);
	const id = fm.id;
	if (typeof id !== 'string' || !ID.test(id)) {
		report(at('id'), 'id is missing or not lower-case letters, digits and dashes');
		return undefined;
	}
	const category = fm.category as Category;
	if (!CATEGORIES.includes(category)) report(at('category'), `category must be one of ${CATEGORIES.join(', ')}`);
	const title = localized(fm.title);
	const sections = withArticleTitles(readSections(split), articles);
	if (options.requireBoth) {
		for (const language of ['en', 'zh'] as Language[]) {
			if (!title[language]) report(at('title'), `title has no "${language}" text`);
			if (!sections.summary[language]) report(split.bodyLine + 1, `the body has no "# ${language}" section with a summary paragraph`);
		}
	} else if (!sections.summary.en && !sections.summary.zh) {
		report(split.bodyLine + 1, 'the body has no "# en" or "# zh" section with a summary paragraph');
	}
	const relations: Relation[] = [];
	for (const r of asArray(fm.relations)) {
		const rel = r as Partial<Relation>;
		if (!rel || !RELATION_TYPES.includes(rel.type as never) || typeof rel.target !== 'string') {
			report(at('relations'), `a relation needs a type (${RELATION_TYPES.join(', ')}) and a target id`);
		} else relations.push({ type: rel.type!, target: rel.target });
	}
	const sources: SourceRef[] = [];
	for (const s of asArray(fm.sources)) {
		const src = s as { article?: string; section?: string };
		const article = src?.article ? articles[src.article] : undefined;
		if (!article) report(at('sources'), `source article "${String(src?.article)}" is not in knowledge/sources.yaml`);
		else sources.push({ article: src.article!, title: article.title, address: article.address, origin: article.origin, section: String(src.section ?? '') });
	}
	if (options.requireSources && sources.length === 0) report(at('sources'), 'an entity needs at least one source article');
	const docs = asArray(fm.docs).filter((d): d is string => typeof d === 'string' && /^https:\/\//.test(d));
	if (options.requireSources && docs.length === 0) report(at('docs'), 'an entity needs at least one https documentation link');
	const aliases = asArray(fm.aliases).map(String).filter(Boolean);
	const facts = isMap(root.get('facts')) ? ((root.get('facts') as YAMLMap).toJSON() as Record<string, unknown>) : {};
	const matches = readMatches(fm.matches);
	if (!isMap(root.get('matches')) && root.has('matches') && !isSeq(root.get('matches'))) report(at('matches'), 'matches must be a map');
	const entity: Entity = {
		id,
		category,
		title: { en: title.en || title.zh, zh: title.zh || title.en },
		aliases,
		summary: sections.summary,
		body: sections.body,
		relations,
		facts,
		matches,
		docs,
		sources,
		mentions: [],
		file: file.path,
	};
	return { entity, split };
}

function readSections(split: SplitMarkdown): { summary: Localized; body: Localized } {
	const summary: Localized = { en: '', zh: '' };
	const body: Localized = { en: '', zh: '' };
	const lines = split.body.split('\n');
	const blocks = readBlocks(split.body);
	let language: Language | undefined;
	let sectionStart = 0;
	const close = (end: number) => {
		if (language) body[language] = lines.slice(sectionStart, end).join('\n').trim();
	};
	for (const block of blocks) {
		if (block.type === 'heading' && block.level === 1) {
			close(block.startLine);
			const name = block.text.toLowerCase();
			language = name === 'en' || name === 'english' ? 'en' : name === 'zh' || name === '中文' ? 'zh' : undefined;
			sectionStart = block.endLine;
		} else if (language && block.type === 'paragraph' && !summary[language]) {
			summary[language] = block.text;
		}
	}
	close(lines.length);
	return { summary, body };
}

function readMatches(value: unknown): Matches {
	const m = (value ?? {}) as Record<string, unknown>;
	const strings = (key: string) => asArray(m[key]).filter((v): v is string => typeof v === 'string');
	const out: Matches = {};
	for (const key of ['kinds', 'fields', 'annotations', 'images', 'provisioners', 'runtimeHandlers', 'volumeSources'] as const) {
		const list = strings(key);
		if (list.length) out[key] = list;
	}
	const values = asArray(m.values)
		.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
		.filter((v) => typeof v.field === 'string' && v.value !== undefined)
		.map((v) => ({ field: String(v.field), value: String(v.value), ...(typeof v.kind === 'string' ? { kind: v.kind } : {}) }));
	if (values.length) out.values = values;
	return out;
}

function localized(value: unknown): Localized {
	if (typeof value === 'string') return { en: value, zh: value };
	const v = (value ?? {}) as Record<string, unknown>;
	return { en: typeof v.en === 'string' ? v.en : '', zh: typeof v.zh === 'string' ? v.zh : '' };
}

function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** Team knowledge read from a team's markdown folders. */
export interface TeamKnowledge {
	notes: Map<string, TeamNote[]>;
	entities: Entity[];
	problems: KnowledgeProblem[];
}

/**
 * Reads a team's own documents: passages that mention a known entity become notes on it, and
 * a document with front matter (an `id`) adds an entity. Team text is untrusted: it is kept
 * as text and never becomes a link or a command.
 */
export function buildTeamKnowledge(files: SourceFile[], known: Entity[]): TeamKnowledge {
	const problems: KnowledgeProblem[] = [];
	const entities: Entity[] = [];
	const knownIds = new Set(known.map((e) => e.id));
	for (const file of files) {
		if (file.text.length > MAX_TEAM_FILE) {
			problems.push({ file: file.path, line: 1, message: `skipped: larger than ${MAX_TEAM_FILE / 1024} KiB` });
			continue;
		}
		const split = splitFrontMatter(file.text);
		if (!split.frontMatter && split.errors.length === 0) continue;
		const local: KnowledgeProblem[] = [];
		const parsed = readEntity(file, {}, { requireBoth: false, requireSources: false }, local);
		problems.push(...local.filter((p) => !p.message.startsWith('source article')));
		if (!parsed) continue;
		if (knownIds.has(parsed.entity.id)) {
			problems.push({ file: file.path, line: lineOfKey(parsed.split, 'id'), message: `id "${parsed.entity.id}" is already a KubeLore entity; team notes mentioning it are attached instead` });
			continue;
		}
		knownIds.add(parsed.entity.id);
		entities.push({ ...parsed.entity, relations: parsed.entity.relations.filter((r) => knownIds.has(r.target) || known.some((k) => k.id === r.target)), team: true });
	}
	const matcher = mentionMatcher([...known, ...entities]);
	const notes = new Map<string, TeamNote[]>();
	for (const file of files) {
		if (file.text.length > MAX_TEAM_FILE) continue;
		const split = splitFrontMatter(file.text);
		for (const block of readBlocks(split.body)) {
			if (block.type === 'code' || block.type === 'heading') continue;
			const excerpt = plainText(block.text);
			if (!excerpt) continue;
			for (const id of matcher.find(excerpt)) {
				const note: TeamNote = { file: file.path, line: split.bodyLine + block.startLine, excerpt: excerpt.length > 280 ? `${excerpt.slice(0, 277)}...` : excerpt };
				const list = notes.get(id);
				if (!list) notes.set(id, [note]);
				else if (list.length < 20) list.push(note);
			}
		}
	}
	return { notes, entities, problems };
}

/** Plain excerpt of a block (exported for tests). */
export function excerptOf(block: Block): string {
	return plainText(block.text);
}
