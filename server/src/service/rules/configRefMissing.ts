import { isRecord } from '../manifest/parse';
import { URI } from 'vscode-uri';
import { both } from '../l10n/text';
import { missingFinding } from './missingPolicy';
import { POD_SPEC_KINDS, podSpecOf } from './podSpec';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { WorkspaceIndex } from '../workspace/index';
import { documentReferences } from '../workspace/relations';
import { READS, type Finding, type Rule, type RuleContext } from './types';

const MISSING = {
	en: 'No {0} "{1}" in namespace "{2}" of this scope. The kubelet cannot start a container whose {0} is missing (CreateContainerConfigError for env, ContainerCreating for a volume) until it exists; create it, correct the name, or mark the reference `optional: true` if the pod can run without it.',
	zh: '本作用域的命名空间 "{2}" 中没有 {0} "{1}"。在它出现之前，kubelet 无法启动缺少 {0} 的容器（用于环境变量时为 CreateContainerConfigError，用于卷时停在 ContainerCreating）；请创建它、更正名称，或在 Pod 可以不依赖它运行时把引用标为 `optional: true`。',
};
/** Made in every namespace by the cluster itself (the root CA bundle for service account tokens). */
const BUILT_IN = new Set(['kube-root-ca.crt']);

/** A ConfigMap or Secret a pod needs that is not in its namespace and scope (closed-world policy: see missingPolicy). */
export const configRefMissing: Rule = {
	id: 'config-ref-missing',
	severity: 'warning',
	description: { en: 'A pod needs a ConfigMap or Secret that does not exist.', zh: 'Pod 需要的 ConfigMap 或 Secret 不存在。' },
	kinds: POD_SPEC_KINDS,
	reads: ['ConfigMap:names', 'Secret:names', READS.customResources],
	check(ctx) {
		const pod = podSpecOf(ctx.entry.resource);
		if (!pod) return [];
		const findings: Finding[] = [];
		// The workspace's one table of references says where pods name ConfigMaps and Secrets; the
		// ones a pod starts without (`optional: true`, image pull secrets) are left out.
		const needed = documentReferences(ctx.entry.document).filter((r) => (r.kind === 'ConfigMap' || r.kind === 'Secret') && !r.optional && within(r.path, pod.path));
		for (const ref of needed) {
			if (BUILT_IN.has(ref.name) || ctx.scope.named(ref.kind, ref.name).length > 0 || madeInScope(ctx, ref.kind, ref.name)) continue;
			const finding = missingFinding(ctx, ref.kind, ref.name, ref.path, both(MISSING, ref.kind, ref.name, ctx.scope.namespace));
			// Secrets and ConfigMaps come from many places (operators, sealed or external secrets, CI): only a near name, or the name in another namespace, makes it a warning.
			if (finding && finding.severity !== 'info' && !finding.related?.length) finding.severity = 'info';
			if (finding) findings.push(finding);
		}
		return findings;
	},
};

function within(path: NodePath, prefix: NodePath): boolean {
	return prefix.every((part, i) => path[i] === part);
}

const madeCache = new WeakMap<WorkspaceIndex, { generation: number; byFolder: Map<string, Set<string>> }>();

/**
 * True when something of the scope makes it: a kustomize configMapGenerator or secretGenerator, or a
 * custom resource of that name or naming it as its secret (SealedSecret, ExternalSecret, Certificate).
 * Worked out once per index generation for every scope folder.
 */
function madeInScope(ctx: RuleContext, kind: string, name: string): boolean {
	const { index } = ctx;
	let cached = madeCache.get(index);
	if (!cached || cached.generation !== index.generation) {
		cached = { generation: index.generation, byFolder: new Map() };
		for (const uri of index.uris) {
			const folder = index.scopeOf(uri);
			let made = cached.byFolder.get(folder);
			if (!made) cached.byFolder.set(folder, (made = new Set()));
			const kustomization = /(^|\/)kustomization\.ya?ml$/i.test(URI.parse(uri).path);
			for (const document of index.getFile(uri)?.manifest.documents ?? []) {
				const value = document.resource?.value ?? (kustomization ? plain(document) : undefined);
				if (value) collect(value, kustomization, made);
			}
		}
		madeCache.set(index, cached);
	}
	return cached.byFolder.get(index.scopeOf(ctx.entry.uri))?.has(`${kind}/${name}`) ?? false;
}

/** What one document makes: generator names of a kustomization, secret names of custom resources. */
function collect(value: Record<string, unknown>, kustomization: boolean, made: Set<string>): void {
	if (kustomization) {
		for (const [key, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
			const list = value[key];
			if (Array.isArray(list)) for (const g of list) if (isRecord(g) && typeof g.name === 'string') made.add(`${kind}/${g.name}`);
		}
		return;
	}
	const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
	if (!/^[^/]+\.[^/]+\//.test(apiVersion) || apiVersion.includes('k8s.io/')) return;
	const spec = isRecord(value.spec) ? value.spec : {};
	const metadata = isRecord(value.metadata) ? value.metadata : {};
	for (const name of [metadata.name, spec.secretName, isRecord(spec.target) ? spec.target.name : undefined]) {
		if (typeof name === 'string') made.add(`Secret/${name}`).add(`ConfigMap/${name}`);
	}
}

function plain(document: ManifestDocument): Record<string, unknown> | undefined {
	try {
		const value = document.yaml?.toJS({ maxAliasCount: 100 }) as unknown;
		return isRecord(value) ? value : undefined;
	} catch {
		return undefined;
	}
}
