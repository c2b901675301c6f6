import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../util/service';

interface Rule {
	begin?: string;
	end?: string;
	match?: string;
	patterns?: Rule[];
}
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'rego.injection.tmLanguage.json'), 'utf8')) as { scopeName: string; repository: Record<string, Rule> };
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };

/** The lines a `rego: |` region covers, as the editor's begin/end rule would: from after the key to before the end line. */
function regoRegions(text: string): string[][] {
	const lines = text.split('\n');
	const begin = new RegExp(grammar.repository['rego-block'].begin!);
	const regions: string[][] = [];
	for (let i = 0; i < lines.length; i++) {
		const opened = begin.exec(lines[i]);
		if (!opened) continue;
		// TextMate fills the end rule's \1 with the begin rule's first capture.
		const end = new RegExp(grammar.repository['rego-block'].end!.replace('\\1', opened[1].replace(/[\t ]/g, (c) => (c === '\t' ? '\\t' : ' '))));
		let j = i + 1;
		while (j < lines.length && !end.test(lines[j])) j++;
		regions.push(lines.slice(i + 1, j));
		i = j - 1;
	}
	return regions;
}

describe('the Rego injection grammar', () => {
	it('is registered for YAML in package.json, and every pattern compiles', () => {
		const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
		assert.deepEqual(entry && { path: entry.path, injectTo: entry.injectTo }, { path: './syntaxes/rego.injection.tmLanguage.json', injectTo: ['source.yaml'] });
		for (const [name, rule] of Object.entries(grammar.repository)) {
			for (const source of [rule.begin, rule.match, ...(rule.patterns ?? []).map((p) => p.match)]) if (source) assert.doesNotThrow(() => new RegExp(source), name);
		}
	});

	it('colours exactly the block under `rego: |`, blank lines included, up to the next key', () => {
		const template = readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'gatekeeper', 'templates.yaml'), 'utf8');
		const regions = regoRegions(template);
		assert.equal(regions.length, 3, 'two target rego blocks and one inside a code entry');
		assert.match(regions[0][0], /^\s+package k8sallowedrepos$/);
		assert.ok(regions[0].includes(''), 'a blank line inside the program stays in the block');
		assert.match(regions[0][regions[0].length - 1], /^\s+}$/);
		assert.match(regions[1][0], /^\s+package k8scontainerlimits$/);
		assert.ok(!regions.flat().some((l) => /^\s*(- target|apiVersion|kind|---)/.test(l)), 'no YAML key is swallowed');
	});

	it('knows Rego words, strings, calls and comments', () => {
		const find = (name: string) => grammar.repository[name];
		assert.match('violation[{"msg": msg}] { not any(allowed) }', new RegExp(find('keyword').match!));
		assert.match('startswith(container.image, prefix)', new RegExp(find('call').match!));
		assert.ok(new RegExp(find('comment').match!).test('# why this rule exists'));
		assert.ok(!new RegExp(find('keyword').match!).test('notice := input.x'), 'a word that starts like a keyword is not one');
	});
});
