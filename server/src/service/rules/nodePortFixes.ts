import type { ManifestDocument, NodePath } from '../manifest/types';
import type { WorkspaceIndex } from '../workspace/index';
import { insertFirstKeyEdit, removeKeyEdits, replaceValueEdit } from './serviceEdits';
import { readService } from './serviceSpec';
import type { Fix } from './types';

/** The node ports the Services of the workspace ask for: node ports are one pool for the whole cluster. */
function usedNodePorts(index: WorkspaceIndex): Set<number> {
	const used = new Set<number>();
	for (const service of index.ofKind('Service')) for (const port of readService(service.resource)?.ports ?? []) if (port.nodePort) used.add(port.nodePort);
	return used;
}

/** A node port in range that no Service of the workspace uses: the wanted one moved into the range (80 -> 30080), then the next free one. */
export function freeNodePort(index: WorkspaceIndex, range: { min: number; max: number }, wanted: number): number | undefined {
	const used = usedNodePorts(index);
	const span = range.max - range.min + 1;
	const start = range.min + (Math.abs(wanted) % span);
	for (let i = 0; i < span; i++) {
		const port = range.min + ((start - range.min + i) % span);
		if (!used.has(port)) return port;
	}
	return undefined;
}

/** Fixes of a nodePort outside the range: leave it to the cluster (preferred), or a free port in range. */
export function outOfRangeFixes(text: string, document: ManifestDocument, path: NodePath, free: number | undefined): Fix[] {
	const fixes: Fix[] = [];
	const remove = removeKeyEdits(text, document, path);
	if (remove) fixes.push({ title: { en: 'Remove nodePort (the cluster allocates one)', zh: '删除 nodePort（由集群分配）' }, preferred: true, edits: remove });
	const replace = free === undefined ? undefined : replaceValueEdit(document, path, String(free));
	if (replace) fixes.push({ title: { en: `Use nodePort ${free} (in range, unused in the workspace)`, zh: `改用 nodePort ${free}（在范围内，工作区中未被占用）` }, edits: [replace] });
	return fixes;
}

/** Changing the type to NodePort keeps the port: the written type, or a type inserted when none is written. */
export function typeFix(document: ManifestDocument, text: string, typeWritten: boolean): Fix[] {
	const edit = typeWritten ? replaceValueEdit(document, ['spec', 'type'], 'NodePort') : insertFirstKeyEdit(text, document, ['spec'], 'type: NodePort');
	return edit ? [{ title: { en: 'Change the type to NodePort', zh: '把类型改为 NodePort' }, edits: [edit] }] : [];
}
