// Preloaded into a `kubelore` run by the memory checks: writes the peak resident memory (KiB) at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
	const file = process.env.KUBELORE_TEST_RSS_FILE;
	if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
