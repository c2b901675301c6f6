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

/** The lines a reader reads as prose: after the title and alias line, before the documentation links and sources. */
function readLines(out: string): string[] {
	const lines = out.split('\n');
	const end = lines.findIndex((l) => l === '文档' || l === '来源');
	return lines.slice(3, end < 0 ? undefined : end);
}

/** Three lower-case English words in a row, outside code spans and quoted messages: a sentence left in English. */
const ENGLISH_RUN = /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/;

/** One or more entries of every category, with record facts (kops, etcd, deployment) and long phrase values. */
const SAMPLE = ['calico', 'csi', 'ack-serverless', 'persistent-volume-claim', 'containerd', 'pod-security-admission', 'etcd', 'kops', 'fargate', 'deployment'];

describe('kubelore explain --language zh', () => {
	it('samples every category', () => {
		const categories = new Set(SAMPLE.map((id) => realGraph().get(id)!.category));
		assert.equal(categories.size, 8);
	});

	for (const id of SAMPLE) {
		it(`shows every fact of ${id} with a Chinese name and no English phrase as its value`, async () => {
			const run = await runCli(['explain', id, '--language', 'zh']);
			assert.equal(run.code, 0);
			const facts = factLines(run.stdout);
			assert.equal(facts.length, Object.keys(realGraph().get(id)!.facts).length, 'one line per fact');
			for (const { label, value } of facts) {
				assert.match(label, /[\u4e00-\u9fff]|^[A-Za-z]+$/, `label "${label}" reads as Chinese`);
				assert.doesNotMatch(value, ENGLISH_RUN, `value of ${label} is not an English phrase: ${value}`);
				assert.doesNotMatch(value, /\{"|"\w+":/, `value of ${label} is not JSON: ${value}`);
			}
			for (const line of readLines(run.stdout)) {
				assert.doesNotMatch(line.replace(/`[^`]*`/g, '').replace(/"[^"]*"|“[^”]*”/g, ''), ENGLISH_RUN, `no English sentence in ${id}: ${line}`);
			}
		});
	}
});
