/* Hostile inputs, generated at run time: each one once made the server or the command line slow, wrong or dead. */

/** One hostile file: a name, its text, and where to hover in it (a line and column inside). */
export interface HostileInput {
	name: string;
	text: string;
	hover: { line: number; character: number };
	/** Written as a workspace's `.kubelore.yaml` rather than a manifest. */
	projectConfig?: boolean;
}

const SERVICE_HEAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n';

function configMap(data: string): string {
	return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${data}`;
}

function keys(count: number, prefix = 'KEY_'): string {
	const lines: string[] = [];
	for (let i = 0; i < count; i++) lines.push(`  ${prefix}${i}: value-${i}`);
	return `${lines.join('\n')}\n`;
}

/** Every hostile input, small enough to write to a temporary folder in a second. */
export function hostileInputs(): HostileInput[] {
	const top = { line: 1, character: 7 };
	const billion = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (let i = 1; i < 10; i++) billion.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
	const manyDocs: string[] = [];
	for (let i = 0; i < 50_000; i++) manyDocs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`);
	const manyServices: string[] = [];
	// Each Service breaks three rules: about 15,000 findings in one file.
	for (let i = 0; i < 5_000; i++) manyServices.push(`${SERVICE_HEAD.replace('name: web', `name: s${i}`)}  type: ExternalName\n  externalName: 10.0.0.${i % 250}\n  clusterIP: 10.0.0.1\n  selector: { app: a${i} }\n`);
	const deepBlock = Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
	const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
	return [
		{ name: 'helm-braces.yaml', text: configMap(`  tpl: "${'{{ '.repeat(100_000)}"\n`), hover: top },
		{ name: 'map-20k.yaml', text: configMap(keys(20_000)), hover: { line: 5 + 10_000, character: 4 } },
		{ name: 'map-40k.yaml', text: configMap(keys(40_000)), hover: { line: 5 + 20_000, character: 4 } },
		{ name: 'external-name-100k.yaml', text: `${SERVICE_HEAD}  type: ExternalName\n  externalName: "${':'.repeat(100_000)}g"\n`, hover: top },
		{ name: 'findings-15k.yaml', text: manyServices.join('---\n'), hover: top },
		{ name: 'alias-bomb.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${billion.map((l) => `  ${l}`).join('\n')}\n`, hover: top },
		{ name: 'deep-flow.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, hover: top },
		{ name: 'deep-block.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nx:\n${deepBlock.replace(/^/gm, ' ')} 1\n`, hover: top },
		{ name: 'binary.yaml', text: binary, hover: { line: 0, character: 1 } },
		{ name: 'boms.yaml', text: `\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  type: Nope\n`, hover: top },
		{ name: 'docs-50k.yaml', text: manyDocs.join('---\n'), hover: { line: 5 * 25_000 + 1, character: 7 } },
		{ name: 'cr-only.yaml', text: `${SERVICE_HEAD}  type: Nope\n`.replace(/\n/g, '\r'), hover: top },
		{ name: 'big-number.yaml', text: `${SERVICE_HEAD}  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 123456789012345678901234567890\n`, hover: top },
		{ name: 'long-line.yaml', text: configMap(`  x: ${'a'.repeat(2_000_000)}\n`), hover: top },
		{ name: '.kubelore.yaml', text: `rules:\n${keys(20_000, 'rule-')}`.replace(/value-\d+/g, 'off'), hover: { line: 1, character: 3 }, projectConfig: true },
	];
}

/** A team note whose front matter has `count` keys. */
export function hugeFrontMatterNote(count: number): string {
	return `---\n${keys(count).replace(/^ {2}/gm, '')}---\n# Note\n`;
}
