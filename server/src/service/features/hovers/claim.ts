import { KnowledgeGraph } from '../../knowledge/graph';
import type { Entity, Language } from '../../knowledge/types';
import { boldLabel, format, LABELS, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import { bindingOf, claimToBind, describeFailure, type CandidateCheck, type ClaimBinding } from '../../storage/binding';
import { defaultStorageClasses, provisionerOf } from '../../storage/volumes';
import type { IndexedResource } from '../../workspace/index';
import { Scope } from '../../workspace/scope';
import { entryLink } from '../entryMarkdown';
import type { HoverContext, HoverPart } from '../hoverContext';
import { HOVER_TEXT } from './labels';
import { code, factsRow, notFoundMarkdown, resourceLabel, resourceWithLink } from './resources';

const CLAIM_NAME = /(^|\.)volumes\[\]\.persistentVolumeClaim\.claimName$/;
const CANDIDATE_LIMIT = 5;

/** `claimName: data` (and a claim's own `volumeName`): the PVC and how it binds. */
export const claimHover: HoverPart = (c) => {
	if (c.at.isKey || !c.resource || !c.scope || !c.entry) return undefined;
	let claim: IndexedResource | undefined;
	if (CLAIM_NAME.test(c.pattern)) {
		claim = c.scope.named('PersistentVolumeClaim', c.value)[0];
		if (!claim) return `#### PersistentVolumeClaim ${code(c.value)}\n\n${notFoundMarkdown('PersistentVolumeClaim', c.value, c.scope, c.settings)}`;
	} else if (c.resource.kind === 'PersistentVolumeClaim' && c.pattern === 'spec.volumeName') {
		claim = c.entry;
	} else {
		return undefined;
	}
	return claimMarkdown(claim, c);
};

function claimMarkdown(claim: IndexedResource, c: HoverContext): string {
	const language = c.settings.language;
	const scope = c.scope?.entry === claim ? c.scope : new Scope(c.index, claim, c.settings);
	const spec = isRecord(claim.resource.value.spec) ? claim.resource.value.spec : {};
	// Without a default class in the workspace, an unnamed class binds like "" (a cluster with no default).
	const defaultClass = defaultStorageClasses(scope, c.graph)[0]?.resource.name ?? '';
	const needs = claimToBind(claim.resource.name ?? '', scope.namespace, { spec, annotations: claim.resource.annotations }, defaultClass);
	const binding = bindingOf(needs, scope, c.settings.storageClasses);
	const parts = [`#### ${resourceWithLink(claim, c)}`];
	parts.push(
		factsRow([
			[t(HOVER_TEXT.request, language), needs.request && code(needs.request.text)],
			[t(HOVER_TEXT.accessModes, language), needs.accessModes.join(', ')],
			[t(HOVER_TEXT.storageClass, language), needs.className === '' ? t(HOVER_TEXT.noClass, language) : needs.storageClass && `${code(needs.storageClass)}${needs.className === undefined ? ` ${t(HOVER_TEXT.defaultClass, language)}` : ''}`],
			[t(HOVER_TEXT.volumeMode, language), needs.volumeMode !== 'Filesystem' ? needs.volumeMode : undefined],
		]),
	);
	parts.push(bindingMarkdown(binding, c));
	const related = [c.graph.forKind('PersistentVolumeClaim'), driverEntity(binding, c)].filter((e): e is Entity => !!e);
	if (related.length) parts.push(`${boldLabel(LABELS.related, language)} ${related.map((e) => entryLink(e.id, KnowledgeGraph.text(e.title, language))).join(' · ')}`);
	return parts.filter(Boolean).join('\n\n');
}

/** The binding in a sentence, with each candidate's first failing criterion when it cannot bind. */
export function bindingMarkdown(binding: ClaimBinding, c: Pick<HoverContext, 'index' | 'file' | 'settings' | 'scope'>): string {
	const language = c.settings.language;
	const pv = (entry: IndexedResource) => resourceWithLink(entry, c).replace(/^PersistentVolume /, '');
	switch (binding.kind) {
		case 'volumeName':
			if (!binding.pv) return format(t(HOVER_TEXT.volumeNameMissing, language), binding.volumeName.replace(/`/g, "'"));
			if (binding.failure) return format(t(HOVER_TEXT.volumeNameFails, language), pv(binding.pv), t(describeFailure(binding.failure), language));
			return format(t(HOVER_TEXT.bindsByName, language), pv(binding.pv));
		case 'claimRef':
			return format(t(HOVER_TEXT.bindsByClaimRef, language), pv(binding.pv));
		case 'match':
			return format(t(HOVER_TEXT.bindsByMatch, language), pv(binding.pv));
		case 'dynamic': {
			const provisioner = binding.storageClass && provisionerOf(binding.storageClass);
			const by = provisioner !== undefined ? ` (${t(HOVER_TEXT.provisioner, language)} ${code(provisioner)})` : '';
			const label = binding.storageClass ? resourceWithLink(binding.storageClass, c).replace(/^StorageClass /, '') : code(binding.className);
			return format(t(HOVER_TEXT.dynamic, language), label, by) + (binding.storageClass ? '' : ` ${t(HOVER_TEXT.knownToCluster, language)}`);
		}
		case 'unknownClass':
			return format(t(HOVER_TEXT.dynamicUnknown, language), binding.className.replace(/`/g, "'")) + candidateList(binding.candidates, language);
		case 'unknownDefault':
			return t(HOVER_TEXT.defaultUnknown, language) + candidateList(binding.candidates, language);
		case 'unbindable': {
			const why =
				binding.reason === 'emptyClass'
					? t(HOVER_TEXT.staticBecause, language)
					: binding.reason === 'noProvisioner'
						? format(t(HOVER_TEXT.staticNoProvisioner, language), binding.className)
						: t(HOVER_TEXT.staticSelector, language);
			const partial = c.scope?.hasPartial ? ` ${t(HOVER_TEXT.partialScope, language)}` : '';
			return `**${format(t(HOVER_TEXT.cannotBind, language), why)}**${partial}` + candidateList(binding.candidates, language);
		}
	}
}

function candidateList(candidates: CandidateCheck[], language: Language): string {
	if (candidates.length === 0) return ` (${t(HOVER_TEXT.noVolumes, language)})`;
	const lines = candidates.slice(0, CANDIDATE_LIMIT).map((k) => `- ${resourceLabel(k.pv).replace(/^PersistentVolume /, '')}: ${k.failure ? t(describeFailure(k.failure), language).replace(/[*_`[\]]/g, '\\$&') : '✓'}`);
	return `\n\n${lines.join('\n')}${candidates.length > CANDIDATE_LIMIT ? `\n- … +${candidates.length - CANDIDATE_LIMIT}` : ''}`;
}

/** The CSI driver or volume plugin entity behind the class that provisions the claim. */
function driverEntity(binding: ClaimBinding, c: HoverContext): Entity | undefined {
	if (binding.kind !== 'dynamic') return undefined;
	const provisioner = binding.storageClass && provisionerOf(binding.storageClass);
	return provisioner !== undefined ? (c.graph.forProvisioner(provisioner) ?? c.graph.inTreePlugin(provisioner)) : undefined;
}
