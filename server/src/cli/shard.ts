/* --shard k/n: which files a shard reports, the same on every run and every machine. */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { toPosix } from '../node/files';
import type { Shard } from './args';

/**
 * True when a file belongs to the shard: a hash of its path relative to the folder the command
 * runs in (the root of the checkout in CI), so that neither the order files are found in nor
 * where the checkout lies changes the split.
 */
export function inShard(path: string, cwd: string, shard: Shard): boolean {
	const name = toPosix(relative(cwd, path));
	return createHash('sha1').update(name).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}

/** `shard-2-of-4`: names the shard in SARIF's automationDetails, so that code scanning keeps each shard's results. */
export function shardName(shard: Shard | undefined): string {
	return shard ? `shard-${shard.index}-of-${shard.count}` : '';
}
