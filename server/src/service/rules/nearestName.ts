/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one edit each. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
		}
		rows.push(row);
	}
	return rows[a.length][b.length];
}

/**
 * The candidate a name is most likely a typo of, or undefined: one edit for short names, two from ten
 * characters on. Names that differ only in digits (gp2 / gp3, data-0 / data-1) are different things.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
	const allowed = name.length >= 10 ? 2 : 1;
	if (name.length < 3) return undefined;
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		if (candidate === name || Math.abs(candidate.length - name.length) > allowed) continue;
		if (candidate.replace(/\d/g, '') === name.replace(/\d/g, '')) continue;
		const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return bestDistance <= allowed ? best : undefined;
}
