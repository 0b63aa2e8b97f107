# shellcheck shell=bash
# Source this file: it puts Node 22 and yarn on PATH for the Paved repo.
# Node 22 comes from the npm registry into .toolchain/ when the machine's
# Node is older; yarn is the release committed under .yarn/releases.

PAVED_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PAVED_ROOT

paved_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if ! command -v node >/dev/null 2>&1 && ! command -v npm >/dev/null 2>&1; then
  echo "Paved needs Node.js and npm on PATH (any version; Node 22 is fetched from npm)." >&2
  return 1 2>/dev/null || exit 1
fi

if [ "$(paved_node_major)" -lt 22 ]; then
  toolchain="$PAVED_ROOT/.toolchain"
  if [ ! -x "$toolchain/node_modules/.bin/node" ]; then
    echo "==> Fetching Node 22 from the npm registry into .toolchain/" >&2
    npm install --prefix "$toolchain" --no-save --no-package-lock --loglevel=error node@22 >&2
  fi
  export PATH="$toolchain/node_modules/.bin:$PATH"
  # Native addons (better-sqlite3) must build against Node 22's own headers.
  for headers in "$toolchain"/node_modules/node/node_modules/node-*; do
    [ -d "$headers/include" ] && export npm_config_nodedir="$headers"
  done
fi

# yarn through the committed release, whether or not yarn or corepack exist.
mkdir -p "$PAVED_ROOT/.toolchain/bin"
yarn_release="$(ls "$PAVED_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
cat > "$PAVED_ROOT/.toolchain/bin/yarn" <<SHIM
#!/usr/bin/env bash
exec node "$yarn_release" "\$@"
SHIM
chmod +x "$PAVED_ROOT/.toolchain/bin/yarn"
export PATH="$PAVED_ROOT/.toolchain/bin:$PATH"
export YARN_ENABLE_TELEMETRY=0
