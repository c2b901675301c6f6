import type { Localized } from '../knowledge/types';
import { isRecord } from '../manifest/parse';
import type { Resource } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import type { Scope } from '../workspace/scope';
import { matchSelector } from './selectors';

/** What a claim asks of a volume, read from a PersistentVolumeClaim (or a claim template's spec). */
export interface ClaimNeeds {
	name: string;
	namespace: string;
	/** Written class; undefined when absent (the default class applies), "" for static only. */
	storageClassName?: string;
	accessModes: string[];
	volumeMode: string;
	request?: string;
	selector?: Record<string, unknown>;
	volumeName?: string;
}

/** What a PersistentVolume offers. */
export interface VolumeOffer {
	name: string;
	capacity?: string;
	accessModes: string[];
	storageClassName: string;
	volumeMode: string;
	labels: Record<string, string>;
	claimRef?: { name?: string; namespace?: string };
}

/** The binding criteria, in the order a candidate is checked. */
export const BINDING_CRITERIA = ['capacity', 'accessModes', 'storageClass', 'volumeMode', 'selector', 'claimRef'] as const;
export type BindingCriterion = (typeof BINDING_CRITERIA)[number];

/** Why a PV cannot take a claim: the first criterion that fails, with what each side says. */
export interface BindingFailure {
	criterion: BindingCriterion;
	claim: string;
	volume: string;
}

/** A candidate PV and its first failing criterion (none when it fits). */
export interface CandidateCheck {
	pv: IndexedResource;
	failure?: BindingFailure;
}

/** Reads a claim; `namespace` is where it lands (its own, else the default). */
export function claimNeeds(resource: Resource, namespace: string): ClaimNeeds {
	const spec = isRecord(resource.value.spec) ? resource.value.spec : {};
	const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
	const legacyClass = resource.annotations['volume.beta.kubernetes.io/storage-class'];
	return {
		name: resource.name ?? '',
		namespace,
		storageClassName: typeof spec.storageClassName === 'string' ? spec.storageClassName : legacyClass,
		accessModes: strings(spec.accessModes),
		volumeMode: typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem',
		request: quantityText(requests.storage),
		selector: isRecord(spec.selector) ? spec.selector : undefined,
		volumeName: typeof spec.volumeName === 'string' && spec.volumeName ? spec.volumeName : undefined,
	};
}

/** Reads a PersistentVolume. */
export function volumeOffer(resource: Resource): VolumeOffer {
	const spec = isRecord(resource.value.spec) ? resource.value.spec : {};
	const capacity = isRecord(spec.capacity) ? spec.capacity : {};
	const claimRef = isRecord(spec.claimRef) ? spec.claimRef : undefined;
	return {
		name: resource.name ?? '',
		capacity: quantityText(capacity.storage),
		accessModes: strings(spec.accessModes),
		storageClassName: typeof spec.storageClassName === 'string' ? spec.storageClassName : (resource.annotations['volume.beta.kubernetes.io/storage-class'] ?? ''),
		volumeMode: typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem',
		labels: resource.labels,
		claimRef: claimRef && { name: typeof claimRef.name === 'string' ? claimRef.name : undefined, namespace: typeof claimRef.namespace === 'string' ? claimRef.namespace : undefined },
	};
}

/**
 * The first criterion on which a PV fails a claim, or undefined when it fits, as the PV
 * controller checks: a PV whose claimRef already names the claim skips the class and selector
 * checks, and binds without any check when the claim names it by volumeName too. `className`
 * is the claim's effective class (the default class applied). What cannot be read (an
 * unparsable size) does not fail.
 */
export function firstFailure(claim: ClaimNeeds, volume: VolumeOffer, className: string): BindingFailure | undefined {
	const ref = volume.claimRef;
	const reserved = !!ref?.name && ref.name === claim.name && (ref.namespace === undefined || ref.namespace === claim.namespace);
	if (reserved && claim.volumeName === volume.name) return undefined;
	for (const criterion of BINDING_CRITERIA) {
		const failure = check(criterion, claim, volume, className, reserved);
		if (failure) return failure;
	}
	return undefined;
}

function check(criterion: BindingCriterion, claim: ClaimNeeds, volume: VolumeOffer, className: string, reserved: boolean): BindingFailure | undefined {
	switch (criterion) {
		case 'capacity': {
			const need = parseQuantity(claim.request);
			const has = parseQuantity(volume.capacity);
			return need !== undefined && has !== undefined && has < need ? { criterion, claim: claim.request!, volume: volume.capacity! } : undefined;
		}
		case 'accessModes':
			return claim.accessModes.every((m) => volume.accessModes.includes(m)) ? undefined : { criterion, claim: claim.accessModes.join(', '), volume: volume.accessModes.join(', ') || '-' };
		case 'storageClass':
			return reserved || volume.storageClassName === className ? undefined : { criterion, claim: `"${className}"`, volume: `"${volume.storageClassName}"` };
		case 'volumeMode':
			return volume.volumeMode === claim.volumeMode ? undefined : { criterion, claim: claim.volumeMode, volume: volume.volumeMode };
		case 'selector':
			// a claim that names its volume is not matched by selector
			return reserved || claim.volumeName || !claim.selector || matchSelector(claim.selector, volume.labels) ? undefined : { criterion, claim: JSON.stringify(claim.selector), volume: JSON.stringify(volume.labels) };
		case 'claimRef':
			return !volume.claimRef?.name || reserved ? undefined : { criterion, claim: `${claim.namespace}/${claim.name}`, volume: `${volume.claimRef?.namespace ?? '?'}/${volume.claimRef?.name}` };
	}
}

/** A failure in words: "capacity: the claim asks 10Gi, the volume has 5Gi". */
export function describeFailure(f: BindingFailure): Localized {
	const names: Record<BindingCriterion, Localized> = {
		capacity: { en: 'capacity', zh: '容量' },
		accessModes: { en: 'access modes', zh: '访问模式' },
		storageClass: { en: 'storage class', zh: '存储类' },
		volumeMode: { en: 'volume mode', zh: '卷模式' },
		selector: { en: 'selector', zh: '选择器' },
		claimRef: { en: 'claimRef (reserved for another claim)', zh: 'claimRef（已为其他声明预留）' },
	};
	return {
		en: `${names[f.criterion].en}: the claim asks ${f.claim}, the volume has ${f.volume}`,
		zh: `${names[f.criterion].zh}：声明要求 ${f.claim}，卷提供 ${f.volume}`,
	};
}

/** How a claim binds, as far as the workspace tells. */
export type ClaimBinding =
	| { kind: 'volumeName'; volumeName: string; pv?: IndexedResource; failure?: BindingFailure }
	| { kind: 'claimRef' | 'match'; pv: IndexedResource; candidates: CandidateCheck[] }
	| { kind: 'dynamic'; className: string; storageClass?: IndexedResource; candidates: CandidateCheck[] }
	| { kind: 'unknownClass'; className: string; candidates: CandidateCheck[] }
	| { kind: 'unknownDefault'; candidates: CandidateCheck[] }
	| { kind: 'unbindable'; reason: 'emptyClass' | 'noProvisioner' | 'selector'; className: string; candidates: CandidateCheck[] };

/** The provisioner of a class that only binds pre-made volumes. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/**
 * How a claim binds: to the PV its volumeName names, to a PV reserved for it or fitting it (the
 * smallest), to a volume its StorageClass provisions, or not at all, with each candidate PV's
 * first failing criterion. `knownClasses` are classes the cluster profile says exist.
 */
export function bindingOf(claim: IndexedResource, scope: Scope, knownClasses: string[] = []): ClaimBinding {
	const needs = claimNeeds(claim.resource, scope.namespace);
	const defaults = defaultStorageClasses(scope);
	const className = needs.storageClassName ?? defaults[0]?.resource.name ?? '';
	if (needs.volumeName) {
		const pv = scope.clusterScoped('PersistentVolume', needs.volumeName)[0];
		return { kind: 'volumeName', volumeName: needs.volumeName, pv, failure: pv && firstFailure(needs, volumeOffer(pv.resource), className) };
	}
	const candidates = scope.clusterScoped('PersistentVolume').map((pv) => ({ pv, failure: firstFailure(needs, volumeOffer(pv.resource), className) }));
	const fitting = candidates.filter((c) => !c.failure);
	const reserved = fitting.find((c) => volumeOffer(c.pv.resource).claimRef?.name === needs.name);
	if (reserved) return { kind: 'claimRef', pv: reserved.pv, candidates };
	if (fitting.length) {
		const size = (c: CandidateCheck) => parseQuantity(volumeOffer(c.pv.resource).capacity) ?? Infinity;
		return { kind: 'match', pv: fitting.reduce((a, b) => (size(b) < size(a) ? b : a)).pv, candidates };
	}
	if (needs.storageClassName === '') return { kind: 'unbindable', reason: 'emptyClass', className, candidates };
	if (needs.selector) return { kind: 'unbindable', reason: 'selector', className, candidates };
	if (!className) return { kind: 'unknownDefault', candidates };
	const storageClass = scope.clusterScoped('StorageClass', className)[0];
	if (storageClass?.resource.value.provisioner === NO_PROVISIONER) return { kind: 'unbindable', reason: 'noProvisioner', className, candidates };
	if (storageClass || knownClasses.includes(className)) return { kind: 'dynamic', className, storageClass, candidates };
	return { kind: 'unknownClass', className, candidates };
}

/** The StorageClasses of the scope marked as the default class. */
export function defaultStorageClasses(scope: Scope): IndexedResource[] {
	return scope.clusterScoped('StorageClass').filter((e) => /^true$/i.test(e.resource.annotations['storageclass.kubernetes.io/is-default-class'] ?? e.resource.annotations['storageclass.beta.kubernetes.io/is-default-class'] ?? ''));
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity ("10Gi", "500M", "1e3") as a number, or undefined when it is not one. */
export function parseQuantity(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const match = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
	if (!match) return undefined;
	const number = Number(match[1]);
	if (match[3] !== undefined) return number * 10 ** Number(match[3]);
	const suffix = match[2] ?? '';
	return number * (BINARY[suffix] ?? DECIMAL[suffix]);
}

function quantityText(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
