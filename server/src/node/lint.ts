import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { LanguageService } from '../service/service';
import type { Settings } from '../service/settings';
import { readTextFile, type ReadFailure } from './files';

/** A file to index: read from disk unless its text is given (standard input). */
export interface FileToIndex {
	path: string;
	/** Linted and reported; false for files read only as context for the others. */
	report: boolean;
	text?: string;
}

/** A file's findings. */
export interface FileResult {
	uri: string;
	diagnostics: Diagnostic[];
}

/**
 * Reads files into the service's index, each once, and returns the uris to report in the order
 * they first came. The index keeps every file (cross-resource rules need them all); nothing else
 * is kept per file.
 */
export async function indexFiles(
	service: LanguageService,
	files: AsyncIterable<FileToIndex>,
	onUnreadable: (path: string, failure: ReadFailure) => void,
	onIndexed?: (count: number) => void,
): Promise<string[]> {
	const reported = new Set<string>();
	const indexed = new Set<string>();
	for await (const file of files) {
		const uri = URI.file(file.path).toString();
		// Text handed in (standard input) wins over the same file on disk, as an open editor's does.
		if (!indexed.has(uri) || file.text !== undefined) {
			const read = file.text !== undefined ? { text: file.text } : await readTextFile(file.path);
			if ('error' in read) {
				if (file.report) onUnreadable(file.path, read);
				continue;
			}
			service.index.setFile(uri, read.text, 0, false);
			indexed.add(uri);
			onIndexed?.(indexed.size);
		}
		if (file.report) reported.add(uri);
	}
	return [...reported];
}

/** The diagnostics of indexed files, one file at a time, so that output can stream. */
export function* lintFiles(service: LanguageService, uris: Iterable<string>, settingsFor: (uri: string) => Settings): Generator<FileResult> {
	for (const uri of uris) yield { uri, diagnostics: service.doValidation(uri, settingsFor(uri)) };
}
