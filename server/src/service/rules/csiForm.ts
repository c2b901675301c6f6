import type { Entity } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import { pairAtPath } from '../manifest/nodes';
import type { ManifestDocument, NodePath } from '../manifest/types';
import { yamlString } from './serviceEdits';
import type { Fix } from './types';

/**
 * The CSI form of an in-tree PersistentVolume source, where the knowledge says which field becomes
 * the volume handle (`csiVolumeHandle`): `awsElasticBlockStore: { volumeID }` -> `csi: { driver, volumeHandle }`,
 * keeping fsType and readOnly. Written in flow style, so it fits any indentation.
 */
export function csiFormFix(document: ManifestDocument, path: NodePath, entity: Entity, csiDriver: string, source: unknown): Fix | undefined {
	const handleKey = entity.facts.csiVolumeHandle;
	if (typeof handleKey !== 'string' || !isRecord(source)) return undefined;
	const raw = source[handleKey];
	if (typeof raw !== 'string' || !raw) return undefined;
	// `aws://us-east-1a/vol-0abc` is the in-tree spelling of an EBS volume ID; the driver wants `vol-0abc`.
	const handle = raw.replace(/^aws:\/\/[^/]*\//, '');
	const pair = pairAtPath(document, path);
	const start = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
	const end = (pair?.value as { range?: number[] } | undefined)?.range?.[1];
	if (start === undefined || end === undefined) return undefined;
	const fields = [`driver: ${yamlString(csiDriver)}`, `volumeHandle: ${yamlString(handle)}`];
	if (typeof source.fsType === 'string') fields.push(`fsType: ${yamlString(source.fsType)}`);
	if (source.readOnly === true) fields.push('readOnly: true');
	const text = document.text.slice(start, end);
	return {
		title: { en: `Use the CSI form: csi.driver ${csiDriver}, volumeHandle ${handle}`, zh: `改用 CSI 写法：csi.driver ${csiDriver}，volumeHandle ${handle}` },
		edits: [{ start: document.start + start, end: document.start + start + text.trimEnd().length, newText: `csi: { ${fields.join(', ')} }` }],
	};
}
