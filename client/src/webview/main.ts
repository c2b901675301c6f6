/// <reference lib="dom" />
/* The script of the KubeLore webviews (bundled as dist/webview.js): links, Back, the graph picture. */
import { drawGraph } from './graph';
import { GRAPH_DATA_ID, type GraphPayload, type ViewMessage } from './protocol';

/** What a view needs to be drawn again after a window reload (VS Code keeps it with the panel). */
interface ViewState {
	view?: string;
	id?: string;
	category?: string;
}

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void; setState(state: ViewState): void };

const vscode = acquireVsCodeApi();
const post = (message: ViewMessage) => vscode.postMessage(message);

const remember = (category?: string) => vscode.setState({ view: document.body.dataset.view, id: document.body.dataset.entryId, ...(category ? { category } : {}) });
remember(document.getElementById('graph')?.dataset.category);

document.getElementById('back')?.addEventListener('click', () => post({ type: 'back' }));

// Every link goes through the extension: entries open in the view, the web in the browser.
document.addEventListener('click', (event) => {
	const link = (event.target as Element | null)?.closest?.('a');
	if (!link) return;
	const href = link.getAttribute('href') ?? '';
	if (href.startsWith('#') && href.length > 1) return;
	event.preventDefault();
	const { open, external, note, line } = link.dataset;
	if (open) post({ type: 'open', id: open });
	else if (external) post({ type: 'external', url: external });
	else if (note) post({ type: 'note', file: note, line: Number(line) || 0 });
	else if (/^https?:\/\//i.test(href)) post({ type: 'external', url: href });
	else {
		const entry = /^command:kubelore\.openEntry\?(.+)$/.exec(href);
		const id = entry ? entryIdOf(entry[1]) : undefined;
		if (id) post({ type: 'open', id });
	}
});

function entryIdOf(argument: string): string | undefined {
	try {
		const args: unknown = JSON.parse(decodeURIComponent(argument));
		return Array.isArray(args) && typeof args[0] === 'string' ? args[0] : undefined;
	} catch {
		return undefined;
	}
}

const data = document.getElementById(GRAPH_DATA_ID)?.textContent;
const container = document.getElementById('graph');
if (data && container) {
	const payload = JSON.parse(data) as GraphPayload;
	const initial = container.dataset.category ? new Set([container.dataset.category]) : undefined;
	let only = (category: string): void => void category;
	const graph = drawGraph(container, payload, initial, {
		open: (id) => post({ type: 'open', id }),
		drawn: (nodes, edges) => {
			document.body.dataset.graphDrawn = String(nodes);
			post({ type: 'drawn', nodes, edges });
		},
		only: (category) => only(category),
	});
	only = setUpFilter(graph.filter, initial, remember);
}

/**
 * The category chips of the graph view: one click shows that category alone, more add to it.
 * Returns what a click on a category's heading in the picture does: show that category alone.
 */
function setUpFilter(filter: (categories: Set<string> | undefined) => void, initial: Set<string> | undefined, remember: (category?: string) => void): (category: string) => void {
	const chips = Array.from(document.querySelectorAll<HTMLButtonElement>('.chips button[data-category]'));
	let selected = initial;
	const render = () => {
		for (const chip of chips) {
			const category = chip.dataset.category ?? '';
			chip.setAttribute('aria-pressed', String(category ? !selected || selected.has(category) : !selected));
		}
		filter(selected);
	};
	for (const chip of chips) {
		chip.addEventListener('click', () => {
			const category = chip.dataset.category ?? '';
			if (!category) selected = undefined;
			else if (!selected) selected = new Set([category]);
			else if (selected.has(category)) {
				selected.delete(category);
				if (!selected.size) selected = undefined;
			} else selected.add(category);
			// A reload restores one category, or all of them.
			remember(selected?.size === 1 ? [...selected][0] : undefined);
			render();
		});
	}
	return (category) => {
		selected = new Set([category]);
		remember(category);
		render();
	};
}
