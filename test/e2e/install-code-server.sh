#!/usr/bin/env bash
# Installs code-server (VS Code's own workbench and extension host) for the e2e suite, without its
# download-on-install scripts: npm packages only, native modules rebuilt here, Debian's ripgrep.
# Idempotent: a stamp file marks a finished install, so later runs reuse the cache.
# Usage: install-code-server.sh [CACHE_DIR]   (prints the code-server entry script on stdout)
set -euo pipefail

VERSION=4.100.3   # the newest code-server that runs on Node 20 (VS Code 1.100.3)
CACHE="${1:-${NHN_E2E_CACHE:-$HOME/.cache/nhn-integrator-e2e}}"
ROOT="$CACHE/code-server-$VERSION"
ENTRY="$ROOT/node_modules/code-server/out/node/entry.js"
STAMP="$ROOT/.installed"

if [[ -f "$STAMP" && -f "$ENTRY" ]]; then echo "$ENTRY"; exit 0; fi

for tool in rg make g++ python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (apt-get install ripgrep build-essential python3 libkrb5-dev)" >&2; exit 1; }
done

log() { echo "[code-server $VERSION] $*" >&2; }
# node-gyp needs Node's headers; Debian's nodejs-dev puts them under /usr (no download).
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then export npm_config_nodedir=/usr; fi
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
mkdir -p "$ROOT"
cd "$ROOT"
[[ -f package.json ]] || echo '{ "name": "nhn-e2e-code-server", "private": true }' > package.json

log "npm install (no scripts) into $ROOT"
npm install --ignore-scripts --no-save "code-server@$VERSION" >&2

VSCODE="$ROOT/node_modules/code-server/lib/vscode"
cd "$VSCODE"
log "VS Code server dependencies"
npm install --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules (about a minute)"
npm rebuild kerberos native-watchdog node-pty @parcel/watcher @vscode/deviceid @vscode/spdlog >&2
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --omit=dev --ignore-scripts >&2)

cd "$ROOT"
npm rebuild argon2 --build-from-source >&2
[[ -f "$ENTRY" ]] || { echo "install-code-server: $ENTRY missing after install" >&2; exit 1; }
date -u +%FT%TZ > "$STAMP"
log "ready"
echo "$ENTRY"
