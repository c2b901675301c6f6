// Bundles the extension-host suite (out/test/suite/index.js, Mocha included) and the @vscode/test-electron
// launcher (out/test/runElectron.js). Mocha's parallel mode, never used here, resolves worker files at
// run time: that warning is silenced because the bundle does not need them.
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', logOverride: { 'require-resolve-not-external': 'silent' } };

await Promise.all([
	esbuild.build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/test/suite/index.js', external: ['vscode'] }),
	esbuild.build({ ...common, entryPoints: ['test/e2e/runElectron.ts'], outfile: 'out/test/runElectron.js', external: ['@vscode/test-electron'] }),
]);
