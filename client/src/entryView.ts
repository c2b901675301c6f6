import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { Entity, Language } from '../../server/src/service/knowledge/types';
import { displayLanguage } from './language';
import type { KnowledgeStore } from './knowledgeStore';

const md = new MarkdownIt({ html: false, linkify: true });

/** The entry view: one webview panel that shows an entry, its relations, sources and team notes. */
export class EntryView {
	private panel: vscode.WebviewPanel | undefined;
	private readonly history: string[] = [];

	constructor(
		private readonly context: vscode.ExtensionContext,
		private readonly store: KnowledgeStore,
	) {}

	/** Shows an entry; relations open in the same view, with Back. */
	async show(id: string, pushHistory = true): Promise<void> {
		const entity = await this.store.entity(id);
		if (!entity) {
			void vscode.window.showWarningMessage(vscode.l10n.t('KubeLore has no entry "{0}".', id));
			return;
		}
		const panel = this.ensurePanel();
		if (pushHistory && this.history[this.history.length - 1] !== id) this.history.push(id);
		const language = displayLanguage();
		panel.title = `KubeLore: ${entity.title[language] || entity.title.en}`;
		const all = await this.store.all();
		const byId = new Map(all.entities.map((e) => [e.id, e]));
		panel.webview.html = this.html(panel.webview, entity, byId, all.notes[entity.id] ?? [], language);
		panel.reveal(undefined, false);
	}

	/** The whole graph: every entity and relation. */
	async showGraph(): Promise<void> {
		const all = await this.store.all();
		const first = all.entities.find((e) => e.id === 'cni') ?? all.entities[0];
		if (first) await this.show(first.id);
	}

	private ensurePanel(): vscode.WebviewPanel {
		if (this.panel) return this.panel;
		const panel = vscode.window.createWebviewPanel('kubelore.entry', 'KubeLore', vscode.ViewColumn.Beside, {
			enableScripts: true,
			localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
		});
		panel.onDidDispose(() => (this.panel = undefined));
		panel.webview.onDidReceiveMessage(async (message: { type: string; id?: string; url?: string; file?: string; line?: number }) => {
			if (message.type === 'open' && message.id) await this.show(message.id);
			else if (message.type === 'back' && this.history.length > 1) {
				this.history.pop();
				await this.show(this.history[this.history.length - 1], false);
			} else if (message.type === 'external' && message.url && /^https?:\/\//.test(message.url)) {
				await vscode.env.openExternal(vscode.Uri.parse(message.url));
			} else if (message.type === 'note' && message.file) {
				const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(message.file));
				const position = new vscode.Position(message.line ?? 0, 0);
				await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
			}
		});
		this.panel = panel;
		return panel;
	}

	private html(webview: vscode.Webview, entity: Entity, byId: Map<string, Entity>, notes: { file: string; line: number; excerpt: string }[], language: Language): string {
		const nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
		const title = (e: Entity) => escapeHtml(e.title[language] || e.title.en);
		const body = md.render(entity.body[language] || entity.body.en);
		const bodyHtml = entity.team ? `<p>${escapeHtml(entity.body[language] || entity.body.en)}</p>` : body;
		const facts = Object.entries(entity.facts)
			.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
			.join('');
		const relations = entity.relations
			.filter((r) => byId.has(r.target))
			.map((r) => `<li><span class="rel">${escapeHtml(r.type)}</span> <a href="#" data-open="${escapeHtml(r.target)}">${title(byId.get(r.target)!)}</a></li>`)
			.join('');
		const incoming = [...byId.values()]
			.flatMap((e) => e.relations.filter((r) => r.target === entity.id && e.id !== entity.id).map((r) => ({ e, r })))
			.map(({ e, r }) => `<li><a href="#" data-open="${escapeHtml(e.id)}">${title(e)}</a> <span class="rel">${escapeHtml(r.type)}</span></li>`)
			.join('');
		const docs = entity.docs.map((url) => `<li><a href="#" data-external="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`).join('');
		const sources = entity.sources
			.map((s) => `<li>${s.address?.startsWith('http') ? `<a href="#" data-external="${escapeHtml(s.address)}">${escapeHtml(s.title)}</a>` : escapeHtml(s.title)}${s.section ? ` — ${escapeHtml(s.section)}` : ''}</li>`)
			.join('');
		const noteItems = notes
			.map((n) => `<li><a href="#" data-note="${escapeHtml(n.file)}" data-line="${n.line}">${escapeHtml(n.file.split('/').pop() ?? n.file)}:${n.line + 1}</a> ${escapeHtml(n.excerpt)}</li>`)
			.join('');
		const zh = language === 'zh';
		return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.55; max-width: 60em; }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
table { border-collapse: collapse; margin: .8em 0; } th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .2em; }
.category { color: var(--vscode-descriptionForeground); text-transform: uppercase; font-size: .8em; letter-spacing: .06em; }
.rel { color: var(--vscode-descriptionForeground); font-size: .85em; }
nav button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: .3em .8em; cursor: pointer; }
</style></head><body>
<nav><button id="back">← ${zh ? '返回' : 'Back'}</button></nav>
<p class="category">${escapeHtml(entity.category)}</p>
<h1>${title(entity)}</h1>
${bodyHtml}
${facts ? `<h2>${zh ? '要点' : 'Facts'}</h2><table>${facts}</table>` : ''}
${relations || incoming ? `<h2>${zh ? '相关条目' : 'Related'}</h2><ul>${relations}${incoming}</ul>` : ''}
${docs ? `<h2>${zh ? '文档' : 'Docs'}</h2><ul>${docs}</ul>` : ''}
${sources ? `<h2>${zh ? '来源' : 'Sources'}</h2><ul>${sources}</ul>` : ''}
${noteItems ? `<h2>${zh ? '团队笔记' : 'Team notes'}</h2><ul>${noteItems}</ul>` : ''}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('back').addEventListener('click', () => vscode.postMessage({ type: 'back' }));
document.addEventListener('click', (event) => {
  const a = event.target.closest('a'); if (!a) return;
  event.preventDefault();
  if (a.dataset.open) vscode.postMessage({ type: 'open', id: a.dataset.open });
  else if (a.dataset.external) vscode.postMessage({ type: 'external', url: a.dataset.external });
  else if (a.dataset.note) vscode.postMessage({ type: 'note', file: a.dataset.note, line: Number(a.dataset.line) });
  else if (a.getAttribute('href') && /^https?:/.test(a.getAttribute('href'))) vscode.postMessage({ type: 'external', url: a.getAttribute('href') });
});
</script></body></html>`;
	}
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
