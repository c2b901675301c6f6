import { CompletionItemKind } from 'vscode-languageserver-types';
import { format, t } from '../../l10n/text';
import { isRecord } from '../../manifest/parse';
import type { IndexedResource } from '../../workspace/index';
import { containerPorts, podTemplatesInScope, selectedTemplates, type PodTemplate } from '../../workspace/podTemplates';
import { namespaceOf } from '../../workspace/scope';
import type { Candidate, CompletionContext, CompletionProvider } from '../completion';
import { ancestorAt, siblingValue } from '../completionSite';
import { COMPLETION_TEXT } from './text';

/** Values read from other resources: a Service's selector and targetPort, an Ingress backend's port, ConfigMap and Secret keys. */
export const serviceItems: CompletionProvider = (c) => {
	const { pattern, position } = c.site;
	if (c.kind === 'Service' && pattern.startsWith('spec.selector')) return selectorItems(c);
	if (position !== 'value') return undefined;
	if (c.kind === 'Service' && pattern === 'spec.ports[].targetPort') return targetPortItems(c);
	if (c.kind === 'Ingress' && /(?:^|\.)(?:backend|defaultBackend)\.(?:service\.port\.(?:number|name)|servicePort)$/.test(pattern)) return backendPortItems(c);
	const keyRef = /(configMap|secret)(?:KeyRef\.key|\.items\[\]\.key)$/i.exec(pattern);
	if (keyRef) return keyItems(c, keyRef[1].toLowerCase() === 'configmap' ? 'ConfigMap' : 'Secret', !pattern.endsWith('Ref.key'));
	return undefined;
};

/** Label pairs of the pod templates of the namespace and scope, and a whole selector per workload. */
function selectorItems(c: CompletionContext): Candidate[] | undefined {
	const { site } = c;
	const templates = podTemplatesInScope(c);
	const language = c.settings.language;
	const owner = (p: PodTemplate) => `${p.entry.resource.kind}/${p.entry.resource.name ?? '?'}`;
	if (site.keys.length === 2 && site.position === 'key') {
		const pairs = templates.flatMap((p) => Object.entries(p.labels).map(([k, v]): Candidate => ({ label: `${k}: ${v}`, kind: CompletionItemKind.Value, rank: 0, detail: format(t(COMPLETION_TEXT.labelOf, language), owner(p)) })));
		const whole = templates
			.filter((p) => Object.keys(p.labels).length > 1)
			.map((p): Candidate => ({ label: owner(p), kind: CompletionItemKind.Snippet, rank: 1, detail: format(t(COMPLETION_TEXT.selectorOf, language), owner(p)), insert: Object.entries(p.labels).map(([k, v]) => `${k}: ${v}`).join(`\n${' '.repeat(site.column)}`) }));
		return [...pairs, ...whole];
	}
	if (site.keys.length === 2 && site.position === 'value') {
		return templates
			.filter((p) => Object.keys(p.labels).length)
			.map((p) => ({ label: `{ ${Object.entries(p.labels).map(([k, v]) => `${k}: ${v}`).join(', ')} }`, kind: CompletionItemKind.Snippet, rank: 0, detail: format(t(COMPLETION_TEXT.selectorOf, language), owner(p)) }));
	}
	if (site.keys.length === 3 && site.position === 'value') {
		const key = site.keys[2];
		return templates.filter((p) => p.labels[key] !== undefined).map((p) => ({ label: p.labels[key], kind: CompletionItemKind.Value, rank: 0, detail: format(t(COMPLETION_TEXT.labelOf, language), owner(p)) }));
	}
	return undefined;
}

/** Container port names (then numbers) of the pods the Service selects. */
function targetPortItems(c: CompletionContext): Candidate[] {
	const spec = c.entry.resource.value.spec;
	const selector = isRecord(spec) && isRecord(spec.selector) ? spec.selector : undefined;
	if (!selector) return [];
	const out: Candidate[] = [];
	for (const template of selectedTemplates(c, selector)) {
		const detail = format(t(COMPLETION_TEXT.containerPort, c.settings.language), `${template.entry.resource.kind}/${template.entry.resource.name ?? '?'}`);
		for (const port of containerPorts(template)) {
			if (port.name) out.push({ label: port.name, kind: CompletionItemKind.Value, rank: 0, detail, description: port.containerPort === undefined ? undefined : `${port.containerPort}/${port.protocol}` });
			if (port.containerPort !== undefined) out.push({ label: String(port.containerPort), kind: CompletionItemKind.Value, rank: 1, detail, description: port.name });
		}
	}
	return out;
}

/** The ports of the Service an Ingress backend names: numbers for `port.number`, names for `port.name`. */
function backendPortItems(c: CompletionContext): Candidate[] {
	const { site } = c;
	const legacy = site.pattern.endsWith('servicePort');
	const port = legacy ? undefined : ancestorAt(site, 1);
	const inLine = site.inFlow ? flowValue(site.lines[site.line], legacy ? 'serviceName' : 'name') : undefined;
	const name = inLine ?? (legacy ? siblingValue(site, site.line, site.column, 'serviceName') : port && siblingValue(site, port.line, port.column, 'name'));
	if (!name) return [];
	const wantNames = site.pattern.endsWith('port.name');
	const out: Candidate[] = [];
	for (const service of namedInNamespace(c, 'Service', name)) {
		const ports = isRecord(service.resource.value.spec) && Array.isArray(service.resource.value.spec.ports) ? service.resource.value.spec.ports : [];
		const detail = format(t(COMPLETION_TEXT.portOf, c.settings.language), name);
		for (const p of ports) {
			if (!isRecord(p)) continue;
			const portName = typeof p.name === 'string' ? p.name : undefined;
			if (!wantNames && p.port !== undefined) out.push({ label: String(p.port), kind: CompletionItemKind.Value, rank: 0, detail, description: portName });
			if ((wantNames || legacy) && portName) out.push({ label: portName, kind: CompletionItemKind.Value, rank: legacy ? 1 : 0, detail, description: p.port === undefined ? undefined : String(p.port) });
		}
	}
	return out;
}

/** The keys of the ConfigMap or Secret named beside the key (`configMapKeyRef.name`) or above the items (`configMap.name`). */
function keyItems(c: CompletionContext, kind: 'ConfigMap' | 'Secret', fromItems: boolean): Candidate[] {
	const { site } = c;
	const holder = fromItems ? ancestorAt(site, 1) : { line: site.line, column: site.column };
	const nameKey = fromItems && kind === 'Secret' && !site.pattern.includes('projected') ? 'secretName' : 'name';
	const inLine = site.inFlow ? flowValue(site.lines[site.line], nameKey) : undefined;
	const name = inLine ?? (holder && siblingValue(site, holder.line, holder.column, nameKey));
	if (!name) return [];
	const detail = format(t(COMPLETION_TEXT.keyOf, c.settings.language), kind, name);
	return namedInNamespace(c, kind, name).flatMap((target) => {
		const value = target.resource.value;
		return [value.data, value.stringData, value.binaryData].flatMap((d) => (isRecord(d) ? Object.keys(d) : [])).map((key) => ({ label: key, kind: CompletionItemKind.Property, rank: 0, detail }));
	});
}

/** Resources of a kind and name in the namespace being written: the scope's first, else any in the workspace. */
function namedInNamespace(c: CompletionContext, kind: string, name: string): IndexedResource[] {
	const inScope = c.scope.named(kind, name);
	return inScope.length ? inScope : c.index.named(kind, name).filter((e) => namespaceOf(e, c.settings) === c.scope.namespace);
}

/** `name: web` inside a flow mapping on the line (`service: { name: web, port: { number: ` ). */
function flowValue(line: string, key: string): string | undefined {
	return new RegExp(`[{,]\\s*${key}:\\s*["']?([\\w.-]+)`).exec(line)?.[1];
}
