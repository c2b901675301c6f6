import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import { replaceScalar } from './findingParts';
import { CONSTRAINT_KIND_PATH } from './gatekeeper';
import { valueAt } from './podSpec';
import type { Finding, Fix, Rule } from './types';

const NAME = {
	en: 'metadata.name "{0}" must be the lower-cased kind the template defines ("{1}"): Gatekeeper refuses the template and never creates the constraint kind {2}.',
	zh: 'metadata.name "{0}" 必须是模板所定义类型的小写形式（"{1}"）：Gatekeeper 会拒绝该模板，约束类型 {2} 永远不会被创建。',
};
const NO_KIND = {
	en: 'The template defines no constraint kind (spec.crd.spec.names.kind): Gatekeeper has nothing to create, and no constraint can use it.',
	zh: '模板没有定义约束类型（spec.crd.spec.names.kind）：Gatekeeper 无从创建，任何约束都用不了它。',
};
const NO_CODE = {
	en: 'No target of this template has a policy (`rego`, or `code` with an engine such as Rego or CEL): Gatekeeper refuses it. Give the admission.k8s.gatekeeper.sh target its policy.',
	zh: '该模板的 target 都没有策略（`rego`，或带有 Rego、CEL 等引擎的 `code`）：Gatekeeper 会拒绝它。请为 admission.k8s.gatekeeper.sh target 提供策略。',
};
const FIX = { en: 'Rename the template to "{0}"', zh: '把模板改名为 "{0}"' };

/**
 * What Gatekeeper requires of a ConstraintTemplate: it defines a kind, its name is that kind in lower
 * case, and a target carries a policy (`rego`, or `code` with an engine).
 */
export const constraintTemplateInvalid: Rule = {
	id: 'constraint-template-invalid',
	severity: 'error',
	description: { en: 'A ConstraintTemplate that Gatekeeper refuses.', zh: 'Gatekeeper 会拒绝的 ConstraintTemplate。' },
	kinds: ['ConstraintTemplate'],
	local: true,
	check({ entry }) {
		if (!entry.resource.apiVersion.startsWith('templates.gatekeeper.sh/')) return [];
		const findings: Finding[] = [];
		const kind = valueAt(entry.resource.value, CONSTRAINT_KIND_PATH);
		const name = entry.resource.name;
		if (typeof kind !== 'string' || !kind) findings.push({ path: ['spec'], key: true, message: NO_KIND });
		else if (name !== undefined && name !== kind.toLowerCase()) {
			const fixes: Fix[] = [];
			const edit = replaceScalar(entry.document, ['metadata', 'name'], kind.toLowerCase());
			if (edit) fixes.push({ title: both(FIX, kind.toLowerCase()), edits: [edit], preferred: true });
			findings.push({ path: ['metadata', 'name'], message: both(NAME, name, kind.toLowerCase(), kind), fixes });
		}
		const targets = valueAt(entry.resource.value, ['spec', 'targets']);
		const withCode = Array.isArray(targets) && targets.some((t) => isRecord(t) && ((typeof t.rego === 'string' && t.rego.trim() !== '') || (Array.isArray(t.code) && t.code.length > 0)));
		if (!withCode) findings.push({ path: Array.isArray(targets) ? ['spec', 'targets'] : ['spec'], key: true, message: NO_CODE });
		return findings;
	},
};
