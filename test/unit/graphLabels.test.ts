import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortTitle } from '../../client/src/graphData';
import type { Entity } from '../../server/src/service/knowledge/types';

const titled = (en: string, zh: string) => ({ title: { en, zh } }) as Entity;

describe('graph labels', () => {
	it('an abbreviation in brackets names the node; a version in brackets does not', () => {
		assert.equal(shortTitle(titled('Container Network Interface (CNI)', '容器网络接口（CNI）'), 'en'), 'CNI');
		assert.equal(shortTitle(titled('Container Network Interface (CNI)', '容器网络接口（CNI）'), 'zh'), 'CNI');
		assert.equal(shortTitle(titled('Endpoints (v1)', 'Endpoints（v1）'), 'en'), 'Endpoints');
		assert.equal(shortTitle(titled('Endpoints (v1)', 'Endpoints（v1）'), 'zh'), 'Endpoints');
		assert.equal(shortTitle(titled('Terway (Alibaba Cloud)', 'Terway（阿里云）'), 'en'), 'Terway');
	});
});
