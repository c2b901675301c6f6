/* The cluster profile a lint run used, for the text line and the JSON field. */
import { KnowledgeGraph } from '../../service/knowledge/graph';
import { forgetLightTree } from '../../service/manifest/nodes';
import type { Language, Localized } from '../../service/knowledge/types';
import type { WorkspaceIndex } from '../../service/workspace/index';
import type { ClusterProfile, ProfileEvidence, ProfileValue } from '../../service/workspace/profile';
import { say } from '../messages';
import type { PathNames } from './types';

/** Where a profile value came from: the configuration, or a place in the linted files. */
export interface ProfileSource {
	source: 'configured' | 'inferred';
	file?: string;
	line?: number;
	what?: string;
}

/** The profile as the JSON output reports it. */
export interface ProfileReport {
	cni: (ProfileSource & { id: string; title: string }) | null;
	/** CNI plugins the files show when they show several (then none is inferred). */
	cniSeen: string[];
	runtimeClasses: (ProfileSource & { name: string })[];
	storageClasses: (ProfileSource & { name: string })[];
}

/** The profile of a run in plain terms, paths as the output shows them. */
export function profileReport(profile: ClusterProfile, index: WorkspaceIndex, graph: KnowledgeGraph, paths: PathNames, language: Language): ProfileReport {
	const source = (value: ProfileValue): ProfileSource => {
		const first: ProfileEvidence | undefined = value.evidence[0];
		if (value.configured || !first) return { source: 'configured' };
		const file = index.getFile(first.uri);
		const text = file?.text.getText();
		const line = (text === undefined ? 0 : lineAt(text, first.start)) + 1;
		// Placing the evidence scanned its file's documents for lines: a profile names a place in each of thousands of files, and the scans would stay to the end.
		for (const document of file?.manifest.documents ?? []) forgetLightTree(document);
		return { source: 'inferred', file: paths.shown(first.uri), line, what: first.what };
	};
	const cniEntity = profile.cni && graph.get(profile.cni.value);
	return {
		cni: profile.cni && cniEntity ? { id: cniEntity.id, title: KnowledgeGraph.text(cniEntity.title, language), ...source(profile.cni) } : null,
		cniSeen: profile.cni ? [] : [...profile.cniSeen.keys()],
		runtimeClasses: profile.runtimeClasses.map((v) => ({ name: v.value, ...source(v) })),
		storageClasses: profile.storageClasses.map((v) => ({ name: v.value, ...source(v) })),
	};
}

/**
 * The line (from 0) an offset is on, as the text's positionAt gives it (CRLF, LF and CR end a
 * line), without working out where every line starts: a profile names one place in each of
 * thousands of files, whose line offsets were let go once they were checked.
 */
export function lineAt(text: string, offset: number): number {
	const end = Math.max(Math.min(offset, text.length), 0);
	let line = 0;
	if (!text.includes('\r')) {
		for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
		return line;
	}
	for (let i = 0; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === 10) line++;
		// A CR ends a line unless an LF follows it; a CRLF counts once, at its LF (an offset between the two is on the line before).
		else if (code === 13 && text.charCodeAt(i + 1) !== 10) line++;
	}
	return line;
}

const LINE = {
	cni: { en: 'Cluster profile: CNI {0}, {1}.', zh: '集群配置：CNI 为 {0}，{1}。' },
	inferred: { en: 'inferred from {0}:{1} ({2})', zh: '根据 {0}:{1}（{2}）推断' },
	configured: { en: 'configured', zh: '来自配置' },
	ambiguous: { en: 'Cluster profile: the files show several CNI plugins ({0}), so none is assumed.', zh: '集群配置：文件中出现多种 CNI 插件（{0}），因此不做假定。' },
};

/** One line about the CNI the run assumed, or undefined when it assumed none and saw none. */
export function profileLine(report: ProfileReport, language: Language): string | undefined {
	const fill = (text: Localized, ...args: (string | number)[]) => say(text, language, ...args);
	if (report.cni) {
		const from = report.cni.source === 'inferred' ? fill(LINE.inferred, report.cni.file ?? '', report.cni.line ?? 0, report.cni.what ?? '') : fill(LINE.configured);
		return fill(LINE.cni, report.cni.title, from);
	}
	return report.cniSeen.length > 1 ? fill(LINE.ambiguous, report.cniSeen.join(', ')) : undefined;
}
