import { entryMarkdown } from '../entryMarkdown';
import type { HoverContext, HoverPart } from '../hoverContext';
import type { Entity } from '../../knowledge/types';

const IMAGE = /(^|\.)(containers|initContainers|ephemeralContainers)\[\]\.image$/;
const VOLUME_SOURCE_PARENT = /(^spec|volumes\[\])$/;

/** Values (and a few keys) that point at a knowledge entity: types, modes, provisioners, images... */
export const valueHover: HoverPart = (c) => {
	const entity = pointedEntity(c);
	return entity ? entryMarkdown(entity, c.graph, c.settings.language) : undefined;
};

/** The entity a value (or a few keys) points at. */
export function pointedEntity(c: Pick<HoverContext, 'at' | 'pattern' | 'value' | 'resource' | 'graph'>): Entity | undefined {
	const { graph, pattern, value } = c;
	const kind = c.resource?.kind;
	if (c.at.isKey) {
		// annotation keys: `cni.projectcalico.org/ipAddrs`
		if (pattern.startsWith('metadata.annotations.') || /\.template\.metadata\.annotations\./.test(pattern)) return graph.forAnnotation(value);
		// volume source keys: `nfs:`, `hostPath:`, `awsElasticBlockStore:`
		const parent = pattern.slice(0, pattern.length - value.length - 1);
		if (VOLUME_SOURCE_PARENT.test(parent) && (kind === 'PersistentVolume' || parent.endsWith('volumes[]'))) return graph.forVolumeSource(value);
		return undefined;
	}
	if (IMAGE.test(pattern)) return graph.forImage(value);
	if (kind === 'StorageClass' && pattern === 'provisioner') return graph.forProvisioner(value);
	if (pattern.endsWith('csi.driver')) return graph.forProvisioner(value);
	if (kind === 'RuntimeClass' && pattern === 'handler') return graph.forRuntimeHandler(value);
	if (pattern.endsWith('annotations.volume.beta.kubernetes.io/storage-provisioner')) return graph.forProvisioner(value);
	return graph.forValue(pattern, value, kind)[0] ?? graph.forValue(pattern.replace(/^spec\.template\./, ''), value, kind)[0];
}
