import { ingressBackendUnknown } from './ingressBackendUnknown';
import { serviceExternalNameMisuse } from './serviceExternalNameMisuse';
import { serviceHeadlessTypeConflict } from './serviceHeadlessTypeConflict';
import { serviceNodePortInvalid } from './serviceNodePortInvalid';
import { servicePortDuplicate } from './servicePortDuplicate';
import { servicePortNameRequired } from './servicePortNameRequired';
import { serviceSelectorNoMatch } from './serviceSelectorNoMatch';
import { serviceTargetPortUnknown } from './serviceTargetPortUnknown';
import { serviceTrafficPolicyInvalid } from './serviceTrafficPolicyInvalid';
import { serviceTypeUnsupported } from './serviceTypeUnsupported';
import { serviceWithoutSelector } from './serviceWithoutSelector';
import { statefulsetServiceUnknown } from './statefulsetServiceUnknown';
import type { Rule } from './types';

/** The Service rules of the catalogue (DESIGN section 6, "Service"). */
export const SERVICE_RULES: Rule[] = [
	serviceSelectorNoMatch,
	serviceWithoutSelector,
	serviceTargetPortUnknown,
	servicePortNameRequired,
	servicePortDuplicate,
	serviceNodePortInvalid,
	serviceExternalNameMisuse,
	serviceHeadlessTypeConflict,
	serviceTrafficPolicyInvalid,
	serviceTypeUnsupported,
	ingressBackendUnknown,
	statefulsetServiceUnknown,
];
