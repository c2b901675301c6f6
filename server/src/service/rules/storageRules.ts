import { containerRuntimeSocket } from './containerRuntimeSocket';
import { hostPathPv } from './hostPathPv';
import { hostPathVolume } from './hostPathVolume';
import { inTreeVolumePlugin } from './inTreeVolumePlugin';
import { localPvNodeAffinity } from './localPvNodeAffinity';
import { nfsCapacityAdvisory } from './nfsCapacityAdvisory';
import { pvcAccessModeUnsupported } from './pvcAccessModeUnsupported';
import { pvcClaimMissing } from './pvcClaimMissing';
import { pvcRwoSharedByReplicas } from './pvcRwoSharedByReplicas';
import { pvcStorageClassUnknown } from './pvcStorageClassUnknown';
import { pvcUnbindable } from './pvcUnbindable';
import { pvReclaimRecycle } from './pvReclaimRecycle';
import { quantityInvalid } from './quantityInvalid';
import { storageClassDefaultMultiple } from './storageClassDefaultMultiple';
import { storageUnsupported } from './storageUnsupported';
import type { Rule } from './types';
import { volumeModeMismatch } from './volumeModeMismatch';

/** The storage rules of the catalogue (DESIGN section 6, "Storage"). */
export const STORAGE_RULES: Rule[] = [
	pvcUnbindable,
	pvcStorageClassUnknown,
	pvcAccessModeUnsupported,
	quantityInvalid,
	pvcClaimMissing,
	pvcRwoSharedByReplicas,
	volumeModeMismatch,
	hostPathVolume,
	containerRuntimeSocket,
	localPvNodeAffinity,
	hostPathPv,
	inTreeVolumePlugin,
	nfsCapacityAdvisory,
	pvReclaimRecycle,
	storageClassDefaultMultiple,
	storageUnsupported,
];
