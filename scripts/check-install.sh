#!/usr/bin/env bash
# Installs Paved into a fresh Backstage app the way a platform team would, and
# checks it works there (issue #14):
#   1. builds and packs every Paved package (plugins/*; the Kubernetes API test
#      double is private and is not packed), lists each tarball, and fails on
#      test files, fixtures, benchmarks or sources in it, or on a package that
#      imports something its package.json does not declare
#      (scripts/check-install/pack-check.mjs);
#   2. creates an app with @backstage/create-app@0.9.2 (Backstage 1.55, new
#      frontend system) in a temporary folder, points @paved/* at the tarballs,
#      and applies the install snippets of the packages' READMEs exactly as
#      written (scripts/check-install/apply-readmes.mjs), so a wrong README fails;
#   3. yarn install, yarn tsc, builds the backend and the app (production);
#   4. starts the Kubernetes API test double (packages/kubernetes-api-test-double)
#      and the app's built backend with NODE_ENV=production, SQLite in memory,
#      the guest provider, and the README's kubernetes config pointed at the
#      double; then checks that Paved's routes answer through the real
#      Kubernetes backend, that error bodies carry no stack trace or source
#      path, and that the app bundle holds Paved's cards.
# Prints one PASS/FAIL line per check and the total time; exits 1 on any
# failure. Child processes are stopped on exit.
#
# Environment:
#   CHECK_INSTALL_DIR=<dir>   work folder (default: a new /tmp/paved-check-install.*;
#                             removed on success unless CHECK_INSTALL_KEEP=1)
#   CHECK_INSTALL_BREAK=readme|dependency
#                             demonstration: apply the paved-backend README with a
#                             wrong import name, or check the paved-backend tarball
#                             as if a runtime dependency were missing from its
#                             package.json. The check must fail.
set -uo pipefail
# The whole script is one function, read before it runs: editing this file
# while a check runs cannot change what that run executes.
main() {
source "$(dirname "$0")/env.sh" || exit 1
cd "$PAVED_ROOT"

started=$SECONDS
work="${CHECK_INSTALL_DIR:-$(mktemp -d /tmp/paved-check-install.XXXXXX)}"
mkdir -p "$work"
tarballs="$work/tarballs"
app="$work/app"
logs="$work/logs"
mkdir -p "$tarballs" "$logs"
summary="$work/summary.txt"
: > "$summary"
failures=0
children=()

cleanup() {
  local pid
  for pid in "${children[@]}"; do
    # Each child runs in its own process group (setsid): stop the group.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  done
  sleep 1
  for pid in "${children[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  if [ "$failures" -eq 0 ] && [ -z "${CHECK_INSTALL_KEEP:-}" ] && [ -z "${CHECK_INSTALL_DIR:-}" ]; then
    rm -rf "$work"
  else
    echo "work folder kept: $work (logs in $work/logs)" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

result() { # result PASS|FAIL "what was checked" [detail]
  local line="$1 $2${3:+: $3}"
  echo "$line" | tee -a "$summary"
  [ "$1" = PASS ] || failures=$((failures + 1))
}

# Runs a step with its output in logs/<name>.log; prints the log's tail on failure.
step() { # step <name> "what" command...
  local name="$1" what="$2" t0=$SECONDS
  shift 2
  echo "==> $what" >&2
  if "$@" > "$logs/$name.log" 2>&1; then
    result PASS "$what ($((SECONDS - t0)) s)"
    return 0
  fi
  result FAIL "$what ($((SECONDS - t0)) s)" "see $logs/$name.log"
  tail -n 25 "$logs/$name.log" | sed 's/^/    | /'
  return 1
}

finish() {
  echo
  echo "==== check-install summary ===="
  cat "$summary"
  local passed failed
  passed=$(grep -c '^PASS' "$summary")
  failed=$(grep -c '^FAIL' "$summary")
  echo "check-install: $passed PASS, $failed FAIL, total $((SECONDS - started)) s"
  [ "$failed" -eq 0 ] && [ "$failures" -eq 0 ]
  exit $?
}

# With CHECK_INSTALL_BREAK or CHECK_INSTALL_FAIL_FAST set, stop after the first
# stage that failed (the demonstrations need not build and run the app).
stage_done() {
  if [ "$failures" -gt 0 ] && [ -n "${CHECK_INSTALL_BREAK:-}${CHECK_INSTALL_FAIL_FAST:-}" ]; then
    echo "stopping after the failed stage ($1)" >&2
    finish
  fi
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# ---------------------------------------------------------------------------
# 1. Build and pack every Paved package.
# The packages are the repository's (git ls-files: a fresh clone's), not
# whatever half-made package sits untracked in a working tree.
packages=()
for manifest in $(git ls-files 'plugins/*/package.json' 2>/dev/null || ls plugins/*/package.json); do
  if [ "$(node -p "require('./$manifest').private === true")" = true ]; then continue; fi
  packages+=("$(node -p "require('./$manifest').name")")
done
echo "Paved packages: ${packages[*]}" >&2
tgz_of() { # @paved/plugin-x -> <tarballs>/paved__plugin-x.tgz (what apply-readmes.mjs expects)
  local n="${1#@}"
  echo "$tarballs/${n//\//__}.tgz"
}

# Declarations (dist/*.d.ts) come from the repository's type check, which
# emits them even when it reports errors; type errors are the CI's own
# "type check" step, so here they are a note, not a failure of this check.
echo "==> yarn tsc (declarations for dist/*.d.ts)" >&2
yarn tsc > "$logs/tsc.log" 2>&1 || echo "note: yarn tsc reported errors (see $logs/tsc.log); declarations were emitted" >&2
for name in "${packages[@]}"; do
  step "build-${name##*/}" "$name builds (backstage-cli package build)" yarn workspace "$name" build &&
    step "pack-${name##*/}" "$name packs (yarn pack; prepack/postpack by backstage-cli)" \
      yarn workspace "$name" pack --out "$(tgz_of "$name")"
done

echo "==> tarball contents and runtime dependencies" >&2
tgzs=()
for name in "${packages[@]}"; do
  [ -f "$(tgz_of "$name")" ] && tgzs+=("$(tgz_of "$name")")
done
node scripts/check-install/pack-check.mjs "${tgzs[@]}" > "$logs/pack-check.log" 2>&1
grep -v -E '^(PASS|FAIL) ' "$logs/pack-check.log"
while IFS= read -r line; do
  result "${line%% *}" "${line#* }"
done < <(grep -E '^(PASS|FAIL) ' "$logs/pack-check.log")
stage_done "build and pack"

# ---------------------------------------------------------------------------
# 2. A fresh app, with Paved wired as the READMEs say.
step create-app "fresh app from @backstage/create-app@0.9.2" \
  env BACKSTAGE_APP_NAME=paved-check-app npx --yes @backstage/create-app@0.9.2 --path "$app" --skip-install ||
  finish

# The registry here is a partial mirror: it lacks some other platforms'
# optional native binaries (@swc/core-*, @rollup/rollup-*, @unrs/resolver-binding-*,
# @nx/nx-*) at the versions the lockfile-less install asks for, and
# @yarnpkg/core 4.9.2 was published with a broken `patch:` dependency (got).
# ../shared/tools/yarn-fill-gaps.mjs found these for the monorepo; the same
# entries are copied from the monorepo root package.json's `resolutions`
# instead of rediscovering them (about 8 s per gap). Not needed against the
# public npm registry.
# Every packed Paved package is resolved to its tarball too, so the packages'
# dependencies on each other (^0.1.0 after packing: paved-common, and the
# scaffolder module's renderers that paved-backend's drift uses) take the
# packed ones; none of them is on the registry.
# dependenciesMeta: native add-ons that Paved and this check never load
# (keytar, ssh2's cpu-features, swagger's tree-sitter parsers: the browser uses
# web-tree-sitter) are not compiled, which saves minutes on 2 cores.
# better-sqlite3 is not compiled by the install either: the monorepo's own
# build of it is reused when it is the same version (same Node), else it is
# rebuilt after the install (its sqlite3.c takes 5+ minutes on a loaded 2-core machine).
paved_tgzs=()
for name in "${packages[@]}"; do
  [ -f "$(tgz_of "$name")" ] && paved_tgzs+=("$name=$(tgz_of "$name")")
done
node - "$app" "${paved_tgzs[@]}" > "$logs/resolutions.log" 2>&1 <<'EOF'
const fs = require('fs');
const [app, ...pavedTgzs] = process.argv.slice(2);
const monorepo = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const file = `${app}/package.json`;
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
pkg.resolutions = pkg.resolutions ?? {};
for (const [k, v] of Object.entries(monorepo.resolutions))
  if (/^@(swc|rollup|unrs|nx)\//.test(k) || k === 'got') pkg.resolutions[k] = v;
for (const entry of pavedTgzs) {
  const at = entry.indexOf('=', 1);
  pkg.resolutions[entry.slice(0, at)] = `file:${entry.slice(at + 1)}`;
}
pkg.dependenciesMeta = Object.fromEntries(
  ['keytar', 'cpu-features', 'ssh2', 'tree-sitter', 'tree-sitter-json', '@tree-sitter-grammars/tree-sitter-yaml', 'better-sqlite3']
    .map(d => [d, { built: false }]));
fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`${Object.keys(pkg.resolutions).length} resolutions`);
EOF

# create-app 0.9.2's backend asks for @backstage/backend-defaults ^0.18.0, but
# the 1.55 release it belongs to ships 0.19.0, and the plugins it resolves
# today (plugin-signals-backend 0.3.21) need 0.19's httpRouter.addWebSocketHandler:
# as generated, the backend does not start. Set the release's version, as
# `backstage-cli versions:bump` would (it cannot reach the release manifest here).
sed -i 's/"@backstage\/backend-defaults": "\^0\.18\.[0-9]*"/"@backstage\/backend-defaults": "^0.19.0"/' \
  "$app/packages/backend/package.json"

readmes=()
for name in "${packages[@]}"; do
  dir="plugins/${name#@paved/plugin-}"
  role="$(node -p "require('./$dir/package.json').backstage?.role")"
  # Libraries have nothing to wire into an app; plugins and modules must.
  [ "$role" = common-library ] || readmes+=("$dir/README.md")
done
node scripts/check-install/apply-readmes.mjs "$app" "$tarballs" "${readmes[@]}" > "$logs/apply-readmes.log" 2>&1
grep -v -E '^(PASS|FAIL) ' "$logs/apply-readmes.log"
while IFS= read -r line; do
  result "${line%% *}" "${line#* }"
done < <(grep -E '^(PASS|FAIL) ' "$logs/apply-readmes.log")
stage_done "wire as the READMEs say"

# ---------------------------------------------------------------------------
# 3. Install, type check and build in production mode.
cd "$app" || finish
export YARN_ENABLE_IMMUTABLE_INSTALLS=false # CI=true would refuse the new lockfile
step app-install "app: yarn install (tarballs, registry)" yarn install || finish
sqlite_version() { node -p "require('$1/node_modules/better-sqlite3/package.json').version" 2>/dev/null; }
if [ -n "$(sqlite_version "$PAVED_ROOT")" ] && [ "$(sqlite_version "$PAVED_ROOT")" = "$(sqlite_version "$app")" ] &&
  [ -f "$PAVED_ROOT/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ]; then
  mkdir -p node_modules/better-sqlite3/build/Release
  cp "$PAVED_ROOT/node_modules/better-sqlite3/build/Release/better_sqlite3.node" node_modules/better-sqlite3/build/Release/
  echo "better-sqlite3 $(sqlite_version "$app"): the monorepo's build reused" >&2
else
  step app-sqlite "app: better-sqlite3 built for this Node" \
    bash -c 'cd node_modules/better-sqlite3 && ../.bin/node-gyp rebuild --release'
fi
step app-tsc "app: yarn tsc (README snippets type-check)" yarn tsc
stage_done "install and type check"
# build:backend builds the app too (packages/app is a bundled dependency of the
# backend: "Building app separately because it is a bundled package", in
# production mode, into packages/app/dist) and packs both into
# packages/backend/dist/bundle.tar.gz. A separate `yarn workspace app build`
# would repeat the same build (about 2.5 min here), so it is not run.
step app-build-backend "app: yarn build:backend (backend bundle and the app's production build)" yarn build:backend || finish

bundle_has() { grep -rlF --include='*.js' "$1" packages/app/dist/static > /dev/null 2>&1; }
for card in "Workload health" "Cluster health" "Tier conformance" "Crossplane claims"; do
  if bundle_has "$card"; then
    result PASS "app bundle holds Paved's \"$card\" card"
  else
    result FAIL "app bundle holds Paved's \"$card\" card" "not found in packages/app/dist/static"
  fi
done

# ---------------------------------------------------------------------------
# 4. Run it: the test double as the cluster, the built backend in production.
kube_port="$(free_port)"
backend_port="$(free_port)"
base="http://localhost:$backend_port"
( cd "$PAVED_ROOT" && exec setsid yarn workspace @paved/kubernetes-api-test-double start --port "$kube_port" --quiet ) \
  > "$logs/kube-double.log" 2>&1 &
children+=($!)

cat > "$work/entities.yaml" <<'EOF'
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  annotations:
    backstage.io/kubernetes-id: payments-api
    paved.dev/tier: '3'
    paved.dev/namespaces: payments
spec:
  type: service
  lifecycle: production
  owner: group:default/check-team
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: prod-eu-1
  annotations:
    paved.dev/tier: '3'
spec:
  type: kubernetes-cluster
  owner: group:default/check-team
---
apiVersion: paved.dev/v1alpha1
kind: ADR
metadata:
  name: check-adr-0001
  title: Install Paved from its tarballs
spec:
  owner: group:default/check-team
  status: accepted
  number: 1
  date: '2026-12-05'
  decidesAbout: [component:default/payments-api]
EOF
cat > app-config.check-install.yaml <<EOF
# Written by scripts/check-install.sh: this machine's ports, an in-memory
# database, a guest sign-in the script can use in production mode, and one
# catalog file. Paved's own settings come from the READMEs (app-config.yaml).
app:
  baseUrl: $base
backend:
  baseUrl: $base
  listen:
    port: $backend_port
    host: 127.0.0.1
  cors:
    origin: $base
  database:
    client: better-sqlite3
    connection: ':memory:'
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
catalog:
  locations:
    - type: file
      target: $work/entities.yaml
      rules:
        - allow: [Component, Resource, ADR]
EOF

wait_for() { # wait_for <seconds> <command...>
  local deadline=$((SECONDS + $1))
  shift
  until "$@" > /dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 2
  done
}

if wait_for 120 curl -sf "http://127.0.0.1:$kube_port/version"  -H 'Authorization: Bearer paved-local-admin-token'; then
  result PASS "Kubernetes API test double answers on port $kube_port"
else
  result FAIL "Kubernetes API test double answers on port $kube_port" "see $logs/kube-double.log"
fi

# The README's cluster snippet reads these (url and service account token).
export K8S_PROD_EU_1_URL="http://127.0.0.1:$kube_port"
export K8S_PROD_EU_1_TOKEN=paved-local-admin-token # the double's documented admin token
# The built backend as the Dockerfile runs it (node packages/backend from the
# extracted bundle), with the app's node_modules in place of a second,
# production-only install.
mkdir -p "$work/backend-bundle"
tar -xzf packages/backend/dist/bundle.tar.gz -C "$work/backend-bundle"
ln -sfn "$app/node_modules" "$work/backend-bundle/node_modules"
( cd "$work/backend-bundle" && NODE_ENV=production exec setsid node packages/backend \
  --config "$app/app-config.yaml" --config "$app/app-config.check-install.yaml" ) > "$logs/backend.log" 2>&1 &
children+=($!)
t0=$SECONDS
if wait_for 300 curl -sf "$base/.backstage/health/v1/readiness"; then
  result PASS "built backend starts with NODE_ENV=production ($((SECONDS - t0)) s)"
else
  result FAIL "built backend starts with NODE_ENV=production" "see $logs/backend.log"
  tail -n 30 "$logs/backend.log" | sed 's/^/    | /'
  finish
fi

token="$(curl -sf -X POST "$base/api/auth/guest/refresh" -H 'X-Requested-With: XMLHttpRequest' |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})')"
if [ -n "$token" ]; then
  result PASS "guest sign-in gives a user token (POST /api/auth/guest/refresh)"
else
  result FAIL "guest sign-in gives a user token (POST /api/auth/guest/refresh)"
fi
auth=(-H "Authorization: Bearer $token")

if wait_for 180 curl -sf "${auth[@]}" "$base/api/catalog/entities/by-name/component/default/payments-api"; then
  result PASS "catalog serves the component from the file location"
else
  result FAIL "catalog serves the component from the file location" "see $logs/backend.log"
fi
if wait_for 60 curl -sf "${auth[@]}" "$base/api/catalog/entities/by-name/adr/default/check-adr-0001"; then
  result PASS "catalog accepts Paved's ADR kind (catalog module wired as its README says)"
else
  result FAIL "catalog accepts Paved's ADR kind (catalog module wired as its README says)"
fi
if curl -sf "${auth[@]}" "$base/api/scaffolder/v2/actions" | grep -q '"paved:kubernetes:apply"'; then
  result PASS "scaffolder lists paved:kubernetes:apply (scaffolder module wired as its README says)"
else
  result FAIL "scaffolder lists paved:kubernetes:apply (scaffolder module wired as its README says)"
fi

# request <name> <path> [curl args] -> body in $logs/http-<name>.json, prints the status
request() {
  local name="$1" path="$2"
  shift 2
  curl -s -o "$logs/http-$name.json" -w '%{http_code}' "$@" "$base$path"
}
# expect_json <name> <node expression over `b`, the parsed body>
expect_json() {
  node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.exit(('"$2"')?0:1)' \
    "$logs/http-$1.json" 2> /dev/null
}
# An error body must not show how the server is built.
clean_error() {
  ! grep -qE '"stack"|\bat [^ ]+ \(|\.ts:[0-9]|\.js:[0-9]|/src/|node_modules' "$logs/http-$1.json"
}

status="$(request health-entity /api/paved/health/entity/default/component/payments-api "${auth[@]}")"
if [ "$status" = 200 ] && expect_json health-entity 'b.clusters.some(c => c.cluster === "prod-eu-1" && c.ok && c.data.pods.total > 0)'; then
  result PASS "GET /api/paved/health/entity/default/component/payments-api: 200 with pods from the double through the Kubernetes backend"
else
  result FAIL "GET /api/paved/health/entity/default/component/payments-api" "status $status, body $(head -c 300 "$logs/http-health-entity.json")"
fi
status="$(request health-cluster /api/paved/health/cluster/prod-eu-1 "${auth[@]}")"
if [ "$status" = 200 ] && expect_json health-cluster 'b.cluster.ok && b.cluster.data.nodes.total > 0'; then
  result PASS "GET /api/paved/health/cluster/prod-eu-1: 200 with nodes from the double"
else
  result FAIL "GET /api/paved/health/cluster/prod-eu-1" "status $status, body $(head -c 300 "$logs/http-health-cluster.json")"
fi
status="$(request conformance /api/paved/conformance/entity/default/component/payments-api "${auth[@]}")"
if [ "$status" = 200 ]; then
  result PASS "GET /api/paved/conformance/entity/default/component/payments-api: 200"
else
  result FAIL "GET /api/paved/conformance/entity/default/component/payments-api" "status $status, body $(head -c 300 "$logs/http-conformance.json")"
fi

# Errors in production: the right status, and nothing about the server's insides.
check_error() { # check_error <name> <expected status> <path> [curl args]
  local name="$1" want="$2" path="$3" status
  shift 3
  status="$(request "$name" "$path" "$@")"
  if [ "$status" = "$want" ] && clean_error "$name"; then
    result PASS "GET $path: $want, error body without stack trace or source path"
  else
    result FAIL "GET $path: want $want and a clean body" "status $status, body $(head -c 400 "$logs/http-$name.json")"
  fi
}
check_error unknown-cluster 404 /api/paved/health/cluster/no-such-cluster "${auth[@]}"
check_error unknown-entity 404 /api/paved/health/entity/default/component/no-such-component "${auth[@]}"
check_error bad-window 400 '/api/paved/cost/entity/default/component/payments-api?window=fortnight' "${auth[@]}"
check_error no-token 401 /api/paved/health/cluster/prod-eu-1

status="$(request index / )"
if [ "$status" = 200 ] && grep -q '<div id="root"' "$logs/http-index.json"; then
  result PASS "GET / serves the built app from the backend"
else
  result FAIL "GET / serves the built app from the backend" "status $status"
fi

finish
}

main "$@"
