// Run by bench/floor.ts in a fresh process: the bare parse time of one file with one parser.
// Prints {"cold": ms of the first parse in this process, "warm": median of the last runs}.
import { readFileSync } from 'node:fs';

const [file, parser, runs = '10'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
// The module is loaded before the clock starts: the floor is the parse, not the require.
const parse =
	parser === 'js-yaml'
		? await import('js-yaml').then((m) => (t) => (m.default ?? m).loadAll(t))
		: await import('yaml').then((m) => (t) => m.parseAllDocuments(t));
const times = [];
for (let i = 0; i < Number(runs); i++) {
	const start = performance.now();
	parse(text);
	times.push(performance.now() - start);
}
const warm = times.slice(Math.ceil(times.length / 2)).sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ cold: times[0], warm: warm[Math.floor(warm.length / 2)] }));
