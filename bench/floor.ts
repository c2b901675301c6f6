/*
 * The floor: how long the bare parse of an input takes, with js-yaml reading all its values and
 * with the `yaml` parser keeping ranges (parseAllDocuments), on the Node the servers run on. Cold is
 * the first parse in a fresh process, warm the median of later runs in the same process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from './lsp';

export interface Floor {
	jsYaml: { cold: number; warm: number };
	yaml: { cold: number; warm: number };
}

const CHILD = join(__dirname, 'floorChild.mjs');

function once(node: string, file: string, parser: 'js-yaml' | 'yaml', runs: number): { cold: number; warm: number } {
	return JSON.parse(execFileSync(node, [CHILD, file, parser, String(runs)], { cwd: join(__dirname, '..') }).toString()) as { cold: number; warm: number };
}

/** Medians over `processes` fresh processes per parser, the parsers interleaved. */
export function measureFloor(node: string, file: string, processes = 3, runs = 10): Floor {
	const samples = { 'js-yaml': [] as { cold: number; warm: number }[], yaml: [] as { cold: number; warm: number }[] };
	for (let i = 0; i < processes; i++) {
		for (const parser of ['js-yaml', 'yaml'] as const) samples[parser].push(once(node, file, parser, runs));
	}
	const median = (list: { cold: number; warm: number }[]) => ({ cold: percentile(list.map((s) => s.cold), 50), warm: percentile(list.map((s) => s.warm), 50) });
	return { jsYaml: median(samples['js-yaml']), yaml: median(samples.yaml) };
}
