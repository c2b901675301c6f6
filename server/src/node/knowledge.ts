import { promises, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { buildTeamKnowledge, type SourceFile, type TeamKnowledge } from '../../../knowledge/build/builder';
import { GRAPH_CORE_FILE, GRAPH_FILE, type CoreGraphData } from '../../../knowledge/build/graphFiles';
import { KnowledgeGraph } from '../service/knowledge/graph';
import type { Entity, GraphData, Localized } from '../service/knowledge/types';
import { FileFilter, readTextFile, toPosix, walkFiles } from './files';

/**
 * Reads the graph written at build time beside the bundle: graph-core.json, whose entities have no
 * body, with each body read from graph.json the first time any entity's body is asked for (the
 * knowledge search and the entry view; the rules and hovers never ask). Without the core file,
 * graph.json whole.
 */
export function loadGraphData(distDir: string): GraphData {
	let core: CoreGraphData;
	try {
		core = JSON.parse(readFileSync(join(distDir, GRAPH_CORE_FILE), 'utf8')) as CoreGraphData;
	} catch {
		return JSON.parse(readFileSync(join(distDir, GRAPH_FILE), 'utf8')) as GraphData;
	}
	let bodies: Map<string, Localized> | undefined;
	const bodyOf = (id: string): Localized => {
		bodies ??= readBodies(join(distDir, GRAPH_FILE));
		return bodies.get(id) ?? { en: '', zh: '' };
	};
	const own = (entity: Entity, value: Localized) => Object.defineProperty(entity, 'body', { value, writable: true, enumerable: true, configurable: true });
	// One descriptor for all entities: a getter made per entity costs more than the parse it saves.
	const lazyBody: PropertyDescriptor = {
		configurable: true,
		enumerable: true,
		get(this: Entity): Localized {
			const body = bodyOf(this.id);
			own(this, body);
			return body;
		},
		set(this: Entity, value: Localized) {
			own(this, value);
		},
	};
	for (const entity of core.entities) Object.defineProperty(entity, 'body', lazyBody);
	return core as GraphData;
}

/** Each entity's body in graph.json, by id; none when the file cannot be read. */
function readBodies(path: string): Map<string, Localized> {
	try {
		const whole = JSON.parse(readFileSync(path, 'utf8')) as GraphData;
		return new Map(whole.entities.map((entity) => [entity.id, entity.body]));
	} catch {
		return new Map();
	}
}

const MARKDOWN = new FileFilter(['**/*.md', '**/*.markdown'], ['**/node_modules/**', '**/.git/**']);
const MAX_TEAM_FILES = 5000;
/** A note is prose for people: past these sizes it is generated or hostile, and parsing it would stall hovers. */
export const MAX_NOTE_BYTES = 256 * 1024;
export const MAX_FRONT_MATTER_LINES = 500;

/** Notes read before, by path: one that kept its size and time is not read again. */
const readCache = new Map<string, { mtimeMs: number; size: number; text: string }>();

export interface TeamKnowledgeOptions {
	/** Read configured folders that lie outside the workspace folder (off unless the user says so). */
	allowOutside: boolean;
}

/**
 * Reads a team's markdown folders and builds their notes and entities. Yields to the event
 * loop between files so that hovers are answered while thousands of files are read. A note that
 * cannot be read or built is reported with its file and skipped; the others still load.
 */
export async function loadTeamKnowledge(folder: string, paths: string[], base: GraphData, options: TeamKnowledgeOptions = { allowOutside: false }): Promise<TeamKnowledge> {
	const files: SourceFile[] = [];
	const problems: TeamKnowledge['problems'] = [];
	const seen = new Set<string>();
	for (const path of paths) {
		const root = resolve(folder, path);
		const fromFolder = relative(folder, root);
		if (!options.allowOutside && (fromFolder.startsWith('..') || isAbsolute(fromFolder))) {
			problems.push({ file: path, line: 1, message: 'outside the workspace folder, not read (turn on kubelore.knowledge.allowOutsideWorkspace to read it)' });
			continue;
		}
		for await (const file of walkFiles(root, MARKDOWN, (p, e) => problems.push({ file: toPosix(relative(folder, p)), line: 1, message: (e as Error).message }))) {
			if (files.length >= MAX_TEAM_FILES) break;
			seen.add(file);
			const shown = toPosix(relative(folder, file));
			const read = await readNote(file);
			if ('error' in read) problems.push({ file: shown, line: 1, message: read.error });
			else if (frontMatterTooLong(read.text)) problems.push({ file: shown, line: 1, message: `front matter longer than ${MAX_FRONT_MATTER_LINES} lines, skipped` });
			else files.push({ path: file, text: read.text });
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	for (const path of readCache.keys()) if (path.startsWith(folder) && !seen.has(path)) readCache.delete(path);
	const team = buildSkippingBadNotes(files, base);
	return { ...team, problems: [...problems, ...team.problems] };
}

async function readNote(path: string): Promise<{ text: string } | { error: string }> {
	let info;
	try {
		info = await promises.stat(path);
	} catch (error) {
		return { error: (error as Error).message };
	}
	if (info.size > MAX_NOTE_BYTES) return { error: `larger than ${MAX_NOTE_BYTES / 1024} KiB, skipped` };
	const cached = readCache.get(path);
	if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
	const read = await readTextFile(path);
	if ('error' in read) return read;
	readCache.set(path, { mtimeMs: info.mtimeMs, size: info.size, text: read.text });
	return read;
}

/** True when a `---` front matter runs past the line limit (checked before any YAML is parsed). */
function frontMatterTooLong(text: string): boolean {
	if (!/^---[ \t]*\r?\n/.test(text)) return false;
	let lineStart = text.indexOf('\n') + 1;
	for (let line = 0; line <= MAX_FRONT_MATTER_LINES; line++) {
		if (lineStart <= 0 || lineStart >= text.length) return false;
		const newline = text.indexOf('\n', lineStart);
		if (/^---[ \t]*\r?$/.test(text.slice(lineStart, Math.min(newline === -1 ? text.length : newline, lineStart + 16)))) return false;
		lineStart = newline + 1;
	}
	return true;
}

/** Builds the notes; when that throws, finds the notes that make it throw, reports and skips them. */
function buildSkippingBadNotes(files: SourceFile[], base: GraphData): TeamKnowledge {
	try {
		return buildTeamKnowledge(files, base.entities);
	} catch {
		// Fall through: one note at a time tells which ones fail.
	}
	const good: SourceFile[] = [];
	const problems: TeamKnowledge['problems'] = [];
	for (const file of files) {
		try {
			buildTeamKnowledge([file], base.entities);
			good.push(file);
		} catch (error) {
			problems.push({ file: file.path, line: 1, message: `skipped: ${(error as Error).message}` });
		}
	}
	try {
		const team = buildTeamKnowledge(good, base.entities);
		return { ...team, problems: [...problems, ...team.problems] };
	} catch (error) {
		return { entities: [], notes: new Map(), problems: [...problems, { file: '', line: 1, message: `team knowledge not loaded: ${(error as Error).message}` }] };
	}
}

/** A graph with team entities and notes laid over the built-in knowledge. */
export function graphWithTeam(base: GraphData, team: TeamKnowledge | undefined): KnowledgeGraph {
	const graph = new KnowledgeGraph(base, team?.entities ?? []);
	if (team) graph.setNotes(team.notes);
	return graph;
}
