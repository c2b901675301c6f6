import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import { joinText, replaceScalar } from './findingParts';
import { isGatekeeperConstraint } from './gatekeeper';
import { nearestName } from './nearestName';
import type { Fix, Rule } from './types';

const MESSAGE = {
	en: 'enforcementAction "{0}" is not one Gatekeeper knows ({1}): Gatekeeper refuses the constraint, so the policy is not enforced at all.',
	zh: 'enforcementAction "{0}" 不是 Gatekeeper 认识的取值（{1}）：Gatekeeper 会拒绝该约束，策略完全不会生效。',
};
const TYPO = { en: 'Did you mean "{0}"?', zh: '是否想写 "{0}"？' };
const FIX = { en: 'Use "{0}"', zh: '改用 "{0}"' };

/** A Gatekeeper constraint whose `spec.enforcementAction` is none of the actions the knowledge lists. */
export const constraintEnforcementActionInvalid: Rule = {
	id: 'constraint-enforcement-action-invalid',
	severity: 'warning',
	description: { en: 'A Gatekeeper enforcementAction that does not exist.', zh: '不存在的 Gatekeeper enforcementAction。' },
	local: true,
	check({ entry, graph }) {
		if (!isGatekeeperConstraint(entry.resource.apiVersion)) return [];
		const spec = entry.resource.value.spec;
		const action = isRecord(spec) ? spec.enforcementAction : undefined;
		const known = graph.fact<unknown[]>('gatekeeper-constraint', 'enforcementActions');
		if (typeof action !== 'string' || !Array.isArray(known) || known.includes(action)) return [];
		const actions = known.map(String);
		// Case slips (Deny, dryRun) are the common mistake; the edit distance finds the rest.
		const near = actions.find((a) => a.toLowerCase() === action.toLowerCase()) ?? nearestName(action, actions);
		const fixes: Fix[] = [];
		const edit = near && replaceScalar(entry.document, ['spec', 'enforcementAction'], near);
		if (edit && near) fixes.push({ title: both(FIX, near), edits: [edit], preferred: true });
		const message = both(MESSAGE, action, actions.join(', '));
		return [{ path: ['spec', 'enforcementAction'], message: near ? joinText(message, both(TYPO, near)) : message, fixes }];
	},
};
