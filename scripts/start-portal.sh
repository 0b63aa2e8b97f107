#!/usr/bin/env bash
# Starts the Paved portal on its embedded defaults: the local Kubernetes API
# test double (127.0.0.1:8143), the backend (localhost:7007) and the app
# (http://localhost:3000). Set PAVED_KUBE_DOUBLE=off when app-config.local.yaml
# points at real clusters.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$PAVED_ROOT/scripts/system-deps.sh"
cd "$PAVED_ROOT"

# TechDocs builds with MkDocs on this machine; the portal runs without it.
paved_need_debian mkdocs mkdocs mkdocs-material || true

echo "==> yarn install" >&2
yarn install

if [ "${PAVED_KUBE_DOUBLE:-on}" != off ]; then
  echo "==> Starting the Kubernetes API test double on 127.0.0.1:8143" >&2
  yarn start:cluster &
  double_pid=$!
  trap 'kill $double_pid 2>/dev/null || true' EXIT INT TERM
fi

echo "==> Starting the portal: http://localhost:3000 (backend on :7007)" >&2
yarn start
