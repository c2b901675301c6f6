#!/usr/bin/env bash
# Runs every test level and prints the wall time of each. Installs what the real-editor tests
# need first (Debian packages, code-server into .e2e/), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Servers and command lines started by the tests keep their V8 code cache under $XDG_CACHE_HOME:
# a folder of this run's own, so that a test run leaves nothing in the user's cache.
XDG_CACHE_HOME=$(mktemp -d)
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT

times=()
level() {
	local name=$1; shift
	local start=$SECONDS
	echo "::: $name"
	"$@"
	times+=("$name: $((SECONDS - start)) s")
}

level "static checks (tsc, eslint)" bash -c 'npm run -s typecheck && npm run -s lint'
level "build (knowledge graph, bundles, .vsix)" npm run -s package
level "unit tests" npm run -s test:unit
level "protocol tests" npm run -s test:protocol
level "command line (lint, search, explain, npm package)" npm run -s test:cli
level "fuzz (seeded random edits and events, hostile files)" npm run -s test:fuzz
level "install real-editor test dependencies" bash test/e2e/install.sh
level "real clients (code-server + Chromium, Neovim)" bash test/e2e/run.sh

echo
echo "Wall time per level:"
printf '  %s\n' "${times[@]}"
