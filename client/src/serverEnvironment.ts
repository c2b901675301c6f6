/*
 * The environment the language server is started with, beside the editor's own. glibc's allocator
 * gives each thread that allocates an arena of its own and keeps what it grew to: V8's background
 * compiler threads hold some 20 MB that way in a server of one large file. Two arenas kept the peak of
 * the server over the cross-10000 benchmark some 7 MB lower (117 -> 110 MB, medians of 6 fresh
 * servers per arm, alternating), with the open to diagnostics not slower. Other C libraries
 * ignore the variable; a value the user set is kept.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
	return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' };
}
