import { servicePortNameRequired } from './servicePortNameRequired';
import type { Rule } from './types';

/** The Service rules of the catalogue (DESIGN section 6, "Service"). */
export const SERVICE_RULES: Rule[] = [servicePortNameRequired];
