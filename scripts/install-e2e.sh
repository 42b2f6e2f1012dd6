#!/usr/bin/env bash
# Installs what the real-editor suites need, offline except for Debian and the npm registry (../shared/e2e/README.md):
#   - Debian: chromium (driven by playwright-core), ripgrep (code-server's search), neovim (the Neovim LSP test),
#     headers for code-server's native modules;
#   - code-server 4.100.3 (VS Code 1.100.3) into .vscode-test/code-server (git-ignored), native modules rebuilt.
# Idempotent: every step is skipped when its result is already there (a marker file records a finished code-server).
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
DEST=.vscode-test/code-server
MARKER="$DEST/.installed-$CODE_SERVER_VERSION"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
if [ ! -f "$MARKER" ]; then
  for p in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
    dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
  done
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "install-e2e: apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$MARKER" ]; then
  echo "install-e2e: code-server $CODE_SERVER_VERSION already installed in $DEST"
  exit 0
fi

echo "install-e2e: installing code-server $CODE_SERVER_VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
(
  cd "$DEST"
  npm init -y >/dev/null
  # Without install scripts: they would download ripgrep.
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  cd node_modules/code-server/lib/vscode
  npm install --unsafe-perm --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # node-pty, spdlog, watcher, kerberos … from source, against the machine's Node headers (npm nodedir=/usr here).
  npm_config_yes=true npm rebuild --unsafe-perm --loglevel=error
  ln -sfn node_modules node_modules.asar
  (cd extensions && npm install --unsafe-perm --omit=dev --no-audit --no-fund --loglevel=error)
)
(cd "$DEST" && npm_config_build_from_source=true npm rebuild argon2 --loglevel=error)
"$DEST/node_modules/.bin/code-server" --version >/dev/null
touch "$MARKER"
echo "install-e2e: done"
