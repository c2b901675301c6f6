import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cacheFolder, userCacheFolder } from '../../server/src/codeCache';

describe('the folder of the server code cache', () => {
	const env = { XDG_CACHE_HOME: '/xdg', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };

	it('is the folder given on the command line, in either form, and none when it is given empty', () => {
		assert.equal(cacheFolder(['--stdio', '--cache-dir', '/given'], env, 'linux', '/home/a'), '/given');
		assert.equal(cacheFolder(['--cache-dir=/given', '--stdio'], env, 'linux', '/home/a'), '/given');
		assert.equal(cacheFolder(['--cache-dir='], env, 'linux', '/home/a'), undefined);
		assert.equal(cacheFolder(['--stdio', '--cache-dir'], env, 'linux', '/home/a'), undefined);
	});

	it('is the user cache folder of the platform when none is given', () => {
		assert.equal(cacheFolder(['--stdio'], env, 'linux', '/home/a'), join('/xdg', 'kubelore', 'code-cache'));
		assert.equal(cacheFolder(['--stdio'], {}, 'linux', '/home/a'), join('/home/a', '.cache', 'kubelore', 'code-cache'));
		// a relative XDG_CACHE_HOME is to be ignored (XDG Base Directory Specification)
		assert.equal(userCacheFolder({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/a'), join('/home/a', '.cache', 'kubelore', 'code-cache'));
		assert.equal(userCacheFolder({}, 'darwin', '/Users/a'), join('/Users/a', 'Library', 'Caches', 'kubelore', 'code-cache'));
	});

	it('is none where the platform has no such folder', () => {
		assert.equal(userCacheFolder({}, 'linux', undefined), undefined);
		assert.equal(userCacheFolder({}, 'win32', 'C:\\Users\\a'), undefined);
	});
});
