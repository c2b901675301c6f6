import type { Language, Localized } from '../../server/src/service/knowledge/types';
import { escapeHtml } from './html';
import { say, VIEW_TEXT } from './viewText';

/** Names of the facts knowledge/FORMAT.md documents; other keys are spelled out from camelCase. */
const FACT_NAMES: Record<string, Localized> = {
	networkPolicy: { en: 'Enforces NetworkPolicy', zh: '支持 NetworkPolicy' },
	network: { en: 'Data path', zh: '数据路径' },
	direction: { en: 'Direction', zh: '方向' },
	accessModes: { en: 'Access modes', zh: '访问模式' },
	volumeModes: { en: 'Volume modes', zh: '卷模式' },
	csiDriver: { en: 'CSI driver', zh: 'CSI 驱动' },
	inTreePlugin: { en: 'In-tree volume source', zh: '树内卷类型' },
	inTreeProvisioner: { en: 'In-tree provisioner', zh: '树内供给器' },
	deprecatedIn: { en: 'Deprecated in', zh: '弃用于' },
	removedIn: { en: 'Removed in', zh: '移除于' },
	capacityEnforced: { en: 'Size enforced', zh: '容量限制生效' },
	sandboxed: { en: 'Sandboxed', zh: '沙箱隔离' },
	runtimeHandlers: { en: 'RuntimeClass handlers', zh: 'RuntimeClass handler' },
	nodePortRange: { en: 'NodePort range', zh: 'NodePort 端口范围' },
	unsupported: { en: 'Not supported', zh: '不支持' },
	apiVersions: { en: 'API versions', zh: 'API 版本' },
	default: { en: 'Default', zh: '默认' },
};
const ACRONYMS = new Set(['api', 'bgp', 'cidr', 'cli', 'cni', 'cpu', 'cri', 'crd', 'csi', 'dns', 'ebpf', 'ha', 'http', 'https', 'id', 'ip', 'ipam', 'ipip', 'ipvs', 'k8s', 'nfs', 'oci', 'pv', 'pvc', 'rbac', 'sla', 'tcp', 'tls', 'udp', 'url', 'vm', 'vxlan']);

/** A fact name for people: `fixedIpAnnotation` -> "Fixed IP annotation". */
export function factName(key: string, language: Language): string {
	const known = FACT_NAMES[key];
	if (known) return say(known, language);
	const words = key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[\s_-]+/)
		.map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
	const text = words.join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A fact value as HTML: yes/no, lists, and records such as `{ version, deprecatedIn }` on one line each. */
export function factValueHtml(value: unknown, language: Language): string {
	if (typeof value === 'boolean') return `<span class="${value ? 'yes' : 'no'}">${escapeHtml(say(value ? VIEW_TEXT.yes : VIEW_TEXT.no, language))}</span>`;
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) {
		if (value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(', ');
		return `<ul class="fact-list">${value.map((v) => `<li>${factValueHtml(v, language)}</li>`).join('')}</ul>`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		const headKey = ['version', 'name', 'id'].find((k) => typeof (value as Record<string, unknown>)[k] === 'string');
		const rest = entries.filter(([k]) => k !== headKey).map(([k, v]) => `${escapeHtml(factName(k, language))}: ${factValueHtml(v, language)}`);
		const head = headKey ? `<code>${escapeHtml(String((value as Record<string, unknown>)[headKey]))}</code>` : '';
		return rest.length ? `${head}${head ? ' — ' : ''}${rest.join('; ')}` : head;
	}
	return escapeHtml(String(value));
}

/** The facts table, or nothing when the entry has no facts. */
export function factTableHtml(facts: Record<string, unknown>, language: Language): string {
	const rows = Object.entries(facts)
		.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => `<tr><th scope="row">${escapeHtml(factName(k, language))}</th><td>${factValueHtml(v, language)}</td></tr>`);
	return rows.length ? `<table class="facts">${rows.join('')}</table>` : '';
}
