import * as vscode from 'vscode';
import type { Language } from '../../server/src/service/knowledge/types';
import { escapeHtml, jsonForHtml, nonce } from './html';
import { CATEGORY_COLOURS, GRAPH_DATA_ID, type GraphPayload } from './webview/protocol';

/** What a KubeLore webview page shows. */
export interface Page {
	title: string;
	language: Language;
	/** `data-view` of the body: `entry` or `graph`. */
	view: 'entry' | 'graph';
	/** `data-entry-id` of the body, for tests and for the script. */
	entryId?: string;
	body: string;
	graph?: GraphPayload;
}

/** Webview options shared by the KubeLore views: scripts on, local files only from dist/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
	return { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

/**
 * A whole page: a strict Content-Security-Policy (no remote content; the one script and the one
 * style sheet carry a fresh nonce), the theme's colours, and dist/webview.js.
 */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: Page): string {
	const n = nonce();
	const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
	const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`].join('; ');
	const attributes = [`data-view="${page.view}"`, `data-language="${page.language}"`, page.entryId ? `data-entry-id="${escapeHtml(page.entryId)}"` : ''].filter(Boolean).join(' ');
	const graph = page.graph ? `<script type="application/json" id="${GRAPH_DATA_ID}">${jsonForHtml(page.graph)}</script>` : '';
	// Cytoscape adds a style sheet with this id unless one exists; the CSP would block its own.
	return `<!DOCTYPE html>
<html lang="${page.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style nonce="${n}" id="__________cytoscape_stylesheet">${STYLE}</style>
</head>
<body ${attributes}>
${page.body}
${graph}
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
}

const STYLE = `
.__________cytoscape_container { position: relative; }
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 0 24px 32px; line-height: 1.6; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
a:focus-visible, button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 10px; cursor: pointer; }
button:hover:not(:disabled) { background: var(--vscode-button-secondaryHoverBackground); }
button:disabled { opacity: 0.5; cursor: default; }
button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
header { padding: 12px 0 10px; border-bottom: 1px solid var(--vscode-panel-border, transparent); margin-bottom: 16px; }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.category { display: inline-flex; align-items: center; gap: 6px; color: var(--vscode-descriptionForeground); font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.05em; }
.swatch { width: 10px; height: 10px; border-radius: 50%; display: inline-block; background: var(--cat-color); background: rgb(from var(--cat-color) r g b / 1); flex: none; }
h1 { font-size: 1.8em; font-weight: 600; margin: 4px 0 2px; line-height: 1.25; }
h2 { font-size: 1.2em; font-weight: 600; margin: 1.4em 0 0.5em; padding-bottom: 3px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.muted, .aliases, .hint { color: var(--vscode-descriptionForeground); }
.aliases { font-size: 0.9em; margin: 0; }
.hint { font-size: 0.85em; margin: 4px 0 0; }
code { font-family: var(--vscode-editor-font-family); font-size: 0.92em; background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px 12px; overflow-x: auto; border-radius: 3px; }
pre code { background: none; padding: 0; }
blockquote { margin: 0.8em 0; padding: 2px 12px; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
table { border-collapse: collapse; margin: 0.6em 0; width: 100%; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #8884)); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); font-weight: 600; }
table.facts th { width: 38%; }
.yes { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.no { color: var(--vscode-descriptionForeground); }
.fact-list { margin: 0; padding-left: 1.1em; }
dl.relations { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
dl.relations dt { color: var(--vscode-descriptionForeground); }
dl.relations dd { margin: 0; }
ul.links { padding-left: 1.2em; margin: 0.4em 0; }
ul.links li { margin: 2px 0; overflow-wrap: anywhere; }
.graph-box { position: relative; height: 380px; border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, #8884)); border-radius: 4px; background: var(--vscode-editor-background); }
body.vscode-high-contrast .graph-box { border-color: var(--vscode-contrastBorder); }
main.entry { display: grid; grid-template-columns: minmax(0, 1fr); grid-template-areas: "graph" "body" "facts" "links"; column-gap: 32px; }
main.entry > .body { grid-area: body; }
main.entry > .graph { grid-area: graph; }
main.entry > .facts { grid-area: facts; }
main.entry > .links { grid-area: links; }
@media (min-width: 900px) {
	main.entry { grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); grid-template-areas: "graph graph" "body facts" "body links" "body ."; grid-template-rows: auto auto auto 1fr; }
}
body[data-view="graph"] { display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; padding-bottom: 12px; }
body[data-view="graph"] .graph-box { flex: 1; min-height: 320px; height: auto; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.chips button { display: inline-flex; align-items: center; gap: 6px; border-radius: 12px; padding: 1px 10px; background: transparent; color: var(--vscode-descriptionForeground); border: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, #8884)); }
.chips button[aria-pressed="true"] { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border-color: var(--vscode-focusBorder); }
.chips button[aria-pressed="false"] .swatch { opacity: 0.35; }
${Object.entries(CATEGORY_COLOURS)
	.map(([category, colour]) => `.cat-${category} { --cat-color: ${colour}; }`)
	.join('\n')}
`;
