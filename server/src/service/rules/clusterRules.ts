import { cniResourceMismatch } from './cniResourceMismatch';
import { constraintEnforcementActionInvalid } from './constraintEnforcementActionInvalid';
import { constraintParametersInvalid } from './constraintParametersInvalid';
import { constraintTemplateInvalid } from './constraintTemplateInvalid';
import { constraintTemplateMissing } from './constraintTemplateMissing';
import { deprecatedApiVersion } from './deprecatedApiVersion';
import { networkPolicyNotEnforced } from './networkPolicyNotEnforced';
import { profileUnsupported } from './profileUnsupported';
import { runtimeClassHandlerUnknown } from './runtimeClassHandlerUnknown';
import { runtimeClassUnknown } from './runtimeClassUnknown';
import { sandboxRuntimeConflict } from './sandboxRuntimeConflict';
import type { Rule } from './types';

/** The rules about the rest of the cluster: API versions, networking, runtimes, policy, profiles. */
export const CLUSTER_RULES: Rule[] = [
	deprecatedApiVersion,
	networkPolicyNotEnforced,
	cniResourceMismatch,
	runtimeClassUnknown,
	runtimeClassHandlerUnknown,
	sandboxRuntimeConflict,
	constraintTemplateMissing,
	constraintParametersInvalid,
	constraintTemplateInvalid,
	constraintEnforcementActionInvalid,
	profileUnsupported,
];
