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

/**
 * The texts of the run and the parses, in memory every worker reads: a message is copied for each
 * worker, on the main thread, one worker after the other. Tens of megabytes of texts and parses
 * copied so took longer than the checking they were for.
 */
interface Shared {
	/** The texts of the files in UTF-8, one after the other. */
	bytes: SharedArrayBuffer;
	/** Each file but its text, and where its text is in `bytes`. */
	files: (Omit<SourceText, 'text'> & { at: number; length: number })[];
	/** The parses (not in the requests to parse), see packRecords. */
	records?: PackedRecords;
}

/**
 * Parses by hash as a worker is handed them: JSON in UTF-8 in shared memory, or, when their JSON
 * would be longer than a string can be (some 500 million characters: a few hundred thousand
 * files), the parses themselves, copied for each worker.
 */
export type PackedRecords = { json: SharedArrayBuffer } | { cloned: Record<string, FileRecord> };

/** The parses as workers are handed them (see PackedRecords); `stringify` is JSON.stringify but in tests. */
export function packRecords(records: Record<string, FileRecord>, stringify: (value: unknown) => string = JSON.stringify): PackedRecords {
	let json: string;
	try {
		json = stringify(records);
	} catch (error) {
		if (error instanceof RangeError) return { cloned: records };
		throw error;
	}
	return { json: sharedBytes(json) };
}

/** The parses a worker was handed. */
export function unpackRecords(packed: PackedRecords | undefined): Record<string, FileRecord> {
	if (!packed) return {};
	return 'json' in packed ? (JSON.parse(Buffer.from(packed.json).toString('utf8')) as Record<string, FileRecord>) : packed.cloned;
}

/** What a worker is asked: files (by their place in Shared.files) to parse, or its share of the checks. */
type Request = { type: 'parse'; files: number[]; shared: Shared } | { type: 'check'; shared: Shared; tasks: CheckTask[]; profile: boolean };

/** True in a thread started by checkInWorkers. */
export function isKubeloreWorker(): boolean {
	return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.kubeloreWorker === true;
}

/** The worker's side: answers one parse request, then one check request. */
export function runWorker(): void {
	const setup = workerData as WorkerSetup;
	parentPort!.on('message', (request: Request) => {
		const { bytes, files, records: parses } = request.shared;
		const textAt = (at: number, length: number) => Buffer.from(bytes, at, length).toString('utf8');
		if (request.type === 'parse') {
			const records = request.files.map((i) => ({ hash: files[i].hash, record: recordOf(parseForRecord(files[i].uri, textAt(files[i].at, files[i].length))) }));
			parentPort!.postMessage(records);
			return;
		}
		const index = new WorkspaceIndex();
		const records = unpackRecords(parses);
		const sources = files.map(({ at, length, ...file }): SourceText => ({ ...file, text: textAt(at, length) }));
		indexSources(index, sources, (hash) => records[hash]);
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
		const texts = sharedTexts(sources);
		// Each known parse asked for once: one from an index file is read from it again at every ask.
		const records: Record<string, FileRecord> = {};
		const unknown: number[] = [];
		sources.forEach((s, i) => {
			const record = records[s.hash] ?? known(s.hash);
			if (record) records[s.hash] = record;
			else if (!s.path.includes('/templates/')) unknown.push(i);
		});
		const parsed = await Promise.all(workers.map((w, i) => ask<{ hash: string; record?: FileRecord }[]>(w, { type: 'parse', files: share(unknown, i, jobs), shared: texts })));
		for (const { hash, record } of parsed.flat()) {
			if (!record) continue;
			onParsed(hash, record);
			records[hash] = record;
		}
		// Plain data either way: parses read from a cache or index file, or made by recordOf (no `.inf` or `.nan`), whose resources have their values read.
		const shared: Shared = { ...texts, records: packRecords(records) };
		// The first worker also reports the profile: the index it built is the run's, no other is made for it.
		const answers = await Promise.all(workers.map((w, i) => ask<WorkerResults>(w, { type: 'check', shared, tasks: share(tasks, i, jobs), profile: i === 0 })));
		// Back in the order of the tasks: worker i checked tasks i, i + jobs, i + 2 * jobs...
		return { results: tasks.map((_, k) => answers[k % jobs].results[Math.floor(k / jobs)]), profile: answers[0].profile };
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}

/** The texts of the files in shared memory. */
function sharedTexts(sources: SourceText[]): Shared {
	let total = 0;
	for (const s of sources) total += Buffer.byteLength(s.text);
	const bytes = new SharedArrayBuffer(total);
	const view = Buffer.from(bytes);
	let at = 0;
	const files = sources.map(({ text, ...file }) => {
		const length = view.write(text, at);
		const placed = { ...file, at, length };
		at += length;
		return placed;
	});
	return { bytes, files };
}

/** A text in UTF-8 in shared memory. */
function sharedBytes(text: string): SharedArrayBuffer {
	const bytes = new SharedArrayBuffer(Buffer.byteLength(text));
	Buffer.from(bytes).write(text);
	return bytes;
}

function share<T>(items: T[], worker: number, jobs: number): T[] {
	return items.filter((_, k) => k % jobs === worker);
}
