import { relative } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { WorkspaceIndex } from '../service/workspace/index';
import { whileFilling } from '../heapGrowth';
import type { DocumentSettings } from '../settings';
import { FileFilter, readTextFile, readTextFileSync, toPosix, walkFiles, type ReadFailure } from './files';

/** Reading between two pauses: a request that comes meanwhile waits no longer than this for an answer. */
const SLICE_MS = 4;

/**
 * Two turns of the event loop: a message read during the slice before is handled in the first
 * (after the pause's own callback), before the next slice starts in the second.
 */
async function pause(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	await new Promise((resolve) => setImmediate(resolve));
}

/** Fills the index from the workspace folders on disk, in the background. */
export class WorkspaceLoader {
	private folders: string[] = [];
	private readonly filters = new Map<string, FileFilter>();
	/** The latest read or removal per file: a read that an event overtook is dropped, not applied late. */
	private readonly latest = new Map<string, number>();
	private ticket = 0;

	constructor(
		private readonly index: WorkspaceIndex,
		private readonly connection: Connection,
		private readonly onIndexed: () => void,
	) {}

	get folderUris(): string[] {
		return this.folders;
	}

	setFolders(folders: string[]): void {
		this.folders = folders;
		this.index.setFolders(folders.map((f) => URI.parse(f).path));
	}

	/** Workspace folders added or removed at run time: the added ones are read like those at start. */
	async updateFolders(added: string[], removed: string[], settings: DocumentSettings): Promise<void> {
		for (const uri of this.index.uris) {
			// An open editor keeps its document even when its folder leaves the workspace.
			if (removed.some((f) => uri.startsWith(`${f}/`)) && !this.index.getFile(uri)?.open) this.index.removeFile(uri);
		}
		for (const folder of removed) this.filters.delete(folder);
		this.setFolders([...this.folders.filter((f) => !removed.includes(f)), ...added.filter((f) => !this.folders.includes(f))]);
		await this.indexFolders(added, settings);
	}

	/** Reads every included YAML file of every folder, yielding between files so requests go first. */
	indexAll(settings: DocumentSettings): Promise<void> {
		return this.indexFolders(this.folders, settings);
	}

	private indexFolders(folders: string[], settings: DocumentSettings): Promise<void> {
		return whileFilling(() => this.readFolders(folders, settings));
	}

	private async readFolders(folders: string[], settings: DocumentSettings): Promise<void> {
		const started = Date.now();
		let count = 0;
		let sliceStart = performance.now();
		for (const folder of folders) {
			const files = await settings.files(folder);
			const filter = new FileFilter(files.include, files.exclude);
			this.filters.set(folder, filter);
			const root = URI.parse(folder).fsPath;
			// Folders are listed without the thread pool too (blocking): a round trip per folder, over a
			// thousand folders, cost more than the listing, as files did (below).
			for await (const path of walkFiles(root, filter, undefined, true)) {
				// The folder may have left the workspace while it was being read.
				if (!this.folders.includes(folder)) break;
				// Read here, without a round trip to the thread pool per file (two per file, thousands
				// of files); requests still go first, between slices of a few milliseconds. A file open
				// in an editor is not read: the editor's text wins (apply).
				const uri = URI.file(path).toString();
				if (!this.index.getFile(uri)?.open) this.readIntoSync(uri, path);
				count++;
				if (performance.now() - sliceStart >= SLICE_MS) {
					await pause();
					sliceStart = performance.now();
				}
			}
		}
		this.connection.console.info(`KubeLore indexed ${count} files in ${Date.now() - started} ms`);
		this.onIndexed();
	}

	/** Re-reads one file from disk (after a change event, or when its editor closed). */
	async reread(uri: string): Promise<void> {
		if (this.index.getFile(uri)?.open) return;
		const path = URI.parse(uri).fsPath;
		if (!this.accepts(uri)) {
			this.latest.delete(uri);
			this.index.removeFile(uri);
			return;
		}
		await this.readInto(uri, path);
	}

	remove(uri: string): void {
		this.latest.delete(uri);
		if (!this.index.getFile(uri)?.open) this.index.removeFile(uri);
	}

	private accepts(uri: string): boolean {
		const path = URI.parse(uri).fsPath;
		for (const folder of this.folders) {
			const root = URI.parse(folder).fsPath;
			if (!path.startsWith(root)) continue;
			return (this.filters.get(folder) ?? new FileFilter()).accepts(toPosix(relative(root, path)));
		}
		return false;
	}

	private async readInto(uri: string, path: string): Promise<void> {
		const ticket = ++this.ticket;
		this.latest.set(uri, ticket);
		const read = await readTextFile(path);
		if (this.latest.get(uri) !== ticket) return;
		this.apply(uri, path, read);
	}

	/** The same in one step: nothing can overtake a read that does not wait (and an older read still on its way is dropped). */
	private readIntoSync(uri: string, path: string): void {
		this.apply(uri, path, readTextFileSync(path));
	}

	private apply(uri: string, path: string, read: { text: string } | { skipped: true } | ReadFailure): void {
		this.latest.delete(uri);
		// Opened in an editor while the disk was read: the editor's text wins, whatever the disk said.
		if (this.index.getFile(uri)?.open) return;
		if ('skipped' in read) return;
		if ('error' in read) {
			this.index.removeFile(uri);
			if (!read.error.startsWith('ENOENT')) this.connection.console.warn(`KubeLore: ${path}: ${read.error}`);
			return;
		}
		this.index.setFile(uri, read.text, 0, false);
	}
}
