import { containerImageRequired } from './containerImageRequired';
import { containerNameDuplicate } from './containerNameDuplicate';
import { containerPortNameDuplicate } from './containerPortNameDuplicate';
import { customResourceSchema } from './customResourceSchema';
import { labelInvalid } from './labelInvalid';
import { nameInvalid } from './nameInvalid';
import { portInvalid } from './portInvalid';
import { schemaEnum } from './schemaEnum';
import { schemaRequired } from './schemaRequired';
import { schemaType } from './schemaType';
import { schemaUnknownField } from './schemaUnknownField';
import type { Rule } from './types';
import { workloadSelectorMismatch } from './workloadSelectorMismatch';
import { workloadSelectorRequired } from './workloadSelectorRequired';

/** What the API server would reject: the schema of the target version, and the checks it makes beyond it. */
export const VALIDATION_RULES: Rule[] = [
	schemaUnknownField,
	schemaType,
	schemaEnum,
	schemaRequired,
	workloadSelectorRequired,
	workloadSelectorMismatch,
	containerImageRequired,
	containerNameDuplicate,
	containerPortNameDuplicate,
	nameInvalid,
	labelInvalid,
	portInvalid,
	customResourceSchema,
];
