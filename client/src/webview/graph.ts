/// <reference lib="dom" />
/* The graph picture, drawn with Cytoscape in the theme's colours. */
import cytoscape, { type Core, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import { CATEGORY_COLOURS, type GraphPayload } from './protocol';

const MAX_FIT_ZOOM = 1.2;

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
}

/** Draws the payload into the container; `filter` shows only some categories (undefined: all). */
export function drawGraph(container: HTMLElement, payload: GraphPayload, categories: Set<string> | undefined, events: GraphEvents): { filter(categories: Set<string> | undefined): void } {
	const whole = payload.layout === 'whole';
	let theme = readTheme(payload.categories.map((c) => c.id));
	const cy = cytoscape({
		container,
		elements: [
			...payload.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, focus: n.focus ?? false } })),
			...payload.edges.map((e) => ({ group: 'edges' as const, data: e })),
		],
		style: styles(theme, whole),
		minZoom: 0.15,
		maxZoom: 3,
		boxSelectionEnabled: false,
		// In the entry page the wheel scrolls the page; the whole graph zooms.
		userZoomingEnabled: whole,
	});
	const layout = () => {
		const nodes = cy.nodes().filter((n) => n.style('display') !== 'none');
		const visible = nodes.union(nodes.edgesWith(nodes));
		const options = whole ? groupedLayout(visible.nodes()) : ringLayout(container, cy);
		const stop = () => {
			// A few entries must not fill the box at three times their size.
			if (cy.zoom() > MAX_FIT_ZOOM) {
				cy.zoom(MAX_FIT_ZOOM);
				cy.center(visible);
			}
			events.drawn(visible.nodes().length, visible.edges().length);
		};
		visible.layout({ ...options, stop } as LayoutOptions).run();
	};
	const filter = (only: Set<string> | undefined) => {
		cy.batch(() => cy.nodes().forEach((n) => void n.style('display', !only || only.has(n.data('category') as string) ? 'element' : 'none')));
		layout();
	};
	cy.on('tap', 'node', (event) => {
		const id = event.target.id() as string;
		if (!event.target.data('focus')) events.open(id);
	});
	cy.on('mouseover', 'node', (event) => {
		container.style.cursor = event.target.data('focus') ? 'default' : 'pointer';
		if (whole) {
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
		shown: () => cy.nodes().filter((n) => n.style('display') !== 'none').map((n) => n.id()),
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

/**
 * The entry in the middle and its neighbours on a ring, grouped by category, the ring wide enough
 * for their labels; the box grows with the ring.
 */
function ringLayout(container: HTMLElement, cy: Core): LayoutOptions {
	const ring = cy
		.nodes('[!focus]')
		.toArray()
		.sort((a, b) => String(a.data('category')).localeCompare(String(b.data('category'))) || String(a.data('label')).localeCompare(String(b.data('label'))));
	const radius = Math.max(100, (ring.length * 80) / (2 * Math.PI));
	// With its labels beside the ring the picture is wider than tall.
	const tall = Math.min(2 * radius + 120, (container.clientWidth || Infinity) * 0.8);
	container.style.height = `${Math.round(Math.min(640, Math.max(300, tall)))}px`;
	cy.resize();
	const positions = new Map<string, { x: number; y: number }>();
	ring.forEach((node, i) => {
		const angle = -Math.PI / 2 + (2 * Math.PI * i) / ring.length;
		const x = radius * Math.cos(angle);
		const y = radius * Math.sin(angle);
		positions.set(node.id(), { x, y });
		// Labels point away from the middle: beside the node on the flanks, above or below it at the poles.
		node.data('side', Math.abs(x) < radius * 0.2 ? (y < 0 ? 'top' : 'bottom') : x < 0 ? 'left' : 'right');
	});
	// Room for the labels beside the outer nodes and for the edge labels near them.
	return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }, fit: true, padding: 72, animate: false } as LayoutOptions;
}

/**
 * The whole graph grouped by category: each category on its own circle, the circles in rows, so
 * that colours form regions and labels of one circle do not run into another's. Deterministic:
 * the same knowledge always gives the same picture. One category alone fills the box.
 */
function groupedLayout(nodes: cytoscape.NodeCollection): LayoutOptions {
	const groups = new Map<string, cytoscape.NodeSingular[]>();
	for (const node of nodes.toArray()) {
		const category = String(node.data('category'));
		groups.set(category, [...(groups.get(category) ?? []), node]);
	}
	const spacing = 90;
	const radius = (n: number) => (n < 2 ? 0 : Math.max(90, (n * spacing) / (2 * Math.PI)));
	const cell = 2 * Math.max(0, ...[...groups.values()].map((g) => radius(g.length))) + 260;
	const columns = Math.ceil(Math.sqrt(groups.size));
	const positions = new Map<string, { x: number; y: number }>();
	[...groups.keys()].sort().forEach((category, i) => {
		const members = groups.get(category)!.sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
		const cx = (i % columns) * cell;
		const cy = Math.floor(i / columns) * cell;
		const r = radius(members.length);
		members.forEach((node, j) => {
			const angle = -Math.PI / 2 + (2 * Math.PI * j) / members.length;
			positions.set(node.id(), { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
		});
	});
	return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }, fit: true, padding: 48, animate: false } as LayoutOptions;
}

function styles(theme: Theme, whole: boolean): StylesheetJson {
	const colour = (ele: cytoscape.NodeSingular) => theme.categories.get(ele.data('category') as string) ?? theme.muted;
	const text = { color: theme.foreground, 'font-family': theme.font, 'text-background-color': theme.background, 'text-background-opacity': 0.85, 'text-background-padding': '2px', 'text-background-shape': 'roundrectangle' };
	return [
		{
			selector: 'node',
			style: { ...text, 'background-color': colour, label: 'data(label)', width: whole ? 22 : 16, height: whole ? 22 : 16, 'font-size': whole ? 17 : 13, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': whole ? '240px' : '200px', 'min-zoomed-font-size': whole ? 6 : 0, 'border-width': 1, 'border-color': theme.background },
		},
		{ selector: 'node[side = "top"]', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
		{ selector: 'node[side = "left"]', style: { 'text-halign': 'left', 'text-valign': 'center', 'text-margin-x': -5, 'text-margin-y': 0 } },
		{ selector: 'node[side = "right"]', style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 5, 'text-margin-y': 0 } },
		{ selector: 'node[?focus]', style: { width: 28, height: 28, 'font-size': 14, 'font-weight': 'bold', 'border-width': 3, 'border-color': theme.focus } },
		{
			selector: 'edge',
			style: { ...text, color: theme.muted, width: whole ? 1.5 : 1.2, 'line-opacity': whole ? 0.45 : 0.7, 'line-color': theme.edge, 'target-arrow-color': theme.edge, 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', label: 'data(label)', 'font-size': whole ? 13 : 10, 'text-rotation': 'autorotate', 'min-zoomed-font-size': whole ? 9 : 0 },
		},
		// Around an entry, a label sits near the other end so that the labels spread round the ring.
		{ selector: 'edge[outer = "target"]', style: { label: '', 'target-label': 'data(label)', 'target-text-offset': 40, 'target-text-rotation': 'autorotate' } },
		{ selector: 'edge[outer = "source"]', style: { label: '', 'source-label': 'data(label)', 'source-text-offset': 40, 'source-text-rotation': 'autorotate' } },
		{ selector: 'edge[?mutual]', style: { 'source-arrow-shape': 'triangle', 'source-arrow-color': theme.edge } },
		{ selector: 'edge[!near]', style: { label: '', opacity: 0.25, width: 0.8 } },
		{ selector: '.faded', style: { opacity: 0.12 } },
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
