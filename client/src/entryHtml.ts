import MarkdownIt from 'markdown-it';
import type { Entity, Language, RelationType, TeamNote } from '../../server/src/service/knowledge/types';
import { factTableHtml } from './factTable';
import { escapeHtml, isWebUrl } from './html';
import { CATEGORY_TEXT, INCOMING_RELATION_TEXT, RELATION_TEXT, say, VIEW_TEXT } from './viewText';

// No raw HTML: team documents are untrusted, and the CSP would block what it could load anyway.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
/** Team documents may not link into commands, in any markdown form (inline, reference, autolink, bare). */
const teamMd = new MarkdownIt({ html: false, linkify: true, typographer: false });
const validateLink = teamMd.validateLink.bind(teamMd);
teamMd.validateLink = (url) => validateLink(url) && !isCommandLink(url);

/** True for a `command:` URI, however it is cased, spaced or percent-encoded. */
export function isCommandLink(url: string): boolean {
	let decoded = url;
	try {
		decoded = decodeURIComponent(url);
	} catch {
		// keep the raw text
	}
	// Control characters and spaces are dropped by URL parsers before the scheme is read.
	// eslint-disable-next-line no-control-regex
	return /^command:/i.test(decoded.replace(/[\u0000-\u0020]/g, ''));
}

/** What an entry page needs besides the entry: the other entries, its team notes, Back. */
export interface EntryContext {
	byId: Map<string, Entity>;
	notes: TeamNote[];
	language: Language;
	canGoBack: boolean;
}

/** The body of the entry page: header, the markdown, the picture's box, facts, relations, links. */
export function entryBodyHtml(entity: Entity, context: EntryContext): string {
	const { language } = context;
	const text = (value: { en: string; zh: string }) => value[language] || value.en;
	const category = CATEGORY_TEXT[entity.category] ? say(CATEGORY_TEXT[entity.category], language) : entity.category;
	const aliases = entity.aliases.filter((a) => a !== text(entity.title)).slice(0, 10);
	const facts = entity.team ? '' : factTableHtml(entity.facts, language);
	return `<header>
<div class="toolbar"><button id="back" type="button" ${context.canGoBack ? '' : 'disabled'}>← ${escapeHtml(say(VIEW_TEXT.back, language))}</button>
<span class="category cat-${escapeHtml(entity.category)}"><span class="swatch"></span>${escapeHtml(category)}</span></div>
<h1 id="entry-title">${escapeHtml(text(entity.title))}</h1>
${aliases.length ? `<p class="aliases">${escapeHtml(say(VIEW_TEXT.aliases, language))}: ${aliases.map(escapeHtml).join(' · ')}</p>` : ''}
</header>
<main class="entry">
<section class="graph"><h2>${escapeHtml(say(VIEW_TEXT.neighbourhood, language))}</h2>
<div id="graph" class="graph-box" role="img" aria-label="${escapeHtml(say(VIEW_TEXT.neighbourhood, language))}"></div>
<p class="hint">${escapeHtml(say(VIEW_TEXT.neighbourhoodHint, language))}</p></section>
<article class="body">${bodyHtml(entity, language)}</article>
${facts ? `<section class="facts"><h2>${escapeHtml(say(VIEW_TEXT.facts, language))}</h2>${facts}</section>` : ''}
<section class="links">${relationsHtml(entity, context)}${docsHtml(entity, language)}${sourcesHtml(entity, language)}${notesHtml(context.notes, language)}</section>
</main>`;
}

function bodyHtml(entity: Entity, language: Language): string {
	const body = entity.body[language] || entity.body.en;
	if (!entity.team) return md.render(body);
	// A team entry: its markdown, with no links into commands.
	const file = entity.file.split(/[\\/]/).pop() ?? entity.file;
	const origin = `<p class="muted">${escapeHtml(say(VIEW_TEXT.teamEntry, language))} <a href="#" data-note="${escapeHtml(entity.file)}" data-line="0">${escapeHtml(file)}</a></p>`;
	return origin + teamMd.render(body);
}

/** Relations grouped by how they read: "implements: CNI", "implemented by: Calico, Flannel". */
function relationsHtml(entity: Entity, { byId, language }: EntryContext): string {
	const groups = new Map<string, Entity[]>();
	const add = (label: string, other: Entity | undefined) => {
		if (!other || other.id === entity.id) return;
		const list = groups.get(label) ?? [];
		if (!list.includes(other)) list.push(other);
		groups.set(label, list);
	};
	for (const r of entity.relations) add(relationLabel(r.type, true, language), byId.get(r.target));
	for (const other of byId.values()) {
		for (const r of other.relations) if (r.target === entity.id) add(relationLabel(r.type, false, language), other);
	}
	if (!groups.size) return '';
	const rows = [...groups].map(
		([label, list]) => `<dt>${escapeHtml(label)}</dt><dd>${list.map((e) => `<a href="#" data-open="${escapeHtml(e.id)}">${escapeHtml(e.title[language] || e.title.en)}</a>`).join(', ')}</dd>`,
	);
	return `<h2>${escapeHtml(say(VIEW_TEXT.related, language))}</h2><dl class="relations">${rows.join('')}</dl>`;
}

function relationLabel(type: RelationType, outgoing: boolean, language: Language): string {
	const text = (outgoing ? RELATION_TEXT : INCOMING_RELATION_TEXT)[type];
	return text ? say(text, language) : type;
}

function docsHtml(entity: Entity, language: Language): string {
	const docs = entity.docs.filter(isWebUrl);
	if (!docs.length) return '';
	const items = docs.map((url) => `<li><a href="#" data-external="${escapeHtml(url)}" title="${escapeHtml(url)}">${escapeHtml(shortUrl(url))}</a></li>`);
	return `<h2>${escapeHtml(say(VIEW_TEXT.docs, language))}</h2><ul class="links">${items.join('')}</ul>`;
}

function sourcesHtml(entity: Entity, language: Language): string {
	if (!entity.sources.length) return '';
	const items = entity.sources.map((s) => {
		const title = escapeHtml(s.title);
		const link = s.address && isWebUrl(encodeURI(s.address)) && !entity.team ? `<a href="#" data-external="${escapeHtml(encodeURI(s.address))}">${title}</a>` : title;
		return `<li>${link}${s.section ? ` <span class="muted">— ${escapeHtml(s.section)}</span>` : ''}</li>`;
	});
	return `<h2>${escapeHtml(say(VIEW_TEXT.sources, language))}</h2><ul class="links">${items.join('')}</ul>`;
}

function notesHtml(notes: TeamNote[], language: Language): string {
	if (!notes.length) return '';
	const items = notes.map((n) => {
		const file = n.file.split(/[\\/]/).pop() ?? n.file;
		return `<li><a href="#" data-note="${escapeHtml(n.file)}" data-line="${n.line}" title="${escapeHtml(n.file)}">${escapeHtml(file)}:${n.line + 1}</a> <span class="muted">${escapeHtml(n.excerpt)}</span></li>`;
	});
	return `<h2>${escapeHtml(say(VIEW_TEXT.teamNotes, language))}</h2><ul class="links">${items.join('')}</ul>`;
}

/** `https://kubernetes.io/docs/concepts/services-networking/service/` -> `kubernetes.io/docs/…/service`. */
function shortUrl(url: string): string {
	try {
		const u = new URL(url);
		const parts = u.pathname.split('/').filter(Boolean);
		const path = parts.length > 3 ? `${parts.slice(0, 2).join('/')}/…/${parts[parts.length - 1]}` : parts.join('/');
		return decodeURIComponent(`${u.host}${path ? `/${path}` : ''}`);
	} catch {
		return url;
	}
}
