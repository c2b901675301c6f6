import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../util/service';

interface LockPackage {
	engines?: { node?: string };
	hasInstallScript?: boolean;
	optional?: boolean;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };

/** Compares dotted versions, missing parts as 0. */
function compare(a: number[], b: number[]): number {
	for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
	return 0;
}

const parse = (v: string) => v.replace(/^v/, '').split('.').map(Number);

/** True when a version satisfies an npm engine range of the forms packages use: `>=x`, `^x.y.z`, `x`, `*`, alternatives with `||`, bounds with spaces. */
function satisfies(version: string, range: string): boolean {
	const v = parse(version);
	return range.split('||').some((alternative) =>
		alternative
			.trim()
			.replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
			.split(/\s+/)
			.filter(Boolean)
			.every((part) => {
				const [, op = '', rest] = /^(>=|<=|>|<|\^|~)?(.*)$/.exec(part)!;
				if (rest === '*' || rest === 'x') return true;
				const r = parse(rest);
				if (op === '>=') return compare(v, r) >= 0;
				if (op === '>') return compare(v, r) > 0;
				if (op === '<=') return compare(v, r) <= 0;
				if (op === '<') return compare(v, r) < 0;
				if (op === '^' || op === '') return v[0] === r[0] && compare(v, r) >= 0;
				return v[0] === r[0] && v[1] === (r[1] ?? v[1]) && compare(v, r) >= 0;
			}),
	);
}

describe('a clean first run: npm ci prints no warning on the Node the project asks for', () => {
	it('the range check reads engine ranges as npm does', () => {
		assert.ok(satisfies('20.20.2', '^20.19.0 || ^22.13.0 || >=24'));
		assert.ok(!satisfies('20.20.2', '>=22.13.0'));
		assert.ok(satisfies('20.20.2', '>= 14'));
		assert.ok(!satisfies('20.18.0', '>=20.18.1'));
		assert.ok(satisfies('20.0.0', '18 || 20 || >=22'));
	});

	it('no locked package wants a newer Node than the one running the tests (no EBADENGINE)', () => {
		const wanting = Object.entries(lock.packages)
			.filter(([name, p]) => name !== '' && typeof p.engines?.node === 'string' && !satisfies(process.version, p.engines.node))
			.map(([name, p]) => `${name} wants node ${p.engines!.node}`);
		assert.deepEqual(wanting, []);
	});

	it('every package with an install script has a decision in allowScripts (no install-scripts warning)', () => {
		const undecided = Object.entries(lock.packages)
			.filter(([, p]) => p.hasInstallScript)
			.map(([name]) => name.slice(name.lastIndexOf('node_modules/') + 'node_modules/'.length))
			.filter((name) => pkg.allowScripts?.[name] === undefined);
		assert.deepEqual(undecided, []);
	});

	it('the benchmark installs its peer on demand into bench/peer/, outside the default install', () => {
		const bench = readFileSync(join(ROOT, 'bench', 'run.ts'), 'utf8');
		assert.match(bench, /join\(__dirname, 'peer'\)/);
		assert.doesNotMatch(bench, /join\(ROOT, 'node_modules', 'yaml-language-server'/);
		assert.match(readFileSync(join(ROOT, '.gitignore'), 'utf8'), /^bench\/peer\/$/m);
	});
});
