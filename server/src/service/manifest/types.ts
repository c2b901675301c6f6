import type { Document, Node as YamlNode } from 'yaml';

/** A path into a YAML tree: map keys and sequence indexes. */
export type NodePath = (string | number)[];

/** What a YAML document turned out to be. */
export type DocumentKind =
	| 'resource' // a Kubernetes object: apiVersion and kind present
	| 'partial' // a Helm template or a Kustomize patch: parsed if possible, never judged
	| 'other' // YAML that is not a Kubernetes object
	| 'empty'
	| 'broken'; // a syntax error

export interface SyntaxProblem {
	message: string;
	/** Absolute offsets in the file. */
	start: number;
	end: number;
}

/** A Kubernetes object found in one YAML document. */
export interface Resource {
	apiVersion: string;
	kind: string;
	name?: string;
	/** The namespace written in the manifest, if any; scope rules apply the default. */
	namespace?: string;
	labels: Record<string, string>;
	annotations: Record<string, string>;
	/** The plain JavaScript value of the document. */
	value: Record<string, unknown>;
	/** False when the value certainly has no key of that name anywhere (told without reading the value); absent: it may. */
	mayHold?(key: string): boolean;
	/** A DaemonSet's or Deployment's container images as the cluster profile reads them, when known without reading the value. */
	podImages?: string[];
	/** A workload's pod template labels as templateLabels reads them, when known without reading the value. */
	podLabels?: Record<string, string>;
}

/** One `---`-separated document of a file. Node ranges are relative to `start`. */
export interface ManifestDocument {
	/** Absolute offset of the document's text in the file. */
	start: number;
	end: number;
	text: string;
	kind: DocumentKind;
	/** Why a document is partial: 'helm' or 'kustomize-patch'. */
	partialReason?: 'helm' | 'kustomize-patch';
	/**
	 * The full parse with source ranges. Documents of files read from disk (not open in an
	 * editor) are first read for their values only, and parsed with ranges on first use.
	 */
	readonly yaml: Document.Parsed | undefined;
	resource?: Resource;
	problems: SyntaxProblem[];
	/** Comments that turn rules off: `# kubelore-disable <rule>` for the whole document. */
	disabledRules: Set<string>;
}

/** A parsed file: its documents, in order. */
export interface ManifestFile {
	uri: string;
	version: number;
	text: string;
	documents: ManifestDocument[];
}

export type { YamlNode };
