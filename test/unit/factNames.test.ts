import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FACT_PHRASES_ZH } from '../../server/src/service/l10n/factPhrases';
import { factValueText } from '../../server/src/service/l10n/factValues';
import { factName, hasFactName } from '../../server/src/service/l10n/knowledge';
import { realGraph } from '../util/service';

/** Chinese words, or a single API identifier that the Chinese docs keep as is (ConfigMap, CRD). */
const READS_AS_CHINESE = /[\u4e00-\u9fff]|^[A-Za-z]+$/;

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
		const values = new Set(realGraph().entities.flatMap((e) => Object.values(e.facts).flat().filter((v): v is string => typeof v === 'string')));
		for (const [phrase, zh] of Object.entries(FACT_PHRASES_ZH)) {
			assert.ok(values.has(phrase), `"${phrase}" is a fact value in the graph`);
			assert.match(zh, /[\u4e00-\u9fff]/, phrase);
		}
		const binding = realGraph().get('persistent-volume-claim')!.facts.binding;
		assert.equal(factValueText(binding, 'zh'), '与持久卷一一对应');
		assert.equal(factValueText(binding, 'en'), 'one to one with a PersistentVolume');
	});
});
