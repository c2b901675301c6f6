/* KubeLore opening a file in a workspace of generated files: time to index, peak RSS, hovers while indexing. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { manifest, workspace } from './generate';
import { BenchClient, type ServerSpec } from './lsp';
import { serverEnvironment } from '../client/src/serverEnvironment';

export interface WorkspaceResult {
	files: number;
	/** Bytes on disk. */
	size: number;
	/** initialized to the index's completion log, ms. */
	index: number;
	/** CPU time of the server's main thread over the same span, ms (undefined where /proc is not there): steadier than `index` on a busy machine. */
	cpu?: number;
	/** Peak RSS (kB) of the server. */
	rss: number;
	hoverDuring: number[];
}

/** The generated workspace of `files` files in `out` (made once, reused by later runs and by bench/cli.ts). */
export function generatedWorkspace(out: string, files: number): string {
	const folder = join(out, `workspace-${files}`);
	if (!existsSync(join(folder, '.done'))) {
		rmSync(folder, { recursive: true, force: true });
		workspace(folder, files);
		writeFileSync(join(folder, '.done'), '');
	}
	return folder;
}

export async function measureWorkspace(spec: ServerSpec, folder: string, out: string): Promise<WorkspaceResult> {
	const client = new BenchClient(spec);
	const small = join(out, 'small.yaml');
	writeFileSync(small, manifest(200));
	await client.initialize(pathToFileURL(folder).toString());
	const start = performance.now();
	const cpuStart = mainThreadCpu(client.child.pid);
	const uri = pathToFileURL(small).toString();
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(small, 'utf8') } });
	const done = client.nextLog(/KubeLore indexed (\d+) files/);
	const hoverDuring: number[] = [];
	let finished = false;
	let cpuEnd: number | undefined;
	void done.then(() => {
		finished = true;
		cpuEnd = mainThreadCpu(client.child.pid);
	});
	while (!finished && hoverDuring.length < 50) {
		const t = performance.now();
		await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } });
		hoverDuring.push(performance.now() - t);
		await new Promise((r) => setTimeout(r, 50));
	}
	const line = await done;
	const index = performance.now() - start;
	const rss = client.sampleRss();
	await client.stop();
	const size = Number(execFileSync('du', ['-sb', folder]).toString().split('\t')[0]);
	const cpu = cpuStart !== undefined && cpuEnd !== undefined ? cpuEnd - cpuStart : undefined;
	return { index, cpu, rss, hoverDuring, size, files: Number(/indexed (\d+)/.exec(line)?.[1] ?? 0) };
}

/** CPU time (ms) the main thread of a process has run, from /proc/<pid>/schedstat (Linux), or undefined. */
function mainThreadCpu(pid: number | undefined): number | undefined {
	try {
		return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return undefined;
	}
}

/**
 * Back-to-back comparison of two builds on the same workspace, alternating:
 * `node --import tsx bench/workspace.ts --files N --runs K OLD_DIST NEW_DIST` prints the medians
 * of indexing time and peak RSS of each, and their ratios old/new.
 */
async function compare(): Promise<void> {
	const argv = process.argv.slice(2);
	const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
	const dists = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
	const files = option('--files', 5000);
	const runs = option('--runs', 3);
	const out = join(__dirname, 'out');
	const folder = generatedWorkspace(out, files);
	const results = dists.map(() => [] as WorkspaceResult[]);
	for (let run = 0; run < runs; run++) {
		for (const [k, dist] of dists.entries()) {
			const spec: ServerSpec = { name: dist, command: process.execPath, args: [join(dist, 'server.js'), '--stdio'], env: serverEnvironment(), configuration: { kubelore: {} } };
			const result = await measureWorkspace(spec, folder, out);
			results[k].push(result);
			const hovers = [...result.hoverDuring].sort((a, b) => a - b);
			console.log(`${dist}: ${result.files} files indexed in ${Math.round(result.index)} ms (main thread CPU ${result.cpu === undefined ? '?' : Math.round(result.cpu)} ms), peak RSS ${Math.round(result.rss / 1024)} MB, ${hovers.length} hovers p50 ${hovers[hovers.length >> 1]?.toFixed(1)} ms max ${hovers.at(-1)?.toFixed(1)} ms`);
		}
	}
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const medians = results.map((r) => ({ index: median(r.map((x) => x.index)), cpu: median(r.map((x) => x.cpu ?? NaN)), rss: median(r.map((x) => x.rss)), hover: median(r.map((x) => [...x.hoverDuring].sort((a, b) => a - b)[x.hoverDuring.length >> 1] ?? NaN)) }));
	for (const [k, dist] of dists.entries()) console.log(`${dist}: median ${Math.round(medians[k].index)} ms, main thread CPU ${Math.round(medians[k].cpu)} ms, ${Math.round(medians[k].rss / 1024)} MB, hover p50 ${medians[k].hover.toFixed(1)} ms`);
	if (medians.length === 2) console.log(`old/new: time ${(medians[0].index / medians[1].index).toFixed(2)}, main thread CPU ${(medians[0].cpu / medians[1].cpu).toFixed(2)}, peak RSS ${(medians[0].rss / medians[1].rss).toFixed(2)}, hover p50 ${(medians[0].hover / medians[1].hover).toFixed(2)}`);
}

if (require.main === module) void compare();
