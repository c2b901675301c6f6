import { versionAtLeast } from '../settings';
import type { KnowledgeGraph } from './graph';
import type { ApiVersionRow } from './types';

/** Where a retired group/version stands for a target Kubernetes release. */
export type ApiVersionState = 'removed' | 'deprecated' | 'scheduled' | 'not-yet';

export interface ApiVersionStatus {
	row: ApiVersionRow;
	/**
	 * removed: the target no longer serves it; deprecated: served with a warning; scheduled: served,
	 * its removal announced and the replacement already served (deprecation release unknown);
	 * not-yet: the target predates the deprecation, or serves no replacement yet.
	 */
	state: ApiVersionState;
	/** The replacement is served by the target release: the quick fix may move to it. */
	replacementServed: boolean;
}

/**
 * The status of a kind's group/version at a target release, from the API version table. The
 * `deprecated-api-version` rule and the apiVersion hover both ask this, so they always agree.
 */
export function apiVersionStatus(graph: KnowledgeGraph, kind: string, version: string, target: string): ApiVersionStatus | undefined {
	const row = graph.retiredApiVersion(kind, version);
	if (!row) return undefined;
	const replacementServed = !!row.replacement && (!row.replacementSince || versionAtLeast(target, row.replacementSince));
	let state: ApiVersionState;
	if (row.removedIn && versionAtLeast(target, row.removedIn)) state = 'removed';
	else if (row.deprecatedIn) state = versionAtLeast(target, row.deprecatedIn) ? 'deprecated' : 'not-yet';
	else state = row.removedIn && (replacementServed || !row.replacement) ? 'scheduled' : 'not-yet';
	return { row, state, replacementServed };
}
