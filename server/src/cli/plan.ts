/* Which files of a lint run have to be checked, and which the cache answers for. */
import type { SourceFile } from '../node/lint';
import type { CacheFile, CachedFile } from './cache';
import type { CheckTask } from './workers';

/** The run key, the files reported (in order), the findings the cache has for them, and what is left to check. */
export interface RunPlan {
	run: string;
	reported: SourceFile[];
	checked: Map<string, CachedFile>;
	tasks: CheckTask[];
}

/** Splits the reported files into those whose findings the cache holds for this run key and those to check. */
export function planRun(cache: CacheFile, run: string, reported: SourceFile[]): RunPlan {
	const checked = new Map<string, CachedFile>();
	const tasks: CheckTask[] = [];
	for (const source of reported) {
		const hit = cache.findings(run, source.uri, source.hash);
		if (hit) checked.set(source.uri, hit);
		else tasks.push({ uri: source.uri, earlier: cache.localFindings(source.uri, source.hash) });
	}
	return { run, reported, checked, tasks };
}

/** True when the cache knows every file by the stamp it has now (else it is written again, with the new stamps). */
export function sameStamps(cache: CacheFile, files: SourceFile[]): boolean {
	return files.every((f) => !f.stamp || cache.hashByStamp(f.uri, f.stamp) === f.hash);
}
