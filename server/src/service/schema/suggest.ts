/** The candidate nearest to a misspelt word: same letters in another case, else the fewest edits (at most a third of its length). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
	const lower = word.toLowerCase();
	const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
	if (sameLetters) return sameLetters;
	let best: string | undefined;
	let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
		const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it. */
function editDistance(a: string, b: string, limit: number): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			rowMin = Math.min(rowMin, current[j]);
		}
		if (rowMin >= limit) return limit;
		previous = current;
	}
	return previous[b.length];
}
