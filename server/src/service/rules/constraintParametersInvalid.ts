import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { both } from '../l10n/text';
import { isRecord } from '../manifest/parse';
import type { NodePath } from '../manifest/types';
import { relatedAt } from './findingParts';
import { parameterSchema, PARAMETER_SCHEMA_PATH, templateOf } from './gatekeeper';
import type { Finding, Rule } from './types';

const MESSAGE = {
	en: 'Parameter {0} {1}, as the openAPIV3Schema of the ConstraintTemplate {2} declares: the API server rejects the constraint (its CRD is generated from that schema), or the policy reads a value it does not expect. Change the value to what the schema asks for.',
	zh: '参数 {0} 不符合 ConstraintTemplate {2} 的 openAPIV3Schema（{1}）：API Server 会拒绝该约束（其 CRD 由该 schema 生成），或者策略会读到意料之外的值。请按 schema 的要求修改该值。',
};
const RELATED = { en: 'The parameter schema of {0}', zh: '{0} 的参数 schema' };

// Gatekeeper's schemas are Kubernetes OpenAPI v3: unknown keywords (x-kubernetes-*, nullable) are allowed.
// Built on first use: most workspaces hold no Gatekeeper constraint, and every start would pay for it.
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction | null>();

/**
 * A constraint whose `spec.parameters` break the parameter schema (`spec.crd.spec.validation.openAPIV3Schema`)
 * of its ConstraintTemplate, checked with a JSON-schema validator; each finding sits on the offending parameter.
 */
export const constraintParametersInvalid: Rule = {
	id: 'constraint-parameters-invalid',
	severity: 'error',
	description: { en: 'Constraint parameters that break the template\'s schema.', zh: '约束参数不符合模板的 schema。' },
	reads: ['ConstraintTemplate'],
	check(ctx) {
		const template = templateOf(ctx);
		const schema = template && parameterSchema(template);
		if (!template || !schema) return [];
		const parameters = isRecord(ctx.entry.resource.value.spec) ? ctx.entry.resource.value.spec.parameters : undefined;
		if (parameters === undefined) return [];
		const validate = compile(schema);
		if (!validate || validate(parameters)) return [];
		const name = template.resource.name ?? '';
		const findings: Finding[] = [];
		const seen = new Set<string>();
		for (const error of validate.errors ?? []) {
			const path = pathOf(error);
			const key = path.join('/');
			if (seen.has(key)) continue;
			seen.add(key);
			findings.push({
				path: ['spec', 'parameters', ...path],
				key: error.keyword === 'additionalProperties',
				message: both(MESSAGE, path.length ? path.join('.') : 'parameters', describe(error), name),
				related: [relatedAt(template, PARAMETER_SCHEMA_PATH, both(RELATED, name), true)],
			});
		}
		return findings;
	},
};

function compile(schema: Record<string, unknown>): ValidateFunction | undefined {
	if (!compiled.has(schema)) {
		try {
			compiled.set(schema, (ajv ??= new Ajv({ strict: false, allErrors: true, validateSchema: false })).compile(schema));
		} catch {
			compiled.set(schema, null); // a schema the validator cannot read says nothing about the parameters
		}
	}
	return compiled.get(schema) ?? undefined;
}

/** The parameter an error is about: the instance path, plus the unexpected property's name. */
function pathOf(error: ErrorObject): NodePath {
	const path: NodePath = error.instancePath
		.split('/')
		.slice(1)
		.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
		.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
	if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty?: string }).additionalProperty));
	return path;
}

/** The validator's words, which name the expected type, values or bound. */
function describe(error: ErrorObject): string {
	if (error.keyword === 'enum') return `must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
	if (error.keyword === 'additionalProperties') return 'is not a declared parameter';
	return error.message ?? 'is invalid';
}
