#!/usr/bin/env bash
# Runs everything CI runs: type check, lint, every package's unit tests
# (SQLite, and PostgreSQL when it can be started), a strict MkDocs build of
# the docs, and the browser smoke test against the running portal.
# Ends with the plain line "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/env.sh" || exit 1
source "$PAVED_ROOT/scripts/system-deps.sh"
cd "$PAVED_ROOT"

results="$PAVED_ROOT/.test-results"
rm -rf "$results" && mkdir -p "$results"
checks="$results/checks.tsv"
: > "$checks"

# Records a named check as passed or failed from the command's exit code.
check() {
  local name="$1"
  shift
  echo "==> $name" >&2
  local started=$SECONDS
  if "$@"; then
    printf '%s\tpassed\t%ss\n' "$name" $((SECONDS - started)) >> "$checks"
  else
    printf '%s\tfailed\t%ss\n' "$name" $((SECONDS - started)) >> "$checks"
  fi
}

paved_need_debian mkdocs mkdocs mkdocs-material
paved_need_debian chromium chromium
paved_need_debian pg_ctlcluster postgresql

echo "==> yarn install" >&2
if [ -n "${CI:-}" ]; then
  yarn install --immutable >&2 || { echo "0 passed, 1 failed"; exit 1; }
else
  yarn install >&2 || { echo "0 passed, 1 failed"; exit 1; }
fi

# A real PostgreSQL for the tests that use TestDatabases.
if pg_url="$("$PAVED_ROOT/scripts/start-test-postgres.sh")"; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$pg_url"
else
  echo "warning: PostgreSQL could not be started; its test cases are skipped" >&2
fi

check "type check (tsc)" yarn tsc
check "api reports (backstage-repo-tools api-reports --ci)" yarn test:api-reports
check "lint (lerna run lint)" yarn lint:all
# Unit tests report per test through Jest's JSON output.
echo "==> unit tests (jest)" >&2
yarn test:unit --json --outputFile="$results/jest.json" >&2
check "install into a fresh app (check-install.sh)" ./scripts/check-install.sh >&2
check "docs build (mkdocs --strict)" mkdocs build --strict --quiet -d "$results/site"
echo "==> browser smoke test (playwright, chromium)" >&2
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" yarn test:e2e --reporter=list,json >&2

node "$PAVED_ROOT/scripts/summarize-tests.mjs" "$results"
