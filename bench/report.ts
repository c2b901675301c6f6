/* The text of BENCHMARKS.md: a header saying how the run was made, one section per part, the targets last. */
import { format, previousFigures, targetsTable, type Target } from './targets';

export interface RunInfo {
	peerVersion: string;
	nodeVersion: string;
	quick: boolean;
	withCli: boolean;
	/** Lines of each input, by name. */
	inputs: Record<string, number>;
	workspaceFiles: number;
	servers: number;
	/** Edits per input: KubeLore's, the peer's. */
	edits: [number, number];
	/** One-minute load average at the start and at the end of the run. */
	load: [number, number];
	/** Seconds. */
	duration: number;
	machine: string;
}

export function header(run: RunInfo): string {
	const command = run.withCli ? 'npm run bench:all' : 'npm run build && npm run bench';
	return `# Benchmarks

KubeLore's language server against yaml-language-server ${run.peerVersion} (with a Kubernetes JSON schema generated offline from kubernetes-types), both started over stdio the way an editor starts them, on the same seeded inputs, one after the other for each input, beside the floor: the bare parse of the same file. Figures from one run; compare the ratios, not the absolute times.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${run.machine}; servers and the floor on Node ${run.nodeVersion}; load average ${run.load[0].toFixed(1)} at the start, ${run.load[1].toFixed(1)} at the end (a quiet machine is under 0.5)
- Command: \`${command}${run.quick ? ' -- --quick' : ''}\`, ${Math.round(run.duration / 60)} minutes after the build (${run.quick ? 'quick run: small inputs, to check the harness; ' : ''}inputs: ${Object.entries(run.inputs)
		.map(([name, lines]) => `${name} ${lines} lines`)
		.join(', ')}; workspace of ${run.workspaceFiles} files)
- Inputs (bench/generate.ts, seeded): \`manifest-*\` are groups of StorageClass, PV, PVC, ConfigMap, Deployment, Service and Ingress that reference each other (the inputs of earlier runs); \`cross-*\` is the heavier input of issue 17: Deployments (two containers, probes, env from ConfigMap keys), Services, PVCs and ConfigMaps of 26 keys, each Deployment reading its own ConfigMap and PVC and its neighbour's ConfigMap and Service (10,000 lines: 208 documents).
- Cold and warm: a cold open is didOpen to the first diagnostics in a fresh server process (${run.servers} servers per input, the median); warm is the same text closed and opened again in the last of them. The first hover is the first request in a document, sent as soon as its diagnostics arrive (one per fresh server); then ${200} hovers on seeded keys and values, in each fresh server, and the hover percentiles are over all of them and the first hovers (a p99 over one server's 201 hovers was its third slowest, which one collection or one busy moment of the machine decided). Then, in the last server, as many hovers on a document separator (\`---\`), where neither server has anything to say: their percentiles are the round trip of the protocol, the client and this machine, under which no hover figure can go (on this shared 2-core machine its p99 is a few milliseconds, and it moves from run to run). The harness collects its own heap before each of these two series (it runs with \`--expose-gc\`), so that its collections do not fall in them.
- Edits: one character inserted then deleted in a value past the middle of the file, ${run.edits[0]} in all for KubeLore and ${run.edits[1]} for the peer, 250 ms apart; from didChange to the next publishDiagnostics.
- Floor: bench/floor.ts, in fresh processes on the same Node: js-yaml \`loadAll\` (all values, no positions) and \`yaml\` \`parseAllDocuments\` (nodes with ranges). Cold is the first parse in a process, warm the median of the later half of 6 parses in the same process; the median of ${run.servers} processes.
- Each server is started once before the measurements and stopped (the first start after a build reads from a cold disk cache, and KubeLore writes its V8 code cache into the folder given by \`--cache-dir\`, as the VS Code client passes one from its storage folder); every measurement then starts a fresh server process, which KubeLore starts from that code cache, as VS Code users' servers do from the second start on. KubeLore's server also gets the environment variable the VS Code client adds to the editor's (\`MALLOC_ARENA_MAX=2\`, client/src/serverEnvironment.ts); yaml-language-server is started as Red Hat's extension starts it, without it.
`;
}

export interface Parts {
	head: string;
	single: string[];
	editing: string[];
	workspace: string[];
	hostile: string[];
	hostileLimit: number;
	openClose: string[];
	validation: string;
	activation: number;
	/** Loading dist/languageClient.js, which activation starts right after it returns (p50 of 5). */
	languageClient: number;
	vsixMb: number;
	cli: string | undefined;
	targets: Target[];
	/** The BENCHMARKS.md this run replaces, for the figures of the run before. */
	previous: string | undefined;
}

export function reportText(p: Parts): string {
	return `${p.head}
## Single file

| input | measure | KubeLore | KubeLore, the run before | yaml-language-server | peer / KubeLore | floor: js-yaml values | floor: \`yaml\` with ranges | target |
|---|---|---|---|---|---|---|---|---|
${p.single.join('\n')}

## Editing features (KubeLore)

Completion at the end of values that name other resources or knowledge (claimName, storageClassName, a configMapRef's name, an Ingress backend, targetPort, type), seeded; code lenses (and the lenses of one screen resolved) and the outline of the whole file, 20 of each (bench/editing.ts).

| input | measure | value | target |
|---|---|---|---|
${p.editing.join('\n')}

## Workspace (KubeLore; yaml-language-server has no workspace index)

| measure | value | target |
|---|---|---|
${p.workspace.join('\n')}

## Hostile inputs (KubeLore)

Each input of test/fuzz/hostileInputs.ts in a fresh server (bench/hostile.ts): didOpen to the first diagnostics, then the same hover twice; a step that takes over ${p.hostileLimit / 1000} s is abandoned. Target: each answered in under a second.

| input | open to diagnostics | diagnostics | first hover | second hover | peak RSS |
|---|---|---|---|---|---|
${p.hostile.join('\n')}

## Memory over open/close cycles (KubeLore)

Documents of distinct URIs (half file: URIs not on disk, half untitled:) opened, checked (pull diagnostics), hovered and closed in one server (bench/openClose.ts).

| measure | value |
|---|---|
${p.openClose.join('\n')}

## Validation against the API schema (in-process, \`npm run bench:validation\`)

${p.validation}

## Extension

| measure | value | target |
|---|---|---|
| loading the client bundle (activation's own cost, p50 of 5) | ${format(p.activation, 'ms')} | 50 ms |
| loading the language client bundle, right after activation returns (p50 of 5) | ${format(p.languageClient, 'ms')} | |
| .vsix size | ${Number.isFinite(p.vsixMb) ? `${p.vsixMb.toFixed(2)} MB` : 'not built (npm run package)'} | 5 MB |

${p.cli ?? '## Command line at CI scale\n\nNot measured: run `npm run bench:all` (or `npm run bench:cli`, then `npm run bench`).'}

## Targets

Every target of issues 12, 14, 15, 17 and 18 (issue.item) with this run's figure (the command line's from the section above) and the figure of the run this file replaced, where it had the same target.

${targetsTable(p.targets, previousFigures(p.previous))}`;
}
