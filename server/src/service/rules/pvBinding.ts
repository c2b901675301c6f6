import type { Localized } from '../knowledge/types';
import { both } from '../l10n/text';
import type { NodePath } from '../manifest/types';
import { matchSelector } from '../features/selectors';
import { parseQuantity } from './quantity';
import { valueAt } from './podSpec';
import { accessModesOf, volumeModeOf, type PvFacts } from './storageObjects';

/** The binding criteria, in the order a PV is checked against a claim. */
export type Criterion = 'capacity' | 'access modes' | 'class' | 'volume mode' | 'selector' | 'claimRef';

/** What binding compares on the claim side. */
export interface ClaimToBind {
	name: string;
	namespace: string;
	spec: Record<string, unknown>;
	/** The class the claim ends up with; undefined when it depends on the cluster's default. */
	storageClass?: string;
	/** Set when the claim names its PV: the selector is then ignored. */
	volumeName?: string;
	selector?: Record<string, unknown>;
	/** Read from `spec` once by `claimToBind`. */
	requested?: { bytes: number; text: string };
	accessModes: string[];
	volumeMode: string;
}

/** The claim side of binding, read once for all candidate PVs. */
export function claimToBind(claim: Omit<ClaimToBind, 'requested' | 'accessModes' | 'volumeMode'>): ClaimToBind {
	return { ...claim, requested: requestedBytes(claim.spec), accessModes: accessModesOf(claim.spec), volumeMode: volumeModeOf(claim.spec) };
}

/** What a message says about a failure: the sentence and where the PV says so. */
export interface FailureDetail {
	reason: Localized;
	pvPath: NodePath;
	/** True when `pvPath` points at a key rather than a value. */
	key?: boolean;
}

const R: Record<Criterion, Localized> = {
	capacity: { en: 'capacity {0} is less than the {1} requested', zh: '容量 {0} 小于申请的 {1}' },
	'access modes': { en: 'access modes [{0}] do not include [{1}]', zh: '访问模式 [{0}] 不包含 [{1}]' },
	class: { en: 'class "{0}" is not the claim\'s "{1}"', zh: '存储类 "{0}" 与申领的 "{1}" 不同' },
	'volume mode': { en: 'volumeMode {0} is not the claim\'s {1}', zh: 'volumeMode {0} 与申领的 {1} 不同' },
	selector: { en: 'its labels do not match the claim\'s selector', zh: '标签不匹配申领的 selector' },
	claimRef: { en: 'it is reserved for claim {0}', zh: '已预留给申领 {0}' },
};

/** The storage a claim requests in bytes, or undefined. */
function requestedBytes(spec: Record<string, unknown>): { bytes: number; text: string } | undefined {
	const value = valueAt(spec, ['resources', 'requests', 'storage']);
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const parsed = parseQuantity(String(value));
	return parsed ? { bytes: parsed.value, text: String(value) } : undefined;
}

/** The first criterion a PV fails for a claim (the PV controller's checks), or undefined when it can bind. */
export function firstFailure(pv: PvFacts, claim: ClaimToBind): Criterion | undefined {
	const ref = pv.claimRef;
	const reservedForThis = !!ref && ref.name === claim.name && (!ref.namespace || ref.namespace === claim.namespace);
	// A claim naming a PV that is already reserved for it binds without further checks.
	if (claim.volumeName && reservedForThis) return undefined;
	if (claim.requested && pv.capacity !== undefined && pv.capacity < claim.requested.bytes) return 'capacity';
	for (const mode of claim.accessModes) if (!pv.accessModes.includes(mode)) return 'access modes';
	if (!reservedForThis && claim.storageClass !== undefined && pv.storageClass !== claim.storageClass) return 'class';
	if (pv.volumeMode !== claim.volumeMode) return 'volume mode';
	if (!reservedForThis && !claim.volumeName && claim.selector && !matchSelector(claim.selector, pv.labels)) return 'selector';
	if (ref && !reservedForThis) return 'claimRef';
	return undefined;
}

/** The sentence for a failure ("capacity 5Gi is less than the 10Gi requested") and the PV field it is about. */
export function failureDetail(criterion: Criterion, pv: PvFacts, claim: ClaimToBind): FailureDetail {
	const text = (...values: string[]) => both(R[criterion], ...values);
	switch (criterion) {
		case 'capacity':
			return { reason: text(pv.capacityText ?? '', claim.requested?.text ?? ''), pvPath: ['spec', 'capacity', 'storage'] };
		case 'access modes':
			return { reason: text(pv.accessModes.join(', '), claim.accessModes.join(', ')), pvPath: ['spec', 'accessModes'] };
		case 'class':
			return { reason: text(pv.storageClass, claim.storageClass ?? ''), pvPath: ['spec', 'storageClassName'] };
		case 'volume mode':
			return { reason: text(pv.volumeMode, claim.volumeMode), pvPath: ['spec', 'volumeMode'] };
		case 'selector':
			return { reason: text(), pvPath: ['metadata', 'labels'], key: true };
		case 'claimRef':
			return { reason: text(`${pv.claimRef?.namespace ?? '?'}/${pv.claimRef?.name ?? '?'}`), pvPath: ['spec', 'claimRef'], key: true };
	}
}
