/** Finds mentions of entities in text by their aliases, in both languages. */
export class MentionMatcher {
	private readonly pattern: RegExp | undefined;
	private readonly owner = new Map<string, string>();

	constructor(aliases: Iterable<[alias: string, id: string]>) {
		const parts: string[] = [];
		for (const [alias, id] of aliases) {
			const key = alias.toLowerCase();
			if (!usable(alias) || this.owner.has(key)) continue;
			this.owner.set(key, id);
			parts.push(alias);
		}
		parts.sort((a, b) => b.length - a.length);
		if (parts.length === 0) return;
		const alternatives = parts.map((alias) => {
			const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			// Latin aliases match as whole words; CJK text has no spaces, so those match anywhere.
			return /^[\x20-\x7e]/.test(alias) ? `(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_])` : escaped;
		});
		this.pattern = new RegExp(alternatives.join('|'), 'giu');
	}

	/** Ids mentioned in the text, each once, in order of first mention. */
	find(text: string): string[] {
		if (!this.pattern) return [];
		const found = new Set<string>();
		for (const match of text.matchAll(this.pattern)) {
			const id = this.owner.get(match[0].toLowerCase());
			if (id) found.add(id);
		}
		return [...found];
	}
}

/** Aliases too short or too generic to find in prose are skipped. */
function usable(alias: string): boolean {
	if (/^[\x20-\x7e]+$/.test(alias)) return alias.length >= 3;
	return alias.length >= 2;
}
