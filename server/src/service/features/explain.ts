import type { KnowledgeGraph } from '../knowledge/graph';
import { nodeAt, pathPattern } from '../manifest/nodes';
import type { WorkspaceIndex } from '../workspace/index';
import { pointedEntity } from './hovers/value';

/** The entry for what is under the cursor: the value's entity, else the document's kind. */
export function explainAt(uri: string, offset: number, index: WorkspaceIndex, graph: KnowledgeGraph): string | null {
	const file = index.getFile(uri);
	const at = file && nodeAt(file.manifest, offset);
	if (!at) return null;
	const resource = at.document.resource;
	if (at.scalar) {
		const value = String(at.scalar.value ?? '');
		const entity = pointedEntity({ at, pattern: pathPattern(at.path), value, resource, graph });
		if (entity) return entity.id;
		const byName = !at.isKey && at.path.length === 1 && at.path[0] === 'kind' ? graph.forKind(value) : graph.find(value);
		if (byName) return byName.id;
	}
	return (resource && graph.forKind(resource.kind)?.id) ?? null;
}
