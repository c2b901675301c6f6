/* Completion, code lenses and document symbols of KubeLore: on one large file and in a large workspace. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { random } from './generate';
import { BenchClient, percentile, type ServerSpec } from './lsp';
import { targetsTable, type Target } from './targets';
import { serverEnvironment } from '../client/src/serverEnvironment';

/** Latencies in ms of each editing request. */
export interface EditingResult {
	completion: number[];
	codeLens: number[];
	symbols: number[];
	/** Items of the last claimName completion (what a user sees). */
	items: number;
}

/** Targets: completion p95 10 ms; lenses and symbols of the 10,000-line file 30 ms. */
export const EDITING_TARGETS = { completion: 10, codeLens: 30, symbols: 30 };

/** Lenses an editor resolves at once: those of one screen. */
const SCREEN = 10;
const VALUE_KEYS = /^(\s*(?:-\s+)?)(claimName|storageClassName|targetPort|type|driver|provisioner|name):\s+\S+\s*$/;

/** Ends of values that completion answers (claimName, storageClassName, a configMapRef's name...), seeded. */
function completionPositions(text: string, count: number): { line: number; character: number }[] {
	const lines = text.split('\n');
	const candidates: { line: number; character: number }[] = [];
	lines.forEach((l, i) => {
		const m = VALUE_KEYS.exec(l);
		if (!m || (m[2] === 'name' && !/configMapRef:|service:/.test(lines[i - 1] ?? ''))) return;
		candidates.push({ line: i, character: l.trimEnd().length });
	});
	const rnd = random(17);
	return Array.from({ length: count }, () => candidates[Math.floor(rnd() * candidates.length)]);
}

/** Requests on one open file; `rootUri` set for a workspace (waits for the index first). */
export async function measureEditing(spec: ServerSpec, path: string, rootUri: string | null = null, count = 200): Promise<EditingResult> {
	const client = new BenchClient(spec);
	await client.initialize(rootUri);
	const uri = pathToFileURL(path).toString();
	const text = readFileSync(path, 'utf8');
	const indexed = rootUri ? client.nextLog(/KubeLore indexed (\d+) files/) : undefined;
	const first = client.nextDiagnostics(uri, 120_000);
	await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
	await first;
	if (indexed) await indexed;
	const time = async (method: string, params: object) => {
		const start = performance.now();
		const result = await client.connection.sendRequest(method, params);
		return { ms: performance.now() - start, result };
	};
	const completion: number[] = [];
	let items = 0;
	for (const position of completionPositions(text, count)) {
		const { ms, result } = await time('textDocument/completion', { textDocument: { uri }, position });
		completion.push(ms);
		if (text.split('\n')[position.line].includes('claimName')) items = (result as { items: unknown[] }).items.length;
	}
	const codeLens: number[] = [];
	const symbols: number[] = [];
	for (let i = 0; i < 20; i++) {
		// the lenses of the file, then the ones a screen shows resolved, as an editor asks
		const start = performance.now();
		const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as object[];
		await Promise.all(lenses.slice(0, SCREEN).map((lens) => client.connection.sendRequest('codeLens/resolve', lens)));
		codeLens.push(performance.now() - start);
		symbols.push((await time('textDocument/documentSymbol', { textDocument: { uri } })).ms);
	}
	await client.stop();
	return { completion, codeLens, symbols, items };
}

/** Table rows: `| where | measure | value | target |`, and the targets they are held to (issue 15, item 6). */
export function editingRows(where: string, r: EditingResult, lensTargets: boolean): { rows: string[]; targets: Target[] } {
	const ms = (n: number) => `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`;
	const rows = [
		`| ${where} | completion p50 / p95 (${r.completion.length} requests; ${r.items} claims offered) | ${ms(percentile(r.completion, 50))} / ${ms(percentile(r.completion, 95))} | ${EDITING_TARGETS.completion} ms |`,
		`| ${where} | code lenses and ${SCREEN} resolved p50 / p95 | ${ms(percentile(r.codeLens, 50))} / ${ms(percentile(r.codeLens, 95))} | ${lensTargets ? `${EDITING_TARGETS.codeLens} ms` : '-'} |`,
		`| ${where} | document symbols p50 / p95 | ${ms(percentile(r.symbols, 50))} / ${ms(percentile(r.symbols, 95))} | ${lensTargets ? `${EDITING_TARGETS.symbols} ms` : '-'} |`,
	];
	const targets: Target[] = [{ issue: '15.6', what: `${where}: completion p95`, figure: percentile(r.completion, 95), limit: EDITING_TARGETS.completion, unit: 'ms' }];
	if (lensTargets) {
		targets.push(
			{ issue: '15.6', what: `${where}: code lenses (and one screen resolved) p95`, figure: percentile(r.codeLens, 95), limit: EDITING_TARGETS.codeLens, unit: 'ms' },
			{ issue: '15.6', what: `${where}: document symbols p95`, figure: percentile(r.symbols, 95), limit: EDITING_TARGETS.symbols, unit: 'ms' },
		);
	}
	return { rows, targets };
}

/** `node --import tsx bench/editing.ts <file> [workspace folder] [workspace file]`: only these measurements, printed. */
async function main(): Promise<void> {
	const [file, folder, inFolder] = process.argv.slice(2);
	const spec: ServerSpec = { name: 'KubeLore', command: process.execPath, args: [join(__dirname, '..', 'dist', 'server.js'), '--stdio'], env: serverEnvironment(), configuration: { kubelore: {} } };
	const out = editingRows(`${readFileSync(file, 'utf8').split('\n').length} lines`, await measureEditing(spec, file), true);
	if (folder && inFolder) {
		const w = editingRows('workspace', await measureEditing(spec, inFolder, pathToFileURL(folder).toString()), false);
		out.rows.push(...w.rows);
		out.targets.push(...w.targets);
	}
	console.log(out.rows.join('\n'));
	console.log(targetsTable(out.targets));
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
