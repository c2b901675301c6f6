#!/usr/bin/env node
// The `kubelore` command: the bundled command line (dist/cli.js, built by `npm run build`).
require('../dist/cli.js').run();
