import type { KnowledgeGraph } from '../knowledge/graph';
import type { NodeAtOffset } from '../manifest/nodes';
import type { Resource } from '../manifest/types';
import type { Settings } from '../settings';
import type { IndexedFile, IndexedResource, WorkspaceIndex } from '../workspace/index';
import type { Scope } from '../workspace/scope';

/** A field's API description and where it comes from. */
export interface FieldDoc {
	text: string;
	/** The group/version the description belongs to (`apps/v1`). */
	apiVersion: string;
	/** The version of the npm package kubernetes-types it was taken from (`1.30.0`). */
	version: string;
}

/** Field descriptions from the Kubernetes API, looked up by kind and path pattern. */
export type FieldDocs = (apiVersion: string, kind: string, path: string) => FieldDoc | undefined;

/** What a hover part gets: the node under the cursor and everything around it. */
export interface HoverContext {
	at: NodeAtOffset;
	/** The path as a pattern: `spec.containers[].image`. */
	pattern: string;
	/** The scalar's value as text (key or value). */
	value: string;
	resource?: Resource;
	entry?: IndexedResource;
	scope?: Scope;
	file: IndexedFile;
	index: WorkspaceIndex;
	graph: KnowledgeGraph;
	settings: Settings;
	fieldDocs?: FieldDocs;
}

/** One kind of hover: markdown for the context, or undefined when it has nothing to say. */
export type HoverPart = (context: HoverContext) => string | undefined;
