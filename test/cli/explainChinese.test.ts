import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realGraph } from '../util/service';
import { runCli } from './run';

/** The fact lines of `explain` output: label and value, continuation lines joined to their fact. */
function factLines(out: string): { label: string; value: string }[] {
	const lines = out.split('\n');
	const start = lines.indexOf('要点');
	assert.ok(start >= 0, 'the entry has a facts section');
	const facts: { label: string; value: string }[] = [];
	for (const line of lines.slice(start + 2)) {
		if (line.trim() === '') break;
		const [, label, value] = /^ {2}(\S(?:.*?\S)?) {2,}(.*)$/.exec(line) ?? [];
		if (label !== undefined && !line.startsWith('   ')) facts.push({ label, value });
		else if (facts.length) facts[facts.length - 1].value += ` ${line.trim()}`;
	}
	return facts;
}

describe('kubelore explain --language zh', () => {
	for (const id of ['calico', 'csi', 'ack-serverless']) {
		it(`shows every fact of ${id} with a Chinese name and no English phrase as its value`, async () => {
			const run = await runCli(['explain', id, '--language', 'zh']);
			assert.equal(run.code, 0);
			const facts = factLines(run.stdout);
			assert.equal(facts.length, Object.keys(realGraph().get(id)!.facts).length, 'one line per fact');
			for (const { label, value } of facts) {
				assert.match(label, /[\u4e00-\u9fff]|^[A-Za-z]+$/, `label "${label}" reads as Chinese`);
				assert.doesNotMatch(value, /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/, `value of ${label} is not an English phrase: ${value}`);
			}
		});
	}
});
