import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { buildTeamKnowledge, type SourceFile, type TeamKnowledge } from '../../../knowledge/build/builder';
import { KnowledgeGraph } from '../service/knowledge/graph';
import type { GraphData } from '../service/knowledge/types';
import { FileFilter, readTextFile, toPosix, walkFiles } from './files';

/** Reads graph.json, written at build time beside the bundle. */
export function loadGraphData(distDir: string): GraphData {
	return JSON.parse(readFileSync(join(distDir, 'graph.json'), 'utf8')) as GraphData;
}

const MARKDOWN = new FileFilter(['**/*.md', '**/*.markdown'], ['**/node_modules/**', '**/.git/**']);
const MAX_TEAM_FILES = 5000;

/**
 * Reads a team's markdown folders and builds their notes and entities. Yields to the event
 * loop between files so that hovers are answered while thousands of files are read.
 */
export async function loadTeamKnowledge(folder: string, paths: string[], base: GraphData): Promise<TeamKnowledge> {
	const files: SourceFile[] = [];
	const problems: TeamKnowledge['problems'] = [];
	for (const path of paths) {
		const root = isAbsolute(path) ? path : join(folder, path);
		for await (const file of walkFiles(root, MARKDOWN, (p, e) => problems.push({ file: p, line: 1, message: (e as Error).message }))) {
			if (files.length >= MAX_TEAM_FILES) break;
			const read = await readTextFile(file);
			const shown = toPosix(relative(folder, file));
			if ('error' in read) problems.push({ file: shown, line: 1, message: read.error });
			else files.push({ path: file, text: read.text });
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
	const team = buildTeamKnowledge(files, base.entities);
	return { ...team, problems: [...problems, ...team.problems] };
}

/** A graph with team entities and notes laid over the built-in knowledge. */
export function graphWithTeam(base: GraphData, team: TeamKnowledge | undefined): KnowledgeGraph {
	const graph = new KnowledgeGraph(base, team?.entities ?? []);
	if (team) graph.setNotes(team.notes);
	return graph;
}
