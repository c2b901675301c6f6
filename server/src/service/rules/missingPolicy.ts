import { both } from '../l10n/text';
import { hasPlaceholder } from '../manifest/placeholders';
import type { NodePath } from '../manifest/types';
import { URI } from 'vscode-uri';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import { namespaceOf } from '../workspace/scope';
import { joinText, relatedAt, replaceScalar } from './findingParts';
import { nearestName } from './nearestName';
import type { Finding, RuleContext } from './types';

// One closed-world policy for every rule that says a referenced object is missing. "Missing" only
// means "not in this workspace", which is the whole cluster only when the workspace says so: it
// shows objects of that kind in that namespace and scope, or one of a near name. Then the finding is
// a warning (naming the near one, with the fix); otherwise it is information. Where the scope can
// not be known (Helm templates, Kustomize patches, a chart that could render that name, a name
// that is a placeholder) there is no finding at all.

/** The other objects that tell how sure "missing" is. */
export interface MissingEvidence {
	/** No finding: what the scope renders is unknown. */
	silent: boolean;
	/** Objects of that kind in the namespace and scope. */
	peers: IndexedResource[];
	/** Those of them near the reference (see nearPeers): what shows that such objects are kept here. */
	around: IndexedResource[];
	/** One of them whose name is most likely what was meant. */
	near?: IndexedResource;
	/** Objects of that name in other namespaces of the scope. */
	elsewhere: IndexedResource[];
}

/** What the workspace says about a missing object of a kind and name. */
export function missingEvidence(ctx: RuleContext, kind: string, name: string): MissingEvidence {
	const { scope } = ctx;
	const peers = scope.ofKind(kind);
	const silent = scope.hasPartial || scope.chartCouldName(name) || peers.some((p) => hasPlaceholder(p.resource.name)) || inBrokenDocument(ctx, [name]);
	const nearName = nearestName(name, peers.map((p) => p.resource.name ?? ''));
	return { silent, peers, around: nearPeers(ctx, peers), near: nearName === undefined ? undefined : peers.find((p) => p.resource.name === nearName), elsewhere: scope.elsewhere(kind, name) };
}

/**
 * The peers that show the referring file's project keeps objects of that kind. A kustomization
 * builds its scope as one, so all of them; the workspace folder may gather unrelated projects
 * (a repository of examples), so only those in the file's folder or in a folder beside it.
 */
function nearPeers(ctx: RuleContext, peers: IndexedResource[]): IndexedResource[] {
	const folder = ctx.index.scopeOf(ctx.entry.uri);
	if (kustomizationDirs(ctx.index).has(folder)) return peers;
	const base = dirname(dirname(URI.parse(ctx.entry.uri).path));
	return peers.filter((p) => URI.parse(p.uri).path.startsWith(base === '/' ? '/' : `${base}/`));
}

const kustomizations = new WeakMap<WorkspaceIndex, { generation: number; dirs: Set<string> }>();

/** The folders of the workspace's kustomizations (per index generation). */
function kustomizationDirs(index: WorkspaceIndex): Set<string> {
	let cached = kustomizations.get(index);
	if (cached?.generation !== index.generation) {
		const dirs = new Set(index.uris.map((uri) => URI.parse(uri).path).filter((path) => KUSTOMIZATION.test(path)).map(dirname));
		kustomizations.set(index, (cached = { generation: index.generation, dirs }));
	}
	return cached.dirs;
}

/** True when a document of the scope that does not parse mentions every word: what it defines is unknown. */
export function inBrokenDocument(ctx: RuleContext, words: string[]): boolean {
	const folder = ctx.index.scopeOf(ctx.entry.uri);
	for (const uri of ctx.index.uris) {
		if (ctx.index.scopeOf(uri) !== folder) continue;
		for (const document of ctx.index.getFile(uri)?.manifest.documents ?? []) {
			if (document.kind === 'broken' && words.every((w) => document.text.includes(w))) return true;
		}
	}
	return false;
}

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** A path's folder, as the index names scope folders. */
function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

const CLOSED_WORLD = {
	en: 'Nothing of that kind is near this file in this namespace and scope, so it may well be created outside this workspace; this is only a reminder.',
	zh: '此命名空间和范围内、此文件附近没有这类对象，它很可能是在此工作区之外创建的；这只是一个提醒。',
};
const NEAR = { en: 'Did you mean "{0}"?', zh: '是否想写 "{0}"？' };
const RELATED_NEAR = { en: '{0} "{1}", a similar name', zh: '名字相近的 {0} "{1}"' };
const RELATED_ELSEWHERE = { en: '{0} "{1}" in namespace "{2}", which this reference cannot reach', zh: '命名空间 "{2}" 中的 {0} "{1}"，此引用无法跨命名空间使用' };
const FIX = { en: 'Use {0} "{1}"', zh: '改用 {0} "{1}"' };

/**
 * A "missing" finding at `path` under the policy: warning with the near name and its fix, or with
 * objects of that kind (or that name in another namespace) around; information otherwise;
 * undefined when the scope cannot tell.
 */
export function missingFinding(ctx: RuleContext, kind: string, name: string, path: NodePath, message: { en: string; zh: string }): Finding | undefined {
	const evidence = missingEvidence(ctx, kind, name);
	if (evidence.silent) return undefined;
	const finding: Finding = { path, message, related: [], fixes: [] };
	for (const other of evidence.elsewhere.slice(0, 3)) {
		finding.related!.push(relatedAt(other, ['metadata', 'name'], both(RELATED_ELSEWHERE, kind, name, namespaceOf(other, ctx.settings))));
	}
	const near = evidence.near?.resource.name;
	if (evidence.near && near) {
		finding.message = joinText(finding.message, both(NEAR, near));
		finding.related!.push(relatedAt(evidence.near, ['metadata', 'name'], both(RELATED_NEAR, kind, near)));
		const edit = replaceScalar(ctx.entry.document, path, near);
		if (edit) finding.fixes!.push({ title: both(FIX, kind, near), edits: [edit], preferred: true });
	}
	if (evidence.around.length === 0 && evidence.elsewhere.length === 0 && !evidence.near) {
		finding.severity = 'info';
		finding.message = joinText(finding.message, CLOSED_WORLD);
	}
	return finding;
}
