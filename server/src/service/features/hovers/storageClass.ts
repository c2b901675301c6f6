import { format, t } from '../../l10n/text';
import { provisionerOf, pvFacts } from '../../storage/volumes';
import { entryMarkdown } from '../entryMarkdown';
import type { HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';
import { code, factsRow, notFoundMarkdown, resourceLabel, resourceWithLink } from './resources';

/** `storageClassName: fast`: the StorageClass found in the workspace and the driver behind it. */
export const storageClassHover: HoverPart = (c) => {
	if (c.at.isKey || !c.scope || !/(^|\.)storageClassName$/.test(c.pattern)) return undefined;
	const language = c.settings.language;
	if (c.value === '') return `#### StorageClass ${code('""')}\n\n${t(HOVER_TEXT.noClass, language)}`;
	const storageClass = c.scope.clusterScoped('StorageClass', c.value)[0];
	if (!storageClass) {
		const parts = [`#### StorageClass ${code(c.value)}`, notFoundMarkdown('StorageClass', c.value, c.scope, c.settings, { clusterScoped: true, known: c.settings.storageClasses.includes(c.value) })];
		const volumes = c.scope.clusterScoped('PersistentVolume').filter((pv) => pvFacts(pv.resource).storageClass === c.value);
		if (volumes.length) parts.push(format(t(HOVER_TEXT.staticClassPvs, language), volumes.slice(0, 5).map((pv) => resourceLabel(pv).replace(/^PersistentVolume /, '')).join(', ')));
		return parts.join('\n\n');
	}
	const value = storageClass.resource.value;
	const provisioner = provisionerOf(storageClass);
	const parts = [
		`#### ${resourceWithLink(storageClass, c)}`,
		factsRow([
			[t(HOVER_TEXT.provisioner, language), provisioner && code(provisioner)],
			[t(HOVER_TEXT.reclaimPolicy, language), typeof value.reclaimPolicy === 'string' ? value.reclaimPolicy : 'Delete'],
			[t(HOVER_TEXT.bindingMode, language), typeof value.volumeBindingMode === 'string' ? value.volumeBindingMode : 'Immediate'],
		]),
	];
	const driver = provisioner ? (c.graph.forProvisioner(provisioner) ?? c.graph.inTreePlugin(provisioner)) : undefined;
	if (driver) parts.push(entryMarkdown(driver, c.graph, language, { heading: `${t(HOVER_TEXT.provisioner, language)} ${code(provisioner!)}`, focus: provisioner }));
	return parts.join('\n\n');
};
