/* The files under a folder as a lint run reads them: every text read, and the folders given. */
import { join } from 'node:path';
import { expandInputs } from '../../server/src/cli/inputs';
import { readRest, readSources, type SourceText } from '../../server/src/node/lint';

export async function sourcesOf(root: string): Promise<{ sources: SourceText[]; roots: string[] }> {
	const roots = new Set<string>();
	const files = await readSources(
		expandInputs([root], { exclude: [], stdinPath: join(root, '<stdin>'), readStdin: () => Promise.resolve(''), findConfig: true }, roots, () => undefined),
		() => undefined,
	);
	return { sources: readRest(files, () => undefined), roots: [...roots] };
}
