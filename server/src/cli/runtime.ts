/* Where the command line runs: its streams, its language, and the files installed beside it. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { limitHeapGrowth } from '../heapGrowth';
import type { KnowledgeGraph } from '../service/knowledge/graph';
import type { GraphData, Language } from '../service/knowledge/types';
import { graphWithTeam } from '../node/knowledge';
import { CLI_TEXT, say } from './messages';

/** The process the command runs in (tests run the real process; nothing here is faked). */
export interface Runtime {
	language: Language;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	env: NodeJS.ProcessEnv;
	/** The folder of the bundle (dist/): graph.json is beside it, docs/rules one level up. */
	distDir: string;
}

/** A failure the user can act on: its message is printed as it is, and the exit status is 2. */
export class CliError extends Error {}

/** The knowledge graph built with the package (dist/graph.json). */
export function loadGraph(runtime: Runtime): KnowledgeGraph {
	return graphWithTeam(loadGraphFile(runtime).data, undefined);
}

/**
 * The data of the knowledge graph built with the package, and a hash of its file: the hash keys
 * cached findings (writing the parsed graph out again to hash it would cost a tenth of a second).
 * A CliError when the file is missing.
 */
export function loadGraphFile(runtime: Runtime): { data: GraphData; key: string } {
	const path = join(runtime.distDir, 'graph.json');
	let text: string;
	let data: GraphData;
	try {
		text = readFileSync(path, 'utf8');
		data = JSON.parse(text) as GraphData;
	} catch {
		throw new CliError(say(CLI_TEXT.graphMissing, runtime.language, path));
	}
	return { data, key: createHash('sha1').update(text).digest('base64url') };
}

/** The tool that made a parse or a finding: its version and its bundle (a rebuilt bundle is another tool). */
export function toolKey(runtime: Runtime): string {
	let bundle = '';
	try {
		bundle = String(statSync(join(runtime.distDir, 'cli.js')).size);
	} catch {
		// Run from the sources (tests): the version still keys the cache.
	}
	return `${packageVersion(runtime)}:${bundle}`;
}

/** The folder of the rule pages installed with the package. */
export function docsDir(runtime: Runtime): string {
	return join(runtime.distDir, '..', 'docs', 'rules');
}

interface PackageManifest {
	version?: string;
	homepage?: string;
	repository?: string | { url?: string };
	/** Where the rule pages are published: `<docs>/<rule>.md`. Set once here, in package.json. */
	kubelore?: { docs?: string };
}

function packageManifest(runtime: Runtime): PackageManifest {
	try {
		return JSON.parse(readFileSync(join(runtime.distDir, '..', 'package.json'), 'utf8')) as PackageManifest;
	} catch {
		return {};
	}
}

/** The package's version, from its package.json (one level above dist/). */
export function packageVersion(runtime: Runtime): string {
	return packageManifest(runtime).version ?? '0.0.0';
}

/**
 * The public address of the rule pages, for SARIF's helpUri (a file: URI means nothing on a CI
 * server): package.json `kubelore.docs`, else docs/rules/ on the default branch of `repository`.
 */
export function docsUrl(runtime: Runtime): string | undefined {
	const manifest = packageManifest(runtime);
	if (manifest.kubelore?.docs) return manifest.kubelore.docs.replace(/\/?$/, '/');
	const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
	const github = /github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/.exec(repository ?? '');
	return github ? `https://github.com/${github[1]}/${github[2]}/blob/main/docs/rules/` : undefined;
}

/** Everything standard input holds, as text. */
export async function readAll(stream: NodeJS.ReadStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Terminal width for laying out text: the terminal's, else 80; never wider than 100 for reading. */
export function textWidth(stream: NodeJS.WriteStream): number {
	return Math.min(stream.isTTY && stream.columns ? stream.columns : 80, 100);
}

/**
 * How much the old generation of a lint run may grow past what survived the last full collection.
 * Nearly all of a run's heap is its index, which only grows: a full collection frees little, and
 * the peak is about the last size it reached. At 30% rather than the server's 50%, the peak of
 * 5,000 generated files of 10 KB is some 15 MB lower (3 runs each, 239 MB at 35%, 237 MB at 25%,
 * 254 MB at 50%), for no measurable CPU time.
 */
const CLI_OLD_GROWTH_PERCENT = 30;

/** Set once per process (each call would add a watcher of collections). */
let heapLimited = false;

/**
 * The index of a large repository lives for the whole run, and checking it leaves garbage that
 * lives a little longer than a young collection: with V8's default, the heap may grow to four
 * times what a full collection kept before the next one. The server's limits (heapGrowth.ts: the
 * old generation grows by half at most, the young one stops at 8 MB) lower the peak of memory by
 * a third to a half (5,000 and 10,000 generated files) at about the same time; the young
 * generation's cap saves a tenth more of the peak over 5,000 files.
 */
export function slowHeapGrowth(oldGrowthPercent = CLI_OLD_GROWTH_PERCENT): void {
	if (heapLimited) return;
	heapLimited = true;
	limitHeapGrowth(undefined, oldGrowthPercent);
}

/**
 * How much the old generation may grow between full collections in a run that reads a whole index
 * (`kubelore index`, or a lint run with --index). Nearly everything it makes lives to the end: a
 * full collection frees little, and the peak is the last size either way. At 100% rather than 30%,
 * a shard of 50,000 generated files with --index took 6-15% less CPU time (medians of runs side by
 * side on a busy machine) for 1% more peak RSS.
 */
const INDEX_OLD_GROWTH_PERCENT = 100;

/** The heap of a run that reads a whole index: as slowHeapGrowth's, but the old generation grows faster (see INDEX_OLD_GROWTH_PERCENT). */
export function growHeapForIndex(): void {
	slowHeapGrowth(INDEX_OLD_GROWTH_PERCENT);
}
