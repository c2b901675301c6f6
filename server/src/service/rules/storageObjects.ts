import type { KnowledgeGraph } from '../knowledge/graph';
import type { Entity } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { NodePath, Resource } from '../manifest/types';
import type { IndexedResource, WorkspaceIndex } from '../workspace/index';
import type { RuleContext } from './types';
import { podSpecOf, podVolumes, valueAt } from './podSpec';

/** A claim spec: a PVC's own, a StatefulSet's volumeClaimTemplates item, or a pod's ephemeral volume template. */
export interface ClaimSpecAt {
	path: NodePath;
	spec: Record<string, unknown>;
	/** The PVC's annotations (for the legacy class annotation); empty for templates. */
	annotations: Record<string, string>;
}

/** Every claim spec a resource holds. */
export function claimSpecs(resource: Resource): ClaimSpecAt[] {
	const out: ClaimSpecAt[] = [];
	const push = (path: NodePath, spec: unknown, annotations: Record<string, string> = {}) => {
		if (isRecord(spec)) out.push({ path, spec, annotations });
	};
	if (resource.kind === 'PersistentVolumeClaim') push(['spec'], resource.value.spec, resource.annotations);
	if (resource.kind === 'StatefulSet') {
		const templates = valueAt(resource.value, ['spec', 'volumeClaimTemplates']);
		if (Array.isArray(templates)) templates.forEach((t, i) => push(['spec', 'volumeClaimTemplates', i, 'spec'], valueAt(t, ['spec'])));
	}
	const pod = podSpecOf(resource);
	if (pod) {
		for (const volume of podVolumes(pod)) {
			if (volume.source === 'ephemeral') push([...volume.path, 'ephemeral', 'volumeClaimTemplate', 'spec'], valueAt(volume.value, ['ephemeral', 'volumeClaimTemplate', 'spec']));
		}
	}
	return out;
}

/** The knowledge entity of a volume source: a CSI or FlexVolume driver by name, else the in-tree plugin. */
export function volumeSourceEntity(graph: KnowledgeGraph, key: string, value: unknown): Entity | undefined {
	if (key === 'csi' || key === 'flexVolume') {
		const driver = valueAt(value, ['driver']);
		const byDriver = typeof driver === 'string' ? graph.forProvisioner(driver) : undefined;
		return byDriver ?? (key === 'flexVolume' ? graph.forVolumeSource(key) : undefined);
	}
	return graph.forVolumeSource(key);
}

/** A list-valued fact of an entity (accessModes, volumeModes...), or undefined when the entity does not list it. */
export function listFact(entity: Entity | undefined, key: string): string[] | undefined {
	const value = entity?.facts[key];
	return Array.isArray(value) ? value.map(String) : undefined;
}

/** The StorageClass of a name: in the scope first, else anywhere in the workspace (cluster-scoped objects are shared). */
export function findStorageClass(ctx: RuleContext, name: string): IndexedResource | undefined {
	return ctx.scope.clusterScoped('StorageClass', name)[0] ?? ctx.index.named('StorageClass', name)[0];
}

const inTreeCache = new WeakMap<KnowledgeGraph, Map<string, Entity | undefined>>();

/** `graph.inTreePlugin`, remembered per graph (pods look up every volume's source key). */
export function inTreeEntity(graph: KnowledgeGraph, name: string): Entity | undefined {
	let byName = inTreeCache.get(graph);
	if (!byName) inTreeCache.set(graph, (byName = new Map()));
	if (!byName.has(name)) byName.set(name, graph.inTreePlugin(name));
	return byName.get(name);
}

const pvsByScope = new WeakMap<WorkspaceIndex, { generation: number; byFolder: Map<string, IndexedResource[]> }>();

/** The PersistentVolumes of the rule's scope folder, grouped once per index generation (every claim asks). */
export function persistentVolumesInScope(ctx: RuleContext): IndexedResource[] {
	const { index } = ctx;
	let cached = pvsByScope.get(index);
	if (!cached || cached.generation !== index.generation) {
		const byFolder = new Map<string, IndexedResource[]>();
		for (const pv of index.ofKind('PersistentVolume')) {
			const folder = index.scopeOf(pv.uri);
			const list = byFolder.get(folder);
			if (list) list.push(pv);
			else byFolder.set(folder, [pv]);
		}
		pvsByScope.set(index, (cached = { generation: index.generation, byFolder }));
	}
	return cached.byFolder.get(index.scopeOf(ctx.entry.uri)) ?? [];
}
