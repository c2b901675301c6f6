import { matchSelector } from '../workspace/selectors';
import type { Localized } from '../knowledge/types';
import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import type { IndexedResource } from '../workspace/index';
import type { Scope } from '../workspace/scope';
import { parseQuantity } from './quantity';
import { accessModesOf, claimClassOf, NO_PROVISIONER, provisionerOf, pvFacts, quantityText, volumeModeOf, type PvFacts } from './volumes';

/** The binding criteria (the PV controller's checks), in the order a candidate is checked. */
export type Criterion = 'capacity' | 'accessModes' | 'storageClass' | 'volumeMode' | 'selector' | 'claimRef';

/** What binding compares on the claim side, read once for all candidate PVs. */
export interface ClaimToBind {
	name: string;
	namespace: string;
	/** The class as written (the legacy annotation first): undefined when unset, "" for static binding only. */
	className?: string;
	/** The class compared with PVs: the written one, else the default; undefined when the cluster decides (not compared). */
	storageClass?: string;
	/** Set when the claim names its PV: the selector is then ignored. */
	volumeName?: string;
	selector?: Record<string, unknown>;
	/** The storage request as written, and in bytes when it parses. */
	request?: { text: string; bytes?: number };
	accessModes: string[];
	volumeMode: string;
}

/** Reads a claim spec (a PVC's, or a template's) for binding; `defaultClass` stands in when it names no class. */
export function claimToBind(name: string, namespace: string, claim: { spec: Record<string, unknown>; annotations: Record<string, string> }, defaultClass?: string): ClaimToBind {
	const { spec } = claim;
	const className = claimClassOf(claim);
	const requests = isRecord(spec.resources) && isRecord(spec.resources.requests) ? spec.resources.requests : {};
	const request = quantityText(requests.storage);
	return {
		name,
		namespace,
		className,
		storageClass: className ?? defaultClass,
		volumeName: typeof spec.volumeName === 'string' && spec.volumeName ? spec.volumeName : undefined,
		selector: isRecord(spec.selector) ? spec.selector : undefined,
		request: request === undefined ? undefined : { text: request, bytes: parseQuantity(request)?.value },
		accessModes: accessModesOf(spec),
		volumeMode: volumeModeOf(spec),
	};
}

/** True when the PV's claimRef pre-binds it to this claim (a claimRef without namespace is taken as the claim's). */
function reservedFor(pv: PvFacts, claim: ClaimToBind): boolean {
	const ref = pv.claimRef;
	return !!ref?.name && ref.name === claim.name && (!ref.namespace || ref.namespace === claim.namespace);
}

/**
 * The first criterion on which a PV fails a claim, or undefined when it can bind, as the PV controller
 * checks: a PV whose claimRef names the claim skips the class and selector checks, and binds without any
 * check when the claim names it by volumeName too. What cannot be read (an unparsable size) does not fail.
 */
export function firstFailure(claim: ClaimToBind, pv: PvFacts): Criterion | undefined {
	const reserved = reservedFor(pv, claim);
	if (reserved && claim.volumeName === pv.name) return undefined;
	const requested = claim.request?.bytes;
	if (requested !== undefined && pv.capacity !== undefined && pv.capacity < requested) return 'capacity';
	if (!claim.accessModes.every((mode) => pv.accessModes.includes(mode))) return 'accessModes';
	if (!reserved && claim.storageClass !== undefined && pv.storageClass !== claim.storageClass) return 'storageClass';
	if (pv.volumeMode !== claim.volumeMode) return 'volumeMode';
	// a claim that names its volume is not matched by selector
	if (!reserved && !claim.volumeName && claim.selector && !matchSelector(claim.selector, pv.labels)) return 'selector';
	if (pv.claimRef && !reserved) return 'claimRef';
	return undefined;
}

/** Why a PV cannot take a claim: the failing criterion, what each side says, and where the PV says it. */
export interface BindingFailure {
	criterion: Criterion;
	/** What the claim asks, as text ("10Gi", "ReadWriteOnce", "\"fast\""...). */
	claim: string;
	/** What the PV has, as text; "" when it lists nothing. */
	volume: string;
	pvPath: NodePath;
	/** True when `pvPath` points at a key rather than a value. */
	key?: boolean;
}

interface CriterionDetails {
	pvPath: NodePath;
	key?: boolean;
	/** What the claim asks and what the PV has. */
	sides: (claim: ClaimToBind, pv: PvFacts) => [string, string];
	/** The criterion's name, for "name: the claim asks X, the volume has Y". */
	name: Localized;
	/** The failure as a sentence about the PV, filled with what the PV has ({0}) and what the claim asks ({1}). */
	reason: Localized;
}

const DETAILS: Record<Criterion, CriterionDetails> = {
	capacity: {
		pvPath: ['spec', 'capacity', 'storage'],
		sides: (claim, pv) => [claim.request?.text ?? '', pv.capacityText ?? ''],
		name: { en: 'capacity', zh: '容量' },
		reason: { en: 'capacity {0} is less than the {1} requested', zh: '容量 {0} 小于申请的 {1}' },
	},
	accessModes: {
		pvPath: ['spec', 'accessModes'],
		sides: (claim, pv) => [claim.accessModes.join(', '), pv.accessModes.join(', ')],
		name: { en: 'access modes', zh: '访问模式' },
		reason: { en: 'access modes [{0}] do not include [{1}]', zh: '访问模式 [{0}] 不包含 [{1}]' },
	},
	storageClass: {
		pvPath: ['spec', 'storageClassName'],
		sides: (claim, pv) => [`"${claim.storageClass ?? ''}"`, `"${pv.storageClass}"`],
		name: { en: 'storage class', zh: '存储类' },
		reason: { en: "class {0} is not the claim's {1}", zh: '存储类 {0} 与申领的 {1} 不同' },
	},
	volumeMode: {
		pvPath: ['spec', 'volumeMode'],
		sides: (claim, pv) => [claim.volumeMode, pv.volumeMode],
		name: { en: 'volume mode', zh: '卷模式' },
		reason: { en: "volumeMode {0} is not the claim's {1}", zh: 'volumeMode {0} 与申领的 {1} 不同' },
	},
	selector: {
		pvPath: ['metadata', 'labels'],
		key: true,
		sides: (claim, pv) => [JSON.stringify(claim.selector), JSON.stringify(pv.labels)],
		name: { en: 'selector', zh: '选择算符' },
		reason: { en: "its labels do not match the claim's selector", zh: '标签不匹配申领的 selector' },
	},
	claimRef: {
		pvPath: ['spec', 'claimRef'],
		key: true,
		sides: (claim, pv) => [`${claim.namespace}/${claim.name}`, `${pv.claimRef?.namespace ?? '?'}/${pv.claimRef?.name ?? '?'}`],
		name: { en: 'claimRef (reserved for another claim)', zh: 'claimRef（已为其他声明预留）' },
		reason: { en: 'it is reserved for claim {0}', zh: '已预留给申领 {0}' },
	},
};

/** The details of a failing criterion. */
export function bindingFailure(criterion: Criterion, claim: ClaimToBind, pv: PvFacts): BindingFailure {
	const { pvPath, key, sides } = DETAILS[criterion];
	const [claimSide, volumeSide] = sides(claim, pv);
	return { criterion, claim: claimSide, volume: volumeSide, pvPath, ...(key ? { key } : {}) };
}

/** A failure set against the claim: "capacity: the claim asks 10Gi, the volume has 5Gi". */
export function describeFailure(f: BindingFailure): Localized {
	const { name } = DETAILS[f.criterion];
	const volume = f.volume || '-';
	return { en: `${name.en}: the claim asks ${f.claim}, the volume has ${volume}`, zh: `${name.zh}：声明要求 ${f.claim}，卷提供 ${volume}` };
}

/** A failure as a sentence about the PV: "capacity 5Gi is less than the 10Gi requested". */
export function failureReason(f: BindingFailure): Localized {
	return both(DETAILS[f.criterion].reason, f.volume, f.claim);
}

/** A candidate PV and its first failing criterion (none when it fits). */
export interface CandidateCheck {
	pv: IndexedResource;
	failure?: BindingFailure;
}

/** Each PV checked against the claim, in order. */
export function checkCandidates(claim: ClaimToBind, pvs: IndexedResource[]): CandidateCheck[] {
	return pvs.map((pv) => {
		const facts = pvFacts(pv.resource);
		const criterion = firstFailure(claim, facts);
		return criterion ? { pv, failure: bindingFailure(criterion, claim, facts) } : { pv };
	});
}

/** How a claim binds, as far as the workspace tells. */
export type ClaimBinding =
	| { kind: 'volumeName'; volumeName: string; pv?: IndexedResource; failure?: BindingFailure }
	| { kind: 'claimRef' | 'match'; pv: IndexedResource; candidates: CandidateCheck[] }
	| { kind: 'dynamic'; className: string; storageClass?: IndexedResource; candidates: CandidateCheck[] }
	| { kind: 'unknownClass'; className: string; candidates: CandidateCheck[] }
	| { kind: 'unknownDefault'; candidates: CandidateCheck[] }
	| { kind: 'unbindable'; reason: 'emptyClass' | 'noProvisioner' | 'selector'; className: string; candidates: CandidateCheck[] };

/**
 * How a claim binds: to the PV its volumeName names, to a PV reserved for it or fitting it (the
 * smallest), to a volume its StorageClass provisions, or not at all, with each candidate PV's
 * first failing criterion. `knownClasses` are classes the cluster profile says exist.
 */
export function bindingOf(claim: ClaimToBind, scope: Scope, knownClasses: string[] = []): ClaimBinding {
	if (claim.volumeName) {
		const pv = scope.clusterScoped('PersistentVolume', claim.volumeName)[0];
		return { kind: 'volumeName', volumeName: claim.volumeName, pv, failure: pv && checkCandidates(claim, [pv])[0].failure };
	}
	const candidates = checkCandidates(claim, scope.clusterScoped('PersistentVolume'));
	const fitting = candidates.filter((c) => !c.failure);
	const reserved = fitting.find((c) => pvFacts(c.pv.resource).claimRef?.name === claim.name);
	if (reserved) return { kind: 'claimRef', pv: reserved.pv, candidates };
	if (fitting.length) {
		const size = (c: CandidateCheck) => pvFacts(c.pv.resource).capacity ?? Infinity;
		return { kind: 'match', pv: fitting.reduce((a, b) => (size(b) < size(a) ? b : a)).pv, candidates };
	}
	const className = claim.storageClass ?? '';
	if (claim.className === '') return { kind: 'unbindable', reason: 'emptyClass', className, candidates };
	if (claim.selector) return { kind: 'unbindable', reason: 'selector', className, candidates };
	if (!className) return { kind: 'unknownDefault', candidates };
	const storageClass = scope.clusterScoped('StorageClass', className)[0];
	if (storageClass && provisionerOf(storageClass) === NO_PROVISIONER) return { kind: 'unbindable', reason: 'noProvisioner', className, candidates };
	if (storageClass || knownClasses.includes(className)) return { kind: 'dynamic', className, storageClass, candidates };
	return { kind: 'unknownClass', className, candidates };
}
