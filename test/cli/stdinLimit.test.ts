import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_FILE_BYTES } from '../../server/src/node/files';
import { runCli } from './run';

describe('standard input is bounded', () => {
	it('refuses standard input larger than a file the index would read, with a clear message and status 2', async () => {
		const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: "${'a'.repeat(MAX_FILE_BYTES)}"\n`;
		const run = await runCli(['lint', '-'], { input: big });
		assert.equal(run.code, 2);
		assert.match(run.stderr, /standard input is larger than 8 MiB, not read/);
	});

	it('reads standard input under the bound as before', async () => {
		const run = await runCli(['lint', '-', '--format', 'json'], { input: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports: [{ port: 80 }, { port: 81 }]\n' });
		assert.equal(run.code, 1, run.stderr);
		assert.match(run.stdout, /service-port-name-required/);
	});
});
