/* --jobs: worker threads parse a share of the files, then each checks a share against the whole index. */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { TeamKnowledge } from '../../../knowledge/build/builder';
import { graphWithTeam, loadGraphData } from '../node/knowledge';
import { indexSources, type SourceText } from '../node/lint';
import { WorkspaceIndex } from '../service/workspace/index';
import { Checker, type CheckedFile, type CheckOptions, type LocalFindings } from './check';
import type { ProfileReport } from './formats/profile';
import { PathNames } from './formats/types';
import { parseForRecord, recordOf, type FileRecord } from './records';

/** What every worker is started with. */
export interface WorkerSetup {
	kubeloreWorker: true;
	distDir: string;
	team?: TeamKnowledge;
	options: CheckOptions;
	folders: string[];
	/** The file whose settings the reported cluster profile is for (worker 0 builds the report). */
	profileFor?: string;
	/** Files shown under a name of their own (standard input). */
	named: [uri: string, shown: string][];
}

/** What the workers found: every task's findings, and the cluster profile of the run. */
export interface WorkerResults {
	results: CheckedFile[];
	profile?: ProfileReport;
}

/** A file to check, with its local findings from the cache when it has them. */
export interface CheckTask {
	uri: string;
	earlier?: LocalFindings;
}

type Request = { type: 'parse'; files: Pick<SourceText, 'uri' | 'text' | 'hash'>[] } | { type: 'check'; sources: SourceText[]; records: Record<string, FileRecord>; tasks: CheckTask[]; profile: boolean };

/** True in a thread started by checkInWorkers. */
export function isKubeloreWorker(): boolean {
	return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.kubeloreWorker === true;
}

/** The worker's side: answers one parse request, then one check request. */
export function runWorker(): void {
	const setup = workerData as WorkerSetup;
	parentPort!.on('message', (request: Request) => {
		if (request.type === 'parse') {
			const records = request.files.map((f) => ({ hash: f.hash, record: recordOf(parseForRecord(f.uri, f.text)) }));
			parentPort!.postMessage(records);
			return;
		}
		const index = new WorkspaceIndex();
		indexSources(index, request.sources, (hash) => request.records[hash]);
		index.setFolders(setup.folders.map((f) => URI.file(f).path));
		const checker = new Checker(index, graphWithTeam(loadGraphData(setup.distDir), setup.team), setup.options);
		const results = request.tasks.map((t) => checker.check(t.uri, t.earlier));
		let profile: ProfileReport | undefined;
		if (request.profile && setup.profileFor) {
			const paths = new PathNames(setup.options.cwd);
			for (const [uri, shown] of setup.named) paths.name(uri, shown);
			profile = checker.profile(setup.profileFor, paths);
		}
		parentPort!.postMessage({ results, profile } satisfies WorkerResults);
	});
}

/**
 * Checks files in `jobs` worker threads and returns the results in the order of `tasks`, as one
 * thread would. Files without a known parse are parsed first, a share in each worker; every
 * worker then builds the whole index from the parses (cross-file rules need every file) and
 * checks its share of the tasks.
 */
export async function checkInWorkers(
	jobs: number,
	setup: Omit<WorkerSetup, 'kubeloreWorker'>,
	sources: SourceText[],
	known: (hash: string) => FileRecord | undefined,
	onParsed: (hash: string, record: FileRecord) => void,
	tasks: CheckTask[],
): Promise<WorkerResults> {
	const workers = Array.from({ length: jobs }, () => new Worker(__filename, { workerData: { ...setup, kubeloreWorker: true } satisfies WorkerSetup }));
	try {
		const ask = <T>(worker: Worker, request: Request) =>
			new Promise<T>((resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
				worker.postMessage(request);
			});
		const unknown = sources.filter((s) => !known(s.hash) && !s.path.includes('/templates/'));
		const parsed = await Promise.all(workers.map((w, i) => ask<{ hash: string; record?: FileRecord }[]>(w, { type: 'parse', files: share(unknown, i, jobs).map(({ uri, text, hash }) => ({ uri, text, hash })) })));
		for (const { hash, record } of parsed.flat()) if (record) onParsed(hash, record);
		const records: Record<string, FileRecord> = {};
		for (const s of sources) {
			const record = known(s.hash);
			if (record) records[s.hash] = record;
		}
		// The first worker also reports the profile: the index it built is the run's, no other is made for it.
		const answers = await Promise.all(workers.map((w, i) => ask<WorkerResults>(w, { type: 'check', sources, records, tasks: share(tasks, i, jobs), profile: i === 0 })));
		// Back in the order of the tasks: worker i checked tasks i, i + jobs, i + 2 * jobs...
		return { results: tasks.map((_, k) => answers[k % jobs].results[Math.floor(k / jobs)]), profile: answers[0].profile };
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}

function share<T>(items: T[], worker: number, jobs: number): T[] {
	return items.filter((_, k) => k % jobs === worker);
}
