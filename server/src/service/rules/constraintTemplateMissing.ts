import { constraintTemplatesDefining } from '../workspace/references';
import { both } from '../l10n/text';
import { joinText, relatedAt, replaceScalar } from './findingParts';
import { definedConstraintKinds, isGatekeeperConstraint, templateOf, CONSTRAINT_KIND_PATH } from './gatekeeper';
import { inBrokenDocument } from './missingPolicy';
import { nearestName } from './nearestName';
import type { Fix, Rule } from './types';

const MISSING = {
	en: 'No ConstraintTemplate in this workspace defines the constraint kind {0}: the API server has no such kind until Gatekeeper creates it from a template, so this constraint is rejected ("no matches for kind {0}").',
	zh: '本工作区中没有定义约束类型 {0} 的 ConstraintTemplate：在 Gatekeeper 根据模板创建该类型之前，API Server 中不存在这个类型，此约束会被拒绝（"no matches for kind {0}"）。',
};
const TYPO = { en: 'Did you mean {0}?', zh: '是否想写 {0}？' };
const ADD = {
	en: 'Add its ConstraintTemplate (for example from the Gatekeeper policy library) and apply it before the constraint; the templates here define {0}.',
	zh: '请添加它的 ConstraintTemplate（例如取自 Gatekeeper 策略库），并在约束之前应用；这里的模板定义了 {0}。',
};
const ELSEWHERE = {
	en: 'If the templates are installed from elsewhere (a Helm chart of the policy library), this is expected: turn the rule off in .kubelore.yaml.',
	zh: '如果模板从别处安装（例如策略库的 Helm Chart），这是预期的：请在 .kubelore.yaml 中关闭此规则。',
};
const RELATED = { en: 'ConstraintTemplate defining {0}', zh: '定义 {0} 的 ConstraintTemplate' };
const FIX = { en: 'Use the kind {0}', zh: '改用类型 {0}' };

/**
 * A Gatekeeper constraint whose kind no ConstraintTemplate of the workspace defines. "Missing" assumes
 * the workspace holds the templates: a warning when it defines some or the kind is a typo of one,
 * information when it defines none (they may come from a chart); silent where a document of the scope
 * that does not parse names ConstraintTemplate and the kind (it may be the template).
 */
export const constraintTemplateMissing: Rule = {
	id: 'constraint-template-missing',
	severity: 'warning',
	description: { en: 'A Gatekeeper constraint whose ConstraintTemplate is missing.', zh: 'Gatekeeper 约束缺少对应的 ConstraintTemplate。' },
	reads: ['ConstraintTemplate'],
	check(ctx) {
		const { entry, scope } = ctx;
		if (!isGatekeeperConstraint(entry.resource.apiVersion) || scope.hasPartial || templateOf(ctx)) return [];
		const kind = entry.resource.kind;
		// A template of this scope that does not parse may be the one that defines the kind: its syntax error is reported instead.
		if (inBrokenDocument(ctx, ['ConstraintTemplate', kind])) return [];
		const kinds = definedConstraintKinds(ctx);
		const near = nearestName(kind, kinds);
		const fixes: Fix[] = [];
		const related = [];
		let message = both(MISSING, kind);
		if (near) {
			message = joinText(message, both(TYPO, near));
			const edit = replaceScalar(entry.document, ['kind'], near);
			if (edit) fixes.push({ title: both(FIX, near), edits: [edit], preferred: true });
			const [template] = constraintTemplatesDefining(near, ctx.index, scope);
			if (template) related.push(relatedAt(template, CONSTRAINT_KIND_PATH, both(RELATED, near)));
		} else if (kinds.size > 0) message = joinText(message, both(ADD, [...kinds].join(', ')));
		else message = joinText(message, ELSEWHERE);
		return [{ path: ['kind'], message, fixes, related, severity: near || kinds.size > 0 ? 'warning' : 'info' }];
	},
};
