import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FACT_PHRASES_ZH } from '../../server/src/service/l10n/factPhrases';
import { factValueLines, factValueText, isLocalizedValue } from '../../server/src/service/l10n/factValues';
import { factName, hasFactName } from '../../server/src/service/l10n/knowledge';
import { factTableHtml } from '../../client/src/factTable';
import { realGraph } from '../util/service';

/** Chinese words, or a single API identifier that the Chinese docs keep as is (ConfigMap, CRD). */
const READS_AS_CHINESE = /[\u4e00-\u9fff]|^[A-Za-z]+$/;
const HAN = /[\u4e00-\u9fff]/;

/** Facts whose values are commands or versions, shown as written whatever words they have. */
const AS_WRITTEN = new Set(['applyCommand', 'imperativeAlternatives', 'etcdSnapshot', 'etcdRestore', 'criV1alpha2RemovedIn']);
/** Facts whose one-word values are names written so in manifests, flags and configs (`iptables`, `kube-system`, `privileged`). */
const NAME_FACTS = new Set(['backends', 'bundled', 'components', 'default', 'defaultBackend', 'enforcementActions', 'inTreePlugin', 'initialNamespaces', 'levels', 'modes', 'notSupportedBy', 'operators', 'partialPodFields', 'platforms', 'runtimeHandlers', 'stillInTree', 'unsupportedPodFields']);

/** Every string a fact shows, with the fact key it belongs to (members of records and lists included). */
function leaves(key: string, value: unknown): [string, string][] {
	if (typeof value === 'string') return [[key, value]];
	if (Array.isArray(value)) return value.flatMap((v) => leaves(key, v));
	if (typeof value === 'object' && value !== null && !isLocalizedValue(value)) return Object.values(value).flatMap((v) => leaves(key, v));
	return [];
}

/**
 * Whether a value shown in Chinese still reads as English: lower-case words left once names are
 * set aside (tokens with dots, slashes, digits or capitals, and the ids and aliases of entries).
 */
function readsAsEnglish(key: string, text: string, names: Set<string>): boolean {
	if (HAN.test(text) || AS_WRITTEN.has(key)) return false;
	const words = text.split(/[\s,;()+&]+/).filter((w) => /^[a-z]{2,}(?:-[a-z]+)*$/.test(w) && !names.has(w));
	return words.length > 1 || (words.length === 1 && !(NAME_FACTS.has(key) && words[0] === text));
}

describe('fact names', () => {
	it('every fact key of every entry in the built graph has a Chinese name', () => {
		const missing: string[] = [];
		for (const entity of realGraph().entities) {
			for (const key of Object.keys(entity.facts)) {
				if (!hasFactName(key) || !READS_AS_CHINESE.test(factName(key, 'zh'))) missing.push(`${entity.id}.${key}`);
			}
		}
		assert.deepEqual(missing, [], 'fact keys without a Chinese name (server/src/service/l10n)');
	});

	it('keeps spelling out unknown keys from camelCase in English', () => {
		assert.equal(hasFactName('someUnknownIpKey'), false);
		assert.equal(factName('someUnknownIpKey', 'zh'), 'Some unknown IP key');
		assert.equal(factName('defaultPodNetwork', 'zh'), '默认 Pod 网段');
		assert.equal(factName('defaultPodNetwork', 'en'), 'Default pod network');
	});

	it('shows English phrase values in Chinese, and every translated phrase is a value some entry has', () => {
		const values = new Set(realGraph().entities.flatMap((e) => Object.entries(e.facts).flatMap(([k, v]) => leaves(k, v).map(([, leaf]) => leaf))));
		for (const [phrase, zh] of Object.entries(FACT_PHRASES_ZH)) {
			assert.ok(values.has(phrase), `"${phrase}" is a fact value in the graph`);
			assert.match(zh, /[\u4e00-\u9fff]/, phrase);
		}
		const binding = realGraph().get('persistent-volume-claim')!.facts.binding;
		assert.equal(factValueText(binding, 'zh'), '与持久卷一一对应');
		assert.equal(factValueText(binding, 'en'), 'one to one with a PersistentVolume');
	});

	it('shows every fact value in Chinese to a Chinese reader, names and commands aside', () => {
		const graph = realGraph();
		const names = new Set(graph.entities.flatMap((e) => [e.id, ...e.aliases].map((n) => n.toLowerCase())));
		const english: string[] = [];
		for (const entity of graph.entities) {
			for (const [key, value] of Object.entries(entity.facts)) {
				for (const [, leaf] of leaves(key, value)) if (readsAsEnglish(key, factValueText(leaf, 'zh'), names)) english.push(`${entity.id}.${key}: ${leaf}`);
			}
		}
		assert.deepEqual(english, [], 'fact values without Chinese (server/src/service/l10n/factPhrases*.ts, or { en, zh } in the entry)');
	});

	it('tells English prose from names and commands', () => {
		const names = new Set(['etcd']);
		assert.equal(readsAsEnglish('tools', 'static Pods', names), true);
		assert.equal(readsAsEnglish('cncf', 'graduated', names), true);
		assert.equal(readsAsEnglish('modes', 'iptables', names), false);
		assert.equal(readsAsEnglish('sections', 'etcd', names), false);
		assert.equal(readsAsEnglish('applyCommand', 'kubectl apply -f', names), false);
		assert.equal(readsAsEnglish('types', 'kubernetes.io/tls', names), false);
	});

	it('shows record facts member by member, never as JSON', () => {
		const graph = realGraph();
		for (const entity of graph.entities) {
			for (const [key, value] of Object.entries(entity.facts)) {
				for (const language of ['en', 'zh'] as const) assert.doesNotMatch(factValueText(value, language, key), /\{"|"\w+":|\[object/, `${entity.id}.${key} (${language})`);
			}
		}
		const clouds = graph.get('kops')!.facts.clouds;
		assert.deepEqual(factValueLines(clouds, 'zh', 'clouds'), ['正式支持：AWS、GCP', 'Beta：DigitalOcean、Hetzner、OpenStack', 'Alpha：Azure']);
		assert.deepEqual(factValueLines(clouds, 'en', 'clouds'), ['GA: AWS, GCP', 'beta: DigitalOcean, Hetzner, OpenStack', 'alpha: Azure']);
		assert.equal(factValueLines(graph.get('etcd')!.facts.faultTolerance, 'zh', 'faultTolerance')[1], '3 个成员：可容忍 1 个故障');
		const cronjob = factValueLines(graph.get('cronjob')!.facts.apiVersions, 'zh', 'apiVersions');
		assert.deepEqual(cronjob, ['batch/v1', 'batch/v1beta1 — 弃用于 1.21，移除于 1.25，替代 batch/v1']);
		assert.equal(factValueLines(graph.get('cronjob')!.facts.apiVersions, 'en', 'apiVersions')[1], 'batch/v1beta1 — deprecated in 1.21, removed in 1.25, replacement batch/v1');
		// The entry view draws the same lines, and phrase lists in the display language.
		const kopsTable = factTableHtml(graph.get('kops')!.facts, 'zh');
		assert.match(kopsTable, /<li>正式支持：AWS、GCP<\/li><li>Beta：DigitalOcean、Hetzner、OpenStack<\/li>/);
		assert.doesNotMatch(kopsTable, /\{"|\[object/);
		assert.match(factTableHtml(graph.get('tencent-tke')!.facts, 'zh'), /托管集群、独立集群/);
		assert.match(factTableHtml(graph.get('storage-options')!.facts, 'zh'), /本地存储、网络存储（NFS）/);
		assert.match(factTableHtml(graph.get('cronjob')!.facts, 'en'), /<code>Allow<\/code>, <code>Forbid<\/code>/);
	});
});
