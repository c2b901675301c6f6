import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableParallelism } from 'node:os';
import { autoJobs, languageOf, parseArgs, UsageError, type Command } from '../../server/src/cli/args';

const lint = (argv: string[]) => {
	const command = parseArgs(['lint', ...argv]);
	assert.equal(command.name, 'lint');
	return (command as Extract<Command, { name: 'lint' }>).options;
};
const mistake = (argv: string[]) => {
	try {
		parseArgs(argv);
	} catch (error) {
		assert.ok(error instanceof UsageError);
		return error.message;
	}
	assert.fail(`no usage error for ${argv.join(' ')}`);
};

/** The CI options when none is given. */
const DEFAULTS = { shard: undefined, cache: false, cacheLocation: undefined, index: undefined, jobs: 1, knowledge: [] };

describe('the command line arguments', () => {
	it('default to checking the current folder as text, failing on errors', () => {
		assert.deepEqual(lint([]), { ...DEFAULTS, paths: ['.'], format: 'text', failOn: 'error', config: undefined, rules: {}, exclude: [], stdinFilename: undefined, quiet: false });
	});

	it('take values after a space or an equals sign, short names, and repeated or comma-separated rules', () => {
		const options = lint(['k8s', '-f', 'sarif', '--fail-on=warning', '-c', 'profile.yaml', '--rule', 'service-port-name-required=off', '--rule=service-without-selector=warning,service-target-port-unknown:info', '-q', '--exclude', '**/charts/**', '-', 'more']);
		assert.deepEqual(options, {
			paths: ['k8s', '-', 'more'],
			format: 'sarif',
			failOn: 'warning',
			config: 'profile.yaml',
			rules: { 'service-port-name-required': 'off', 'service-without-selector': 'warning', 'service-target-port-unknown': 'info' },
			exclude: ['**/charts/**'],
			stdinFilename: undefined,
			quiet: true,
			...DEFAULTS,
		});
	});

	it('--jobs auto: one thread per core, at most 8, and one thread below 4 cores (each thread builds the whole index)', () => {
		assert.deepEqual([1, 2, 3, 4, 6, 8, 16].map(autoJobs), [1, 1, 1, 4, 6, 8, 8]);
	});

	it('read the CI options: shard, cache, index, jobs and knowledge folders', () => {
		const options = lint(['--shard', '2/4', '--cache-location', 'tmp/', '--index', 'kubelore.index', '-j', '3', '--knowledge', 'notes', '--knowledge=more']);
		assert.deepEqual(options.shard, { index: 2, count: 4 });
		assert.equal(options.cache, true, '--cache-location implies --cache');
		assert.equal(options.cacheLocation, 'tmp/');
		assert.equal(options.index, 'kubelore.index');
		assert.equal(options.jobs, 3);
		assert.deepEqual(options.knowledge, ['notes', 'more']);
		assert.equal(lint(['--jobs', 'auto']).jobs, autoJobs(availableParallelism()));
		for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) assert.match(mistake(['lint', '--shard', bad]), /--shard wants <k>\/<n>/, bad);
		for (const bad of ['0', '1.5', 'many', '65']) assert.match(mistake(['lint', '--jobs', bad]), /--jobs wants a whole number/, bad);
	});

	it('read `kubelore index`: --out is required, standard input is not indexed', () => {
		const command = parseArgs(['index', 'k8s', '--out', 'kubelore.index', '--exclude', '**/x/**']);
		assert.equal(command.name, 'index');
		const index = command as Extract<Command, { name: 'index' }>;
		assert.equal(index.out, 'kubelore.index');
		assert.deepEqual(index.options.paths, ['k8s']);
		assert.deepEqual(index.options.exclude, ['**/x/**']);
		assert.match(mistake(['index', 'k8s']), /index needs --out/);
		assert.match(mistake(['index', '-', '--out', 'x']), /not standard input/);
		assert.match(mistake(['index', '--shard', '1/2', '--out', 'x']), /unknown option --shard/);
	});

	it('treat everything after -- as paths', () => {
		assert.deepEqual(lint(['--', '--odd-name.yaml', '-q']).paths, ['--odd-name.yaml', '-q']);
	});

	it('name the mistake: unknown commands, options and rules, missing and wrong values', () => {
		assert.match(mistake(['deploy']), /unknown command "deploy"/);
		assert.match(mistake(['lint', '--colour']), /unknown option --colour/);
		assert.match(mistake(['lint', '--format']), /--format needs a value/);
		assert.match(mistake(['lint', '--format', 'yaml']), /--format must be one of text\|json\|sarif, not "yaml"/);
		assert.match(mistake(['lint', '--quiet=yes']), /--quiet takes no value/);
		assert.match(mistake(['lint', '--rule', 'nope=off']), /unknown rule "nope"/);
		assert.match(mistake(['lint', '--rule', 'service-port-name-required=loud']), /--rule must be one of error\|warning\|info\|hint\|off, not "loud"/);
		assert.match(mistake(['lint', '-', '-']), /standard input/);
		assert.match(mistake(['search']), /search needs a query/);
		assert.match(mistake(['search', 'x', '--limit', '0']), /--limit/);
		assert.match(mistake(['explain']), /explain needs an entry id/);
	});

	it('read help and version anywhere, and search and explain arguments', () => {
		assert.deepEqual(parseArgs(['--help']), { name: 'help', topic: 'general' });
		assert.deepEqual(parseArgs(['help', 'search']), { name: 'help', topic: 'search' });
		assert.deepEqual(parseArgs(['lint', 'x', '-h']), { name: 'help', topic: 'lint' });
		assert.deepEqual(parseArgs(['-v']), { name: 'version' });
		assert.deepEqual(parseArgs(['search', 'network', 'policy', '--json', '--limit', '5']), { name: 'search', query: 'network policy', json: true, limit: 5 });
		assert.deepEqual(parseArgs(['explain', 'kube-ovn']), { name: 'explain', entry: 'kube-ovn', json: false });
	});

	it('choose the language from --language, else from the locale', () => {
		assert.equal(languageOf(['lint', '--language', 'zh'], { LANG: 'en_US.UTF-8' }), 'zh');
		assert.equal(languageOf(['lint', '--language=en'], { LANG: 'zh_CN.UTF-8' }), 'en');
		assert.equal(languageOf(['lint'], { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
		assert.equal(languageOf(['lint'], { LANG: 'C.UTF-8' }), 'en');
	});
});
