/* The team's knowledge folders for the command line: --knowledge, and `knowledgePaths` of .kubelore.yaml. */
import { dirname, resolve } from 'node:path';
import type { TeamKnowledge } from '../../../knowledge/build/builder';
import { loadTeamKnowledge } from '../node/knowledge';
import type { SourceFile } from '../node/lint';
import { readProjectConfig, type ProjectConfig } from '../service/config';
import type { GraphData } from '../service/knowledge/types';

const CONFIG = /(^|[\\/])\.kubelore\.yaml$/;

/**
 * Reads the team's notes: folders named by --knowledge (relative to the current folder), and
 * those of the profile (the --config file, else every .kubelore.yaml read, relative to its
 * folder). Undefined when there are none, so that the built-in knowledge is used as it is.
 */
export async function readTeamKnowledge(
	knowledge: string[],
	config: { path: string; config: ProjectConfig } | undefined,
	sources: SourceFile[],
	base: GraphData,
	onProblem: (path: string, message: string) => void,
): Promise<TeamKnowledge | undefined> {
	const folders = knowledge.map((k) => resolve(k));
	const profiles = config ? [config] : sources.filter((s) => CONFIG.test(s.path)).map((s) => ({ path: s.path, config: readProjectConfig(s.text ?? '').config }));
	for (const { path, config: profile } of profiles) for (const k of profile.knowledgePaths ?? []) folders.push(resolve(dirname(path), k));
	if (folders.length === 0) return undefined;
	const unique = [...new Set(folders)];
	const team = await loadTeamKnowledge(process.cwd(), unique, base);
	for (const problem of team.problems) onProblem(problem.file, `${problem.line}: ${problem.message}`);
	return team;
}
