/** Reads the coverage list (knowledge/IDS.md): `- category: id, id, ...` lines. */
export function readCoverage(text: string): Map<string, string[]> {
	const coverage = new Map<string, string[]>();
	for (const line of text.split('\n')) {
		const match = /^- ([a-z-]+): (.+)$/.exec(line.trim());
		if (match) coverage.set(match[1], match[2].split(',').map((s) => s.trim()).filter(Boolean));
	}
	return coverage;
}
