import type { RuleContext } from './types';

/**
 * True when the checks of what the API server would reject apply to the checked document: the
 * setting is not `off`. Documents with YAML merge keys (`<<: *defaults`) are judged too: their
 * values are merged as kubectl merges them (YAML 1.1), and findings about merged fields are shown
 * where the anchor writes them.
 */
export function validationApplies({ settings }: RuleContext): boolean {
	return settings.validation !== 'off';
}
