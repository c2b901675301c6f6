/* Preloaded into a server under measurement (node --expose-gc -r): on SIGUSR2, collect garbage and report the heap on stderr. */
/* global process, global */
process.on('SIGUSR2', () => {
	global.gc();
	global.gc();
	process.stderr.write(`heap-used ${process.memoryUsage().heapUsed}\n`);
});
