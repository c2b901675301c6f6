/* The command line: `kubelore lint | search | explain`, over the same language service as the editor. */
import { languageOf, parseArgs, UsageError, type Command } from './cli/args';
import { helpText } from './cli/help';
import { runExplain, runSearch } from './cli/knowledge';
import { runIndex } from './cli/indexCommand';
import { runLint } from './cli/lint';
import { CLI_TEXT, say } from './cli/messages';
import { CliError, packageVersion, type Runtime } from './cli/runtime';
import { isKubeloreWorker, runWorker } from './cli/workers';

/** Runs one command line and returns its exit status. */
export async function main(argv: string[], runtime: Runtime): Promise<number> {
	const { language, stdout, stderr } = runtime;
	if (argv.length === 0) {
		stderr.write(helpText('general', language));
		return 2;
	}
	let command: Command;
	try {
		command = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		const topic = error.topic === 'general' ? '' : `${error.topic} `;
		stderr.write(`kubelore: ${say(error.text, language, ...error.args)}\n${say(CLI_TEXT.seeHelp, language, topic)}\n`);
		return 2;
	}
	try {
		switch (command.name) {
			case 'help':
				stdout.write(helpText(command.topic, language));
				return 0;
			case 'version':
				stdout.write(`${packageVersion(runtime)}\n`);
				return 0;
			case 'search':
				return runSearch(command.query, command, runtime);
			case 'explain':
				return runExplain(command.entry, command, runtime);
			case 'lint':
				return await runLint(command.options, runtime);
			case 'index':
				return await runIndex(command.out, command.options, runtime);
		}
	} catch (error) {
		if (!(error instanceof CliError)) throw error;
		stderr.write(`kubelore: ${error.message}\n`);
		return 2;
	}
}

/** Runs the process's own command line (bin/kubelore.js calls this). */
export function run(): void {
	const argv = process.argv.slice(2);
	const runtime: Runtime = {
		language: languageOf(argv, process.env),
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		env: process.env,
		distDir: __dirname,
	};
	silenceYamlKeyWarnings();
	// `kubelore lint | head` closes the pipe early: stop quietly. The report did not get through
	// whole, so the status is 2 (an I/O error), never a "clean" 0.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(2);
		throw error;
	});
	main(argv, runtime).then(
		(code) => (process.exitCode = code),
		(error: unknown) => {
			process.stderr.write(`kubelore: ${(error as Error).stack ?? String(error)}\n`);
			process.exitCode = 2;
		},
	);
}

/**
 * The yaml package warns through process warnings when a document has a map as a key (templated
 * files such as `{{ x }}: y`); the user can do nothing about it, and it would litter the report.
 */
function silenceYamlKeyWarnings(): void {
	const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		if (String(warning instanceof Error ? warning.message : warning).startsWith('Keys with collection values will be stringified')) return;
		emit(warning, ...rest);
	}) as typeof process.emitWarning;
}

if (isKubeloreWorker()) runWorker();
else if (require.main === module) run();
