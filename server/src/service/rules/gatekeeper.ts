import { constraintTemplatesDefining, CONSTRAINT_KIND_PATH, isGatekeeperConstraint } from '../workspace/references';
import { isRecord } from '../manifest/parse';
import type { IndexedResource } from '../workspace/index';
import { valueAt } from './podSpec';
import type { RuleContext } from './types';

export { CONSTRAINT_KIND_PATH, isGatekeeperConstraint };

/** The path of a template's parameter schema (templates.gatekeeper.sh v1, v1beta1 and v1alpha1 alike). */
export const PARAMETER_SCHEMA_PATH = ['spec', 'crd', 'spec', 'validation', 'openAPIV3Schema'];

/** The ConstraintTemplate that defines a constraint's kind, if the workspace has one. */
export function templateOf({ entry, index, scope }: RuleContext): IndexedResource | undefined {
	if (!isGatekeeperConstraint(entry.resource.apiVersion)) return undefined;
	return constraintTemplatesDefining(entry.resource.kind, index, scope)[0];
}

/** Every constraint kind the workspace's ConstraintTemplates define. */
export function definedConstraintKinds({ index }: RuleContext): Set<string> {
	const kinds = new Set<string>();
	for (const template of index.ofKind('ConstraintTemplate')) {
		const kind = valueAt(template.resource.value, CONSTRAINT_KIND_PATH);
		if (typeof kind === 'string') kinds.add(kind);
	}
	return kinds;
}

/** A template's parameter schema, or undefined when it declares none. */
export function parameterSchema(template: IndexedResource): Record<string, unknown> | undefined {
	const schema = valueAt(template.resource.value, PARAMETER_SCHEMA_PATH);
	return isRecord(schema) ? schema : undefined;
}
