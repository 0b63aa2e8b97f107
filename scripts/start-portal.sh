#!/usr/bin/env bash
# Starts the Paved portal on its embedded defaults: the local Kubernetes API
# test double (127.0.0.1:8143), the backend (localhost:7007) and the app
# (http://localhost:3000). Set PAVED_KUBE_DOUBLE=off when app-config.local.yaml
# points at real clusters.
#
# The portal signs in as user:default/developer, a member of payments-team who
# is not a platform admin. PAVED_SIGN_IN_AS=admin signs in as user:default/guest,
# a platform admin, by loading app-config.admin.yaml after app-config.yaml
# (and app-config.local.yaml, when present, last).
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

config_args=()
case "${PAVED_SIGN_IN_AS:-developer}" in
  developer) ;;
  admin)
    # Absolute paths: the backend resolves --config from packages/backend.
    config_args=(--config "$PAVED_ROOT/app-config.yaml"
      --config "$PAVED_ROOT/app-config.admin.yaml")
    if [ -f "$PAVED_ROOT/app-config.local.yaml" ]; then
      config_args+=(--config "$PAVED_ROOT/app-config.local.yaml")
    fi
    ;;
  *)
    echo "PAVED_SIGN_IN_AS must be developer or admin, not '$PAVED_SIGN_IN_AS'" >&2
    exit 2
    ;;
esac

echo "==> Starting the portal: http://localhost:3000 (backend on :7007)," \
  "signed in as ${PAVED_SIGN_IN_AS:-developer}" >&2
yarn start "${config_args[@]}"
