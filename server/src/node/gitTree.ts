/*
 * What git vouches for in a checkout: the files that are tracked and unchanged in the worktree, by
 * their blob IDs. An index (`kubelore index`) records which blob of a path it read as which text;
 * a shard of the same commit then knows the text of another shard's file without reading it.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, sep } from 'node:path';
import { relativeName } from './files';

/** Tracked files as the worktree holds them. */
export interface CleanFiles {
	/** The folder asked about, as the caller names it (through symbolic links, perhaps). */
	folder: string;
	/** Where that folder is in the checkout: its path from the top, with a slash at the end, or empty at the top. */
	prefix: string;
	/** Blob ID by path from the top of the checkout (forward slashes), for each tracked regular file that git finds unchanged. */
	blobs: Map<string, string>;
}

/** Output of git commands of a tree of a few hundred thousand files fits (some 100 bytes a file). */
const MAX_OUTPUT = 1 << 30;

function git(cwd: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		// Read-only: git may otherwise take the index's lock to refresh it.
		execFile('git', args, { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
	});
}

/**
 * The tracked files of the checkout around `folder` that the worktree holds as committed: regular
 * files at stage 0, neither marked assume-unchanged nor skip-worktree (git does not look at those),
 * and not listed by `git diff-files` (which compares the worktree with the index by stat, and
 * by content where the stat cannot tell). Undefined when git or the checkout is not there, or git fails.
 */
export async function cleanFiles(folder: string): Promise<CleanFiles | undefined> {
	try {
		const [top, prefix] = (await git(folder, ['rev-parse', '--show-toplevel', '--show-prefix'])).split('\n');
		if (!top) return undefined;
		const [listed, changed] = await Promise.all([git(top, ['ls-files', '--stage', '-v', '-z']), git(top, ['diff-files', '--name-only', '-z'])]);
		const dirty = new Set(changed.split('\0'));
		const blobs = new Map<string, string>();
		// Each entry: `<tag> <mode> <blob> <stage>\t<path>`; the tag H is a tracked file git looks at.
		// Read in place (a list of tens of thousands, split into parts, costs more than git took to write it).
		for (let at = 0; at < listed.length; ) {
			const nul = listed.indexOf('\0', at);
			const end = nul < 0 ? listed.length : nul;
			const tab = listed.indexOf('\t', at);
			// `H <mode> <blob> 0\t`: a regular file's mode, a blob ID, stage 0.
			const blobStart = at + 9;
			const stage = tab - 2;
			if (tab > 0 && tab < end && listed.startsWith('H 100', at) && (listed.startsWith('644 ', at + 5) || listed.startsWith('755 ', at + 5)) && stage > blobStart && listed.startsWith(' 0', stage)) {
				const path = listed.slice(tab + 1, end);
				if (!dirty.has(path)) blobs.set(path, listed.slice(blobStart, stage));
			}
			at = end + 1;
		}
		return { folder, prefix: prefix ?? '', blobs };
	} catch {
		return undefined;
	}
}

/** The path git names a file by (from the top of the checkout, forward slashes); undefined outside the folder asked about. */
export function gitPath(clean: CleanFiles, path: string): string | undefined {
	const name = relativeName(clean.folder, path);
	if (!name || name.startsWith('..') || isAbsolute(name)) return undefined;
	return clean.prefix + (sep === '/' ? name : name.split(sep).join('/'));
}
