import { isMap, isScalar, stringify } from 'yaml';
import type { ApiMigration } from '../knowledge/types';
import { nodeAtPath, pairAtPath } from '../manifest/nodes';
import { isRecord } from '../manifest/parse';
import type { ManifestDocument, NodePath } from '../manifest/types';
import type { IndexedFile } from '../workspace/index';
import { insertBeforeKey, replaceScalar } from './findingParts';
import { hpaMetricV2 } from './hpaMetrics';
import { valueAt } from './podSpec';
import { insertAfterKeyEdit, insertFirstKeyEdit, removeKeyEdits } from './serviceEdits';
import type { OffsetEdit } from './types';

/**
 * The edits that move a resource to its replacement group/version: the `apiVersion` and the
 * fields the guide says changed with it. Undefined when the document cannot be rewritten safely
 * (a manual migration, a selector with no template labels to take it from, odd layout).
 */
export function migrationEdits(migration: ApiMigration, replacement: string, document: ManifestDocument, file: IndexedFile): OffsetEdit[] | undefined {
	const version = replaceScalar(document, ['apiVersion'], replacement);
	const value = document.resource?.value;
	if (!version || !value) return undefined;
	const text = file.text.getText();
	const rest = MIGRATIONS[migration](value, document, file, text);
	return rest && [version, ...rest];
}

type Migrate = (value: Record<string, unknown>, document: ManifestDocument, file: IndexedFile, text: string) => OffsetEdit[] | undefined;

const MIGRATIONS: Record<ApiMigration, Migrate> = {
	apiVersion: () => [],
	manual: () => undefined,
	'ingress-v1': ingressV1,
	'apps-v1-selector': appsV1Selector,
	'hpa-v2-metrics': (value, document) => {
		const metrics = valueAt(value, ['spec', 'metrics']);
		if (!Array.isArray(metrics)) return [];
		const edits: OffsetEdit[] = [];
		for (const [i, metric] of metrics.entries()) {
			const next = isRecord(metric) ? hpaMetricV2(metric) : undefined;
			if (next === undefined) return undefined;
			if (next === metric) continue;
			const edit = replaceMapEdit(document, ['spec', 'metrics', i], next);
			if (!edit) return undefined;
			edits.push(edit);
		}
		return edits;
	},
	'flowcontrol-v1-shares': (_value, document) => {
		const key = pairAtPath(document, ['spec', 'limited', 'assuredConcurrencyShares'])?.key;
		if (!isScalar(key) || !key.range) return [];
		return [{ start: document.start + key.range[0], end: document.start + key.range[1], newText: 'nominalConcurrencyShares' }];
	},
};

/** Ingress v1: `backend` becomes `defaultBackend`, backends name a `service`, every path gets a `pathType`. */
function ingressV1(value: Record<string, unknown>, document: ManifestDocument, _file: IndexedFile, text: string): OffsetEdit[] | undefined {
	const edits: OffsetEdit[] = [];
	const backend = (path: NodePath) => {
		const old = valueAt(value, path);
		if (!isRecord(old) || old.serviceName === undefined) return true;
		const port = old.servicePort;
		const service = { name: old.serviceName, port: typeof port === 'number' || /^\d+$/.test(String(port)) ? { number: Number(port) } : { name: String(port) } };
		const others = Object.fromEntries(Object.entries(old).filter(([k]) => k !== 'serviceName' && k !== 'servicePort'));
		const edit = replaceMapEdit(document, path, { service, ...others });
		if (edit) edits.push(edit);
		return !!edit;
	};
	const spec = valueAt(value, ['spec']);
	if (!isRecord(spec)) return edits;
	if (spec.backend !== undefined) {
		const key = pairAtPath(document, ['spec', 'backend'])?.key;
		if (!isScalar(key) || !key.range || !backend(['spec', 'backend'])) return undefined;
		edits.push({ start: document.start + key.range[0], end: document.start + key.range[1], newText: 'defaultBackend' });
	}
	const rules = Array.isArray(spec.rules) ? spec.rules : [];
	for (const [r, rule] of rules.entries()) {
		const paths = valueAt(rule, ['http', 'paths']);
		if (!Array.isArray(paths)) continue;
		for (const [p, item] of paths.entries()) {
			const at: NodePath = ['spec', 'rules', r, 'http', 'paths', p];
			if (!isRecord(item) || !backend([...at, 'backend'])) return undefined;
			if (item.pathType !== undefined) continue;
			const entry = 'pathType: ImplementationSpecific';
			const edit = item.path !== undefined ? insertAfterKeyEdit(text, document, [...at, 'path'], entry) : insertFirstKeyEdit(text, document, at, entry);
			if (!edit) return undefined;
			edits.push(edit);
		}
	}
	return edits;
}

/** apps/v1 requires `spec.selector`: the template's labels select exactly the pods it already made. */
function appsV1Selector(value: Record<string, unknown>, document: ManifestDocument, file: IndexedFile, text: string): OffsetEdit[] | undefined {
	const edits: OffsetEdit[] = [];
	for (const gone of ['rollbackTo', 'templateGeneration']) {
		if (valueAt(value, ['spec', gone]) === undefined) continue;
		const removal = removeKeyEdits(text, document, ['spec', gone]);
		if (!removal) return undefined;
		edits.push(...removal);
	}
	if (valueAt(value, ['spec', 'selector']) !== undefined) return edits;
	const labels = valueAt(value, ['spec', 'template', 'metadata', 'labels']);
	if (!isRecord(labels) || Object.keys(labels).length === 0) return undefined;
	const lines = stringify({ selector: { matchLabels: labels } }, { indent: 2 }).trimEnd().split('\n');
	const edit = insertBeforeKey(document, file, ['spec', 'template'], lines);
	return edit ? [...edits, edit] : undefined;
}

/**
 * An edit that replaces a block or flow map with another value, written in the same style at the
 * same indentation. Undefined when the node is not a map with ranges.
 */
export function replaceMapEdit(document: ManifestDocument, path: NodePath, value: Record<string, unknown>): OffsetEdit | undefined {
	const node = nodeAtPath(document, path);
	if (!isMap(node) || !node.range || node.items.length === 0) return undefined;
	const first = (node.items[0].key as { range?: number[] } | null)?.range?.[0];
	const last = node.items[node.items.length - 1];
	let end = (last.value as { range?: number[] } | null)?.range?.[1] ?? (last.key as { range?: number[] } | null)?.range?.[1];
	if (first === undefined || end === undefined) return undefined;
	// A nested block collection's range runs on to the next line's indentation: stop at its text.
	while (end > first && /\s/.test(document.text[end - 1])) end--;
	if (node.flow) {
		const flow = stringify(value, { collectionStyle: 'flow' }).trim();
		return { start: document.start + node.range[0], end: document.start + node.range[1], newText: flow };
	}
	const lineStart = document.text.lastIndexOf('\n', first - 1) + 1;
	const indent = ' '.repeat(first - lineStart);
	const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
	const body = stringify(value, { indent: 2 }).trimEnd().split('\n').join(`${eol}${indent}`);
	return { start: document.start + first, end: document.start + end, newText: body };
}
