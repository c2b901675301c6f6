/* What the extension and the webview script (dist/webview.js) share: messages, the graph, colours. */

/** A node of a graph picture: one knowledge entry. */
export interface GraphNode {
	id: string;
	label: string;
	category: string;
	/** The entry the entry view shows: drawn in the middle, larger. */
	focus?: boolean;
}

/** A typed relation, labelled in the display language. */
export interface GraphEdge {
	id: string;
	source: string;
	target: string;
	label: string;
	/** Touches the focus entry (entry view); other edges are drawn fainter, without a label. */
	near: boolean;
	/** A symmetric relation that holds both ways (alternatives): one edge, arrows at both ends. */
	mutual?: boolean;
	/** Of an edge that touches the focus entry: the end at the other entry, where its label goes. */
	outer?: 'source' | 'target';
}

/** Everything the script needs to draw a graph; embedded in the page as JSON. */
export interface GraphPayload {
	layout: 'neighbourhood' | 'whole';
	nodes: GraphNode[];
	edges: GraphEdge[];
	/** Category id and label, for the colours and the filter. */
	categories: { id: string; label: string }[];
}

/** Messages from the webview to the extension. */
export type ViewMessage =
	| { type: 'open'; id: string }
	| { type: 'back' }
	| { type: 'external'; url: string }
	| { type: 'note'; file: string; line: number }
	| { type: 'drawn'; nodes: number; edges: number };

/** The id of the JSON block that holds the GraphPayload. */
export const GRAPH_DATA_ID = 'kubelore-graph-data';

/** The colour of each category, a theme colour with a fallback: swatches and graph nodes alike. */
export const CATEGORY_COLOURS: Record<string, string> = {
	networking: 'var(--vscode-charts-blue, #3794ff)',
	storage: 'var(--vscode-charts-orange, #d18616)',
	runtime: 'var(--vscode-charts-purple, #b180d7)',
	security: 'var(--vscode-charts-red, #f14c4c)',
	'control-plane': 'var(--vscode-charts-green, #89d185)',
	operations: 'var(--vscode-charts-yellow, #cca700)',
	platform: 'var(--vscode-terminal-ansiCyan, #11a8cd)',
	workloads: 'var(--vscode-terminal-ansiMagenta, #bc3fbc)',
};
