import type { Rule } from './types';

/** The storage rules of the catalogue (DESIGN section 6, "Storage"). */
export const STORAGE_RULES: Rule[] = [];
