/* Random, seeded traffic against a server: edits, close and reopen, disk events, folder changes, requests. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { random } from '../../bench/generate';
import type { Session } from './session';

/** Pieces that edits insert: the shapes that once confused a parser or a rule. */
const SNIPPETS = [
	'\n', '\r\n', '\r', '---\n', '...\n', '  ', '- ', ': ', '#', '# kubelore-disable-next-line\n', '{{ .Values.x }}', '{{', '}}',
	'<<: *base\n', 'base: &base { type: NodePort }\n', '*base', '&a ', 'kind: Service\n', 'apiVersion: v1\n', 'type: NodePort\n',
	'type: ExternalName\n', 'selector:\n  app: web\n', 'ports:\n- port: 80\n', 'targetPort: http\n', 'storageClassName: fast\n',
	'claimName: data\n', 'metadata:\n  name: web\n', '[', ']', '{', '}', '"', "'", '\t', '\uFEFF', 'é中🙂', '99999999999999999999999', '0x1F', '~',
];

export interface FuzzCounts {
	edits: number;
	closes: number;
	reopens: number;
	diskEvents: number;
	folderEvents: number;
	requests: number;
}

/** The state the fuzzer drove the server into: folders, open documents and their texts. */
export class Fuzzer {
	readonly open = new Map<string, TextDocument>();
	readonly folders: string[];
	readonly counts: FuzzCounts = { edits: 0, closes: 0, reopens: 0, diskEvents: 0, folderEvents: 0, requests: 0 };
	private readonly rnd: () => number;
	private readonly lastDiagnostics = new Map<string, Diagnostic[]>();
	private virtual = 0;

	constructor(
		private readonly session: Session,
		private readonly baseFolder: string,
		private readonly extraFolder: string,
		seed: number,
	) {
		this.rnd = random(seed);
		this.folders = [baseFolder];
	}

	private pick<T>(list: T[]): T {
		return list[Math.floor(this.rnd() * list.length)];
	}

	/** One random step. */
	async step(): Promise<void> {
		const r = this.rnd();
		if (this.open.size < 2 || r < 0.08) await this.openOne();
		else if (r < 0.55) await this.edit();
		else if (r < 0.62) await this.closeOne();
		else if (r < 0.7) await this.diskEvent();
		else if (r < 0.72) await this.folderEvent();
		else await this.request();
	}

	private yamlFiles(): string[] {
		const out: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const full = join(dir, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (/\.ya?ml$/.test(name)) out.push(full);
			}
		};
		for (const f of this.folders) walk(fileURLToPath(f));
		return out.sort();
	}

	private async openOne(): Promise<void> {
		const files = this.yamlFiles().filter((p) => !this.open.has(pathToFileURL(p).toString()));
		// A document that exists only in the editor (a new file never saved).
		const virtual = this.rnd() < 0.3 || files.length === 0;
		const path = virtual ? join(fileURLToPath(this.pick(this.folders)), `unsaved-${this.virtual++}.yaml`) : this.pick(files);
		const uri = pathToFileURL(path).toString();
		const text = virtual ? this.pick(SNIPPETS.filter((s) => s.length > 6)).repeat(2) : readText(path);
		await this.didOpen(uri, text);
	}

	private async didOpen(uri: string, text: string): Promise<void> {
		const doc = TextDocument.create(uri, 'yaml', 1, text);
		this.open.set(uri, doc);
		await this.session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
	}

	private async edit(): Promise<void> {
		const doc = this.pick([...this.open.values()]);
		const text = doc.getText();
		const start = Math.floor(this.rnd() * (text.length + 1));
		const end = Math.min(text.length, start + (this.rnd() < 0.5 ? 0 : Math.floor(this.rnd() * 24)));
		const newText = this.rnd() < 0.25 ? '' : this.pick(SNIPPETS);
		const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
		const next = TextDocument.update(doc, [{ range, text: newText }], doc.version + 1);
		this.open.set(doc.uri, next);
		this.counts.edits++;
		await this.session.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ range, text: newText }] });
	}

	private async closeOne(): Promise<void> {
		const doc = this.pick([...this.open.values()]);
		this.open.delete(doc.uri);
		this.counts.closes++;
		await this.session.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
		// Closed and opened again at once, as an editor does when a tab is reopened.
		if (this.rnd() < 0.5) {
			this.counts.reopens++;
			await this.didOpen(doc.uri, doc.getText());
		}
	}

	private async diskEvent(): Promise<void> {
		const files = this.yamlFiles();
		const r = this.rnd();
		let path: string;
		let type: 1 | 2 | 3;
		if (r < 0.3 || files.length < 3) {
			path = join(fileURLToPath(this.pick(this.folders)), 'generated', `file-${Math.floor(this.rnd() * 20)}.yaml`);
			mkdirSync(join(path, '..'), { recursive: true });
			type = existsSync(path) ? 2 : 1;
			writeFileSync(path, `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ${this.pick(SNIPPETS)}`);
		} else if (r < 0.75) {
			path = this.pick(files);
			writeFileSync(path, `${readText(path)}---\n${this.pick(SNIPPETS)}${this.pick(SNIPPETS)}`);
			type = 2;
		} else {
			path = this.pick(files);
			rmSync(path);
			type = 3;
		}
		this.counts.diskEvents++;
		await this.session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).toString(), type }] });
	}

	private async folderEvent(): Promise<void> {
		const present = this.folders.includes(this.extraFolder);
		if (present) this.folders.splice(this.folders.indexOf(this.extraFolder), 1);
		else this.folders.push(this.extraFolder);
		this.counts.folderEvents++;
		const change = { uri: this.extraFolder, name: 'extra' };
		await this.session.notify('workspace/didChangeWorkspaceFolders', { event: present ? { added: [], removed: [change] } : { added: [change], removed: [] } });
	}

	private async request(): Promise<void> {
		const doc = this.pick([...this.open.values()]);
		const position = doc.positionAt(Math.floor(this.rnd() * (doc.getText().length + 1)));
		const textDocument = { uri: doc.uri };
		const r = this.rnd();
		this.counts.requests++;
		if (r < 0.3) await this.session.request('textDocument/hover', { textDocument, position });
		else if (r < 0.45) await this.session.request('textDocument/definition', { textDocument, position });
		else if (r < 0.55) await this.session.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
		else if (r < 0.7) {
			const diagnostics = this.lastDiagnostics.get(doc.uri) ?? [];
			await this.session.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: diagnostics.slice(0, 20) } });
		} else {
			const items = await this.session.diagnostics(doc.uri);
			if (items) this.lastDiagnostics.set(doc.uri, items);
		}
	}

	/** A short name for a uri, for failure messages. */
	name(uri: string): string {
		return relative(join(fileURLToPath(this.baseFolder), '..'), fileURLToPath(uri));
	}
}

function readText(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}
