/// <reference lib="dom" />
/* Where the graph pictures put their entries: deterministic, so the same knowledge gives the same picture. */
import type cytoscape from 'cytoscape';
import type { Core, LayoutOptions } from 'cytoscape';

/** Model units of one entry's cell in the whole graph: room for a label of two short lines under the dot. */
const CELL = { width: 150, height: 78 };
/** Room above a block for its category's heading, and between blocks. */
const HEADING = 56;
const GAP = 60;
/** Labels beside the entries in the entry view: about this wide per character at their font size, at most the label's max width. */
const CHAR_WIDTH = 7;
const SIDE_LABEL_MAX = 200;
const RING_PADDING = 16;
/** Entry view: from the entry to its neighbours' column (room for a relation's name), and one neighbour's line. */
const FAN_REACH = 210;
const ROW = 34;

type Position = { x: number; y: number };

const preset = (positions: Map<string, Position>, padding: number): LayoutOptions =>
	({ name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }, fit: true, padding, animate: false }) as LayoutOptions;

const byLabel = (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => String(a.data('label')).localeCompare(String(b.data('label')));

/**
 * The entry on the left (in the middle when the box is wide) and its neighbours in a column beside
 * it, one line each, grouped by category. The picture is drawn at its own size: the box grows with
 * the column, so that neither a label nor a relation's name is shrunk or cut by fitting a ring of
 * twenty entries into a narrow panel.
 */
export function fanLayout(container: HTMLElement, cy: Core): LayoutOptions {
	const fan = cy
		.nodes('[!focus]')
		.toArray()
		.sort((a, b) => String(a.data('category')).localeCompare(String(b.data('category'))) || byLabel(a, b));
	const width = container.clientWidth || 600;
	const longest = Math.min(SIDE_LABEL_MAX, Math.max(0, ...fan.map((n) => String(n.data('label')).length)) * CHAR_WIDTH);
	// Two columns when the box has room for labels on both sides.
	const columns = fan.length > 6 && width >= 2 * (FAN_REACH + longest) + 2 * RING_PADDING ? 2 : 1;
	const rows = Math.ceil(fan.length / columns);
	container.style.height = `${Math.round(Math.max(200, rows * ROW + 40 + 2 * RING_PADDING))}px`;
	cy.resize();
	const positions = new Map<string, Position>();
	fan.forEach((node, i) => {
		const right = columns === 1 || i < rows;
		const row = right ? i : i - rows;
		const count = right ? Math.min(rows, fan.length) : fan.length - rows;
		positions.set(node.id(), { x: right ? FAN_REACH : -FAN_REACH, y: (row - (count - 1) / 2) * ROW });
		node.data('side', right ? 'right' : 'left');
	});
	return preset(positions, RING_PADDING);
}

/**
 * The whole graph as one block per category, each a grid of its entries in alphabetical order under
 * the category's heading (a node whose id is `group:<category>`). The number of columns per block
 * and of blocks per row are chosen so that the picture has the box's shape and is drawn as large as
 * it fits: one category alone fills the box with readable labels.
 */
export function blockLayout(container: HTMLElement, nodes: cytoscape.NodeCollection, headings: cytoscape.NodeCollection): LayoutOptions {
	const groups = new Map<string, cytoscape.NodeSingular[]>();
	for (const node of nodes.toArray()) groups.set(String(node.data('category')), [...(groups.get(String(node.data('category'))) ?? []), node]);
	const order = [...groups.keys()].sort();
	const box = { width: container.clientWidth || 800, height: container.clientHeight || 600 };
	let best: { zoom: number; place: () => Map<string, Position> } | undefined;
	const largest = Math.max(1, ...[...groups.values()].map((g) => g.length));
	for (let columns = 1; columns <= Math.min(10, largest); columns++) {
		for (let perRow = 1; perRow <= order.length; perRow++) {
			const plan = planBlocks(order.map((c) => groups.get(c)!.length), columns, perRow);
			const zoom = Math.min(box.width / plan.width, box.height / plan.height);
			if (!best || zoom > best.zoom) best = { zoom, place: () => place(plan, order, groups, headings, columns) };
		}
	}
	return preset(best?.place() ?? new Map(), 24);
}

interface Plan {
	width: number;
	height: number;
	/** Top-left corner of each block, in category order. */
	corners: Position[];
}

/** Blocks of `columns` cells in rows of `perRow` blocks; each row as tall as its tallest block. */
function planBlocks(sizes: number[], columns: number, perRow: number): Plan {
	const blockWidth = columns * CELL.width;
	const corners: Position[] = [];
	let y = 0;
	for (let start = 0; start < sizes.length; start += perRow) {
		const row = sizes.slice(start, start + perRow);
		row.forEach((_, i) => corners.push({ x: i * (blockWidth + GAP), y }));
		y += HEADING + Math.max(...row.map((n) => Math.ceil(n / columns))) * CELL.height + GAP;
	}
	return { width: Math.min(perRow, sizes.length) * (blockWidth + GAP) - GAP, height: y - GAP, corners };
}

function place(plan: Plan, order: string[], groups: Map<string, cytoscape.NodeSingular[]>, headings: cytoscape.NodeCollection, columns: number): Map<string, Position> {
	const positions = new Map<string, Position>();
	order.forEach((category, i) => {
		const corner = plan.corners[i];
		const members = groups.get(category)!.sort(byLabel);
		const used = Math.min(columns, members.length);
		positions.set(`group:${category}`, { x: corner.x + (used * CELL.width) / 2, y: corner.y + HEADING / 3 });
		members.forEach((node, j) => {
			positions.set(node.id(), { x: corner.x + ((j % columns) + 0.5) * CELL.width, y: corner.y + HEADING + Math.floor(j / columns) * CELL.height + 12 });
		});
	});
	// Headings of categories not shown stay where they are (hidden with their category).
	headings.forEach((h) => void (positions.has(h.id()) || positions.set(h.id(), h.position())));
	return positions;
}
