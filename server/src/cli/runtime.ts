/* Where the command line runs: its streams, its language, and the files installed beside it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeGraph } from '../service/knowledge/graph';
import type { Language } from '../service/knowledge/types';
import { graphWithTeam, loadGraphData } from '../node/knowledge';
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
	const path = join(runtime.distDir, 'graph.json');
	try {
		return graphWithTeam(loadGraphData(runtime.distDir), undefined);
	} catch {
		throw new CliError(say(CLI_TEXT.graphMissing, runtime.language, path));
	}
}

/** The folder of the rule pages installed with the package. */
export function docsDir(runtime: Runtime): string {
	return join(runtime.distDir, '..', 'docs', 'rules');
}

/** The package's version, from its package.json (one level above dist/). */
export function packageVersion(runtime: Runtime): string {
	try {
		const manifest = JSON.parse(readFileSync(join(runtime.distDir, '..', 'package.json'), 'utf8')) as { version?: string };
		return manifest.version ?? '0.0.0';
	} catch {
		return '0.0.0';
	}
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
