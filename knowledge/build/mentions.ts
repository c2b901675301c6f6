/** Finds mentions of entities in text by their aliases, in both languages. */
export class MentionMatcher {
	/** Aliases matched whatever their case ("calico", "Calico"). */
	private readonly loose: RegExp | undefined;
	/** Short aliases with capitals match only as written: "ASK" is not "ask", "Job" is not "job". */
	private readonly exact: RegExp | undefined;
	private readonly owner = new Map<string, string>();

	constructor(aliases: Iterable<[alias: string, id: string]>) {
		const loose: string[] = [];
		const exact: string[] = [];
		for (const [alias, id] of aliases) {
			if (!usable(alias)) continue;
			const caseSensitive = /[A-Z]/.test(alias) && alias.length <= 5;
			const key = caseSensitive ? alias : alias.toLowerCase();
			if (this.owner.has(key)) continue;
			this.owner.set(key, id);
			(caseSensitive ? exact : loose).push(alias);
		}
		this.loose = pattern(loose, 'giu');
		this.exact = pattern(exact, 'gu');
	}

	/** Ids mentioned in the text, each once, in order of first mention. */
	find(text: string): string[] {
		const found = new Set<string>();
		for (const match of this.exact ? text.matchAll(this.exact) : []) {
			const id = this.owner.get(match[0]);
			if (id) found.add(id);
		}
		for (const match of this.loose ? text.matchAll(this.loose) : []) {
			const id = this.owner.get(match[0].toLowerCase());
			if (id) found.add(id);
		}
		return [...found];
	}
}

function pattern(aliases: string[], flags: string): RegExp | undefined {
	if (aliases.length === 0) return undefined;
	const alternatives = [...aliases]
		.sort((a, b) => b.length - a.length)
		.map((alias) => {
			const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			// Latin aliases match as whole words; CJK text has no spaces, so those match anywhere.
			return /^[\x20-\x7e]/.test(alias) ? `(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_])` : escaped;
		});
	return new RegExp(alternatives.join('|'), flags);
}

/** Aliases too short or too generic to find in prose are skipped. */
function usable(alias: string): boolean {
	if (/^[\x20-\x7e]+$/.test(alias)) return alias.length >= 3;
	return alias.length >= 2;
}
