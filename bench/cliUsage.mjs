// Preloaded into the `kubelore` runs of bench/cli.ts: writes CPU time (ms, user + system, all threads) and peak RSS (KiB) at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
	const file = process.env.KUBELORE_BENCH_USAGE;
	if (!file) return;
	const usage = process.resourceUsage();
	writeFileSync(file, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS }));
});
