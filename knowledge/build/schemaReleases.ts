import type { CompactSchema } from '../../server/src/service/schema/format';

/**
 * Fields each release added to the API (its release notes and KEPs; `type.field`). A package of
 * types claims a release: it must have that release's fields and lack the next one's, so a
 * package installed under the wrong alias (`kubernetes-models-1-34` pointing at a 1.33 copy)
 * stops the build instead of mislabelling a schema.
 */
export const ADDED_IN: Record<string, string[]> = {
	'1.30': ['core.v1.ServiceSpec.trafficDistribution', 'core.v1.VolumeMount.recursiveReadOnly', 'core.v1.SecurityContext.appArmorProfile'],
	'1.31': ['core.v1.PodSecurityContext.supplementalGroupsPolicy', 'core.v1.Volume.image'],
	'1.32': ['core.v1.PodSpec.resources'],
	'1.33': ['core.v1.Lifecycle.stopSignal'],
	'1.34': ['core.v1.PodSpec.hostnameOverride', 'core.v1.Container.restartPolicyRules'],
	'1.35': ['storage.v1.CSIDriverSpec.serviceAccountTokenInSecrets', 'apiextensions.v1.CustomResourceDefinitionCondition.observedGeneration'],
	'1.36': ['core.v1.PodSpec.schedulingGroup', 'admissionregistration.v1.MutatingAdmissionPolicySpec.mutations'],
};

/** Throws when the schema lacks a field its release has, or has one the next release added. */
export function checkRelease(schema: CompactSchema): void {
	const minor = Number(schema.version.split('.')[1]);
	const fields = new Set(schema.types.flatMap((t) => Object.keys(t.p).map((field) => `${t.n}.${field}`)));
	for (const [release, added] of Object.entries(ADDED_IN)) {
		const other = Number(release.split('.')[1]);
		for (const field of added) {
			if (other <= minor && !fields.has(field)) throw new Error(`${schema.source} is not Kubernetes ${schema.version}: it lacks ${field}, added in ${release}`);
			if (other > minor && fields.has(field)) throw new Error(`${schema.source} is not Kubernetes ${schema.version}: it has ${field}, added in ${release}`);
		}
	}
}
