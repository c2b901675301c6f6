import { randomBytes } from 'node:crypto';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON safe inside a `<script type="application/json">` block: no `</script>`, no `<!--`. */
export function jsonForHtml(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A fresh nonce for the Content-Security-Policy of one page. */
export function nonce(): string {
	return randomBytes(18).toString('base64');
}

/** Whether a link may be opened in the browser. */
export function isWebUrl(url: string): boolean {
	return /^https?:\/\/[^\s]+$/i.test(url);
}
