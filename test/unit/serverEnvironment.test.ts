import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverEnvironment } from '../../client/src/serverEnvironment';

describe('the environment the client starts the server with', () => {
	it('limits glibc to two memory arenas, unless the user set a limit', () => {
		assert.deepEqual(serverEnvironment({}), { MALLOC_ARENA_MAX: '2' });
		assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '8', PATH: '/bin' }), { MALLOC_ARENA_MAX: '8' });
	});
});
