import { configRefMissing } from './configRefMissing';
import { CLUSTER_RULES } from './clusterRules';
import { SERVICE_RULES } from './serviceRules';
import { STORAGE_RULES } from './storageRules';
import type { Rule } from './types';
import { VALIDATION_RULES } from './validationRules';

/** Every rule, in the order their diagnostics are reported. */
export const RULES: Rule[] = [...SERVICE_RULES, ...STORAGE_RULES, configRefMissing, ...CLUSTER_RULES, ...VALIDATION_RULES];

/** A rule's page: `docs/rules/<id>.md` under the base the front end gives (installed docs folder). */
export function ruleDocsUrl(id: string, base: string): string {
	return `${base.endsWith('/') ? base : `${base}/`}${id}.md`;
}
