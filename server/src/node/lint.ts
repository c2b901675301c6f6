import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { LanguageService } from '../service/service';
import type { Settings } from '../service/settings';
import { FileFilter, readTextFile, walkFiles } from './files';

/** A file's findings, or the reason it could not be read. */
export interface FileResult {
	path: string;
	uri: string;
	diagnostics: Diagnostic[];
	error?: string;
}

/** Reads the given files and folders into the service's index (folders walked with the filter). */
export async function indexPaths(service: LanguageService, paths: string[], filter: FileFilter, onError: (path: string, message: string) => void): Promise<string[]> {
	const uris: string[] = [];
	const roots: string[] = [];
	for (const input of paths) {
		const path = resolve(input);
		let info;
		try {
			info = await stat(path);
		} catch (error) {
			onError(input, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message);
			continue;
		}
		roots.push(info.isDirectory() ? path : dirname(path));
		const files = info.isDirectory() ? walkFiles(path, filter, (p, e) => onError(p, (e as Error).message)) : single(path);
		for await (const file of files) {
			const read = await readTextFile(file);
			if ('error' in read) {
				onError(file, read.error);
				continue;
			}
			const uri = URI.file(file).toString();
			service.index.setFile(uri, read.text, 0, false);
			uris.push(uri);
		}
	}
	service.index.setFolders(roots.map((r) => URI.file(r).path));
	return uris;
}

async function* single(path: string): AsyncGenerator<string> {
	yield path;
}

/** Diagnostics of every indexed uri, with the project config applied per file. */
export function lintIndexed(service: LanguageService, uris: string[], settings: Settings): FileResult[] {
	return uris.map((uri) => ({ uri, path: URI.parse(uri).fsPath, diagnostics: service.doValidation(uri, service.settingsFor(uri, settings)) }));
}
