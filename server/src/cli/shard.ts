/* --shard k/n: which files a shard reports, the same on every run and every machine. */
import { relativeName, toPosix } from '../node/files';
import type { Shard } from './args';
import { sha1 } from './records';

/**
 * True when a file belongs to the shard: a hash of its path relative to the folder the command
 * runs in (the root of the checkout in CI), so that neither the order files are found in nor
 * where the checkout lies changes the split.
 */
export function inShard(path: string, cwd: string, shard: Shard): boolean {
	const name = toPosix(relativeName(cwd, path));
	// The first four bytes of the digest, big-endian: eight hex digits.
	return parseInt(sha1(name, 'hex').slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** `shard-2-of-4`: names the shard in SARIF's automationDetails, so that code scanning keeps each shard's results. */
export function shardName(shard: Shard | undefined): string {
	return shard ? `shard-${shard.index}-of-${shard.count}` : '';
}
