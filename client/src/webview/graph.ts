/// <reference lib="dom" />
/* The graph picture, drawn with Cytoscape in the theme's colours. */
import cytoscape, { type LayoutOptions, type StylesheetJson } from 'cytoscape';
import { blockLayout, fanLayout } from './layouts';
import { CATEGORY_COLOURS, type GraphPayload } from './protocol';

const MAX_FIT_ZOOM = 1.2;
/** On-screen size of a category's heading in the whole graph, whatever the zoom. */
const HEADING_PX = 15;

interface Theme {
	foreground: string;
	muted: string;
	background: string;
	edge: string;
	focus: string;
	font: string;
	categories: Map<string, string>;
}

/** What the page hears from the picture. */
export interface GraphEvents {
	open(id: string): void;
	drawn(nodes: number, edges: number): void;
	/** A category's heading was clicked: show that category alone. */
	only(category: string): void;
}

/** Draws the payload into the container; `filter` shows only some categories (undefined: all). */
export function drawGraph(container: HTMLElement, payload: GraphPayload, categories: Set<string> | undefined, events: GraphEvents): { filter(categories: Set<string> | undefined): void } {
	const whole = payload.layout === 'whole';
	let theme = readTheme(payload.categories.map((c) => c.id));
	// The whole graph names its regions: one heading per category, with the number of its entries.
	const headings = whole
		? payload.categories.map((c) => ({ group: 'nodes' as const, data: { id: `group:${c.id}`, label: `${c.label} · ${payload.nodes.filter((n) => n.category === c.id).length}`, category: c.id, heading: true } }))
		: [];
	const cy = cytoscape({
		container,
		elements: [
			...payload.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, focus: n.focus ?? false } })),
			...headings,
			...payload.edges.map((e) => ({ group: 'edges' as const, data: e })),
		],
		style: styles(theme, whole),
		minZoom: 0.15,
		maxZoom: 3,
		boxSelectionEnabled: false,
		// In the entry page the wheel scrolls the page; the whole graph zooms.
		userZoomingEnabled: whole,
	});
	const scaleHeadings = () => cy.nodes('[?heading]').style('font-size', `${HEADING_PX / cy.zoom()}px`);
	cy.on('zoom', scaleHeadings);
	const layout = () => {
		const shown = cy.nodes().filter((n) => n.style('display') !== 'none');
		const nodes = shown.filter('[!heading]');
		const visible = shown.union(nodes.edgesWith(nodes));
		const options = whole ? blockLayout(container, nodes, shown.filter('[?heading]')) : fanLayout(container, cy);
		const stop = () => {
			// A few entries must not fill the box at three times their size.
			if (cy.zoom() > MAX_FIT_ZOOM) {
				cy.zoom(MAX_FIT_ZOOM);
				cy.center(visible);
			}
			scaleHeadings();
			events.drawn(nodes.length, visible.edges().length);
		};
		visible.layout({ ...options, stop } as LayoutOptions).run();
	};
	const filter = (only: Set<string> | undefined) => {
		cy.batch(() => cy.nodes().forEach((n) => void n.style('display', !only || only.has(n.data('category') as string) ? 'element' : 'none')));
		layout();
	};
	cy.on('tap', 'node', (event) => {
		const id = event.target.id() as string;
		if (event.target.data('heading')) events.only(event.target.data('category') as string);
		else if (!event.target.data('focus')) events.open(id);
	});
	cy.on('mouseover', 'node', (event) => {
		container.style.cursor = event.target.data('focus') ? 'default' : 'pointer';
		if (whole && !event.target.data('heading')) {
			cy.elements().addClass('faded');
			event.target.closedNeighborhood().removeClass('faded').addClass('lit');
		}
	});
	cy.on('mouseout', 'node', () => {
		container.style.cursor = 'default';
		cy.elements().removeClass('faded lit');
	});
	// The theme can change while the page is open: VS Code swaps the body class and the colours.
	new MutationObserver(() => {
		theme = readTheme(payload.categories.map((c) => c.id));
		cy.style(styles(theme, whole));
	}).observe(document.body, { attributes: true, attributeFilter: ['class'] });
	new ResizeObserver(() => cy.resize()).observe(container);
	filter(categories);
	// For tests that click a node in the picture: where an entry is drawn, in page pixels.
	(window as unknown as { kubeloreGraph: unknown }).kubeloreGraph = {
		shown: () => cy.nodes('[!heading]').filter((n) => n.style('display') !== 'none').map((n) => n.id()),
		pointOf: (id: string) => {
			const node = cy.getElementById(id);
			if (node.empty()) return undefined;
			const box = container.getBoundingClientRect();
			const at = node.renderedPosition();
			return { x: box.left + at.x, y: box.top + at.y };
		},
	};
	return { filter };
}

/** How far from the neighbour a relation's name is centred: half its length and a little room, at 11px. */
const labelOffset = (edge: cytoscape.EdgeSingular) => String(edge.data('label')).length * 3 + 18;

function styles(theme: Theme, whole: boolean): StylesheetJson {
	const colour = (ele: cytoscape.NodeSingular) => theme.categories.get(ele.data('category') as string) ?? theme.muted;
	const text = { color: theme.foreground, 'font-family': theme.font, 'text-background-color': theme.background, 'text-background-opacity': 0.85, 'text-background-padding': '2px', 'text-background-shape': 'roundrectangle' };
	return [
		{
			selector: 'node',
			style: { ...text, 'background-color': colour, label: 'data(label)', width: whole ? 20 : 16, height: whole ? 20 : 16, 'font-size': whole ? 14 : 13, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': whole ? 'wrap' : 'ellipsis', 'text-max-width': whole ? '140px' : '200px', 'min-zoomed-font-size': whole ? 7 : 0, 'border-width': 1, 'border-color': theme.background },
		},
		// A category's heading: text alone, the same size on screen at any zoom (scaleHeadings).
		{ selector: 'node[?heading]', style: { width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, 'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0, 'font-weight': 'bold', 'text-wrap': 'none', 'text-max-width': '2000px', 'min-zoomed-font-size': 0, 'text-background-opacity': 0, color: theme.foreground } },
		{ selector: 'node[side = "top"]', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
		{ selector: 'node[side = "left"]', style: { 'text-halign': 'left', 'text-valign': 'center', 'text-margin-x': -5, 'text-margin-y': 0 } },
		{ selector: 'node[side = "right"]', style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 5, 'text-margin-y': 0 } },
		{ selector: 'node[?focus]', style: { width: 28, height: 28, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': theme.focus } },
		{
			selector: 'edge',
			style: { ...text, color: theme.muted, width: 1.2, 'line-opacity': whole ? 0.18 : 0.7, 'line-color': theme.edge, 'target-arrow-color': theme.edge, 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', label: 'data(label)', 'font-size': whole ? 12 : 11, 'text-rotation': 'autorotate', 'min-zoomed-font-size': whole ? 9 : 0 },
		},
		// Around an entry, a label sits near the neighbour, just clear of it, so that the labels spread down the column.
		{ selector: 'edge[outer = "target"]', style: { label: '', 'target-label': 'data(label)', 'target-text-offset': labelOffset, 'target-text-rotation': 'autorotate' } },
		{ selector: 'edge[outer = "source"]', style: { label: '', 'source-label': 'data(label)', 'source-text-offset': labelOffset, 'source-text-rotation': 'autorotate' } },
		{ selector: 'edge[?mutual]', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': theme.edge } },
		// Relations among the neighbours arc beside their column instead of running through it.
		{ selector: 'edge[!near]', style: { label: '', opacity: 0.25, width: 0.8, 'curve-style': 'unbundled-bezier', 'control-point-distances': 50, 'control-point-weights': 0.5 } },
		{ selector: '.faded', style: { opacity: 0.12 } },
		// The whole graph names a relation only around the entry under the pointer: 550 names at once cover the entries.
		...(whole ? [{ selector: 'edge', style: { label: '' } }, { selector: 'edge.lit', style: { label: 'data(label)' } }] : []),
		{ selector: 'node.lit', style: { 'min-zoomed-font-size': 0 } },
		{ selector: 'edge.lit', style: { 'min-zoomed-font-size': 0, 'line-color': theme.focus, 'target-arrow-color': theme.focus, 'source-arrow-color': theme.focus, color: theme.foreground } },
	] as StylesheetJson;
}

/** The theme's colours as the canvas needs them: resolved `rgb()` values, not CSS variables or #rrggbbaa. */
function readTheme(categories: string[]): Theme {
	const probe = document.createElement('span');
	probe.hidden = true;
	document.body.appendChild(probe);
	// Some themes give chart colours an alpha (Light Modern's orange is 33% opaque): drop it.
	const resolve = (css: string) => {
		probe.style.color = css;
		return getComputedStyle(probe).color;
	};
	const opaque = (rgb: string) => rgb.replace(/^rgba\((\d+),\s*(\d+),\s*(\d+),.*\)$/, 'rgb($1, $2, $3)');
	const colours = new Map(categories.map((c) => [c, opaque(resolve(CATEGORY_COLOURS[c] ?? 'var(--vscode-descriptionForeground, #888888)'))]));
	const body = getComputedStyle(document.body);
	const theme: Theme = {
		foreground: body.color,
		muted: resolve('var(--vscode-descriptionForeground, #888888)'),
		background: body.backgroundColor,
		edge: resolve('var(--vscode-descriptionForeground, #888888)'),
		focus: resolve('var(--vscode-focusBorder, #0078d4)'),
		font: body.fontFamily,
		categories: colours,
	};
	probe.remove();
	return theme;
}
