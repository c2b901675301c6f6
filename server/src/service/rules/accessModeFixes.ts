import { replaceScalar } from './findingParts';
import { NO_PROVISIONER, provisionerOf } from '../storage/volumes';
import { listFact } from './storageObjects';
import type { Fix, RuleContext } from './types';

/** The access mode a claim or PV asks for, where it is written, and what its storage offers. */
interface UnsupportedMode {
	/** Path of the claim or PV spec. */
	path: (string | number)[];
	spec: Record<string, unknown>;
	mode: string;
	/** Index of the mode in `accessModes`. */
	index: number;
	supported: string[];
	/** True for a claim served by a provisioner (its class can change); false for an existing PV. */
	provisioned: boolean;
}

/**
 * Fixes of an access mode the storage lacks: ask for a mode it offers (one not listed yet), or, for a
 * claim whose class is written, a StorageClass of the workspace whose driver offers the mode.
 */
export function accessModeFixes(ctx: RuleContext, at: UnsupportedMode): Fix[] {
	const fixes: Fix[] = [];
	const listed = Array.isArray(at.spec.accessModes) ? at.spec.accessModes : [];
	const replacement = at.supported.find((m) => !listed.includes(m));
	const modeEdit = replacement && replaceScalar(ctx.entry.document, [...at.path, 'accessModes', at.index], replacement);
	if (modeEdit) fixes.push({ title: { en: `Ask for ${replacement}`, zh: `改为申请 ${replacement}` }, edits: [modeEdit] });
	if (!at.provisioned || typeof at.spec.storageClassName !== 'string') return fixes;
	for (const storageClass of ctx.index.ofKind('StorageClass')) {
		const name = storageClass.resource.name;
		const provisioner = provisionerOf(storageClass);
		if (!name || !provisioner || provisioner === NO_PROVISIONER || name === at.spec.storageClassName) continue;
		if (!listFact(ctx.graph.forProvisioner(provisioner), 'accessModes')?.includes(at.mode)) continue;
		const edit = replaceScalar(ctx.entry.document, [...at.path, 'storageClassName'], name);
		if (edit) fixes.push({ title: { en: `Use StorageClass "${name}" (${provisioner} offers ${at.mode})`, zh: `改用 StorageClass "${name}"（${provisioner} 支持 ${at.mode}）` }, edits: [edit] });
		if (fixes.length >= 3) break;
	}
	return fixes;
}
