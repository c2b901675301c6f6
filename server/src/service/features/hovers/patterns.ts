/** Where a pod spec sits in each kind that carries one. */
export const POD_SPEC_PREFIXES = ['spec.', 'spec.template.spec.', 'spec.jobTemplate.spec.template.spec.'];
const TEMPLATE_METADATA_PREFIXES = ['metadata.', 'spec.template.metadata.', 'spec.jobTemplate.spec.template.metadata.'];

const POD_SPEC_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'PodTemplate']);

/**
 * Equivalent spellings of a path for knowledge lookups. Documents name a pod field once
 * (`spec.runtimeClassName` or `spec.template.spec.runtimeClassName`), a volume source as a PV
 * or as a pod volume (`spec.nfs.server`, `spec.volumes[].nfs.server`), and a claim's field as
 * a claim or a claim template: every spelling of the same field finds the same entity.
 */
export function patternVariants(pattern: string, kind: string | undefined): readonly string[] {
	const byPattern = variantsKnown.get(kind ?? '');
	const known = byPattern?.get(pattern);
	if (known) return known;
	if (++variantsCount > VARIANTS_KEPT) {
		variantsKnown.clear();
		variantsCount = 1;
	}
	const variants = spellings(pattern, kind);
	if (byPattern) byPattern.set(pattern, variants);
	else variantsKnown.set(kind ?? '', new Map([[pattern, variants]]));
	return variants;
}

/** patternVariants' answers by kind and pattern: each hover, completion and field lookup asks, with a few regular expressions each. */
const variantsKnown = new Map<string, Map<string, readonly string[]>>();
let variantsCount = 0;
const VARIANTS_KEPT = 10_000;

function spellings(pattern: string, kind: string | undefined): readonly string[] {
	const out = new Set([pattern]);
	const podKind = kind === undefined || POD_SPEC_KINDS.has(kind);
	const podRest = podKind ? podRelative(pattern, kind) : undefined;
	if (podRest !== undefined) {
		for (const prefix of POD_SPEC_PREFIXES) out.add(prefix + podRest);
		const volume = /^volumes\[\]\.(.+)$/.exec(podRest);
		// a pod volume source is spelled as a PV's: `spec.nfs.server`
		if (volume) out.add(`spec.${volume[1]}`);
		const ephemeral = /^volumes\[\]\.ephemeral\.volumeClaimTemplate\.spec\.(.+)$/.exec(podRest);
		if (ephemeral) out.add(`spec.${ephemeral[1]}`);
	}
	const metadata = podKind ? templateMetadataRest(pattern, kind) : undefined;
	if (metadata !== undefined) for (const prefix of TEMPLATE_METADATA_PREFIXES) out.add(prefix + metadata);
	if (kind === 'PersistentVolume' && pattern.startsWith('spec.')) {
		for (const prefix of POD_SPEC_PREFIXES) out.add(`${prefix}volumes[].${pattern.slice(5)}`);
	}
	const claimTemplate = /^spec\.volumeClaimTemplates\[\]\.spec\.(.+)$/.exec(pattern);
	if (claimTemplate) out.add(`spec.${claimTemplate[1]}`);
	if (kind === 'PersistentVolumeClaim' && pattern.startsWith('spec.')) out.add(`spec.volumeClaimTemplates[].${pattern}`);
	return [...out];
}

/** The part of a path inside the pod spec (`volumes[].nfs`), or undefined outside it. */
export function podRelative(pattern: string, kind: string | undefined): string | undefined {
	for (const prefix of [POD_SPEC_PREFIXES[2], POD_SPEC_PREFIXES[1]]) if (pattern.startsWith(prefix)) return pattern.slice(prefix.length);
	if ((kind === 'Pod' || kind === undefined) && pattern.startsWith('spec.')) return pattern.slice(5);
	return undefined;
}

function templateMetadataRest(pattern: string, kind: string | undefined): string | undefined {
	for (const prefix of [TEMPLATE_METADATA_PREFIXES[2], TEMPLATE_METADATA_PREFIXES[1]]) if (pattern.startsWith(prefix)) return pattern.slice(prefix.length);
	if (kind === 'Pod' && pattern.startsWith('metadata.')) return pattern.slice(9);
	return undefined;
}

/** True for a path of the annotations map of a resource or of a pod template: `metadata.annotations.<key>`. */
export function annotationKeyOf(path: (string | number)[]): string | undefined {
	const at = path.lastIndexOf('annotations');
	if (at < 1 || at !== path.length - 2 || path[at - 1] !== 'metadata') return undefined;
	const key = path[path.length - 1];
	return typeof key === 'string' ? key : undefined;
}
