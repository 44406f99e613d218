#!/usr/bin/env bash
# Checks @clientele/sdk as an integrator gets it: packs it twice (the tarballs must be
# byte-identical), installs the tarball into an empty project outside the repository,
# type-checks a consumer with tsc --strict (first with nothing but the tarball, @trpc/client,
# @trpc/server and TypeScript installed), then runs it against a live server.
#
#   packages/sdk/scripts/check-tarball.sh
#
# The server is the production build (node dist/server/main.mjs) when there is one, else the
# development server; it uses DATABASE_URL/MIGRATION_DATABASE_URL when set, else a fresh
# PGlite directory. SDK_CHECK_PORT (default 3480) is the port it listens on.
set -euo pipefail
repository="$(cd "$(dirname "$0")/../../.." && pwd)"
consumer_sources="${repository}/packages/sdk/scripts/consumer"
port="${SDK_CHECK_PORT:-3480}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  # The server runs in a process group of its own (tsx starts a child process): stop all of it.
  if [ -n "${server_pid}" ]; then
    kill -- "-${server_pid}" 2>/dev/null || true
    wait "${server_pid}" 2>/dev/null || true
  fi
  rm -rf "${work}"
}
trap cleanup EXIT
step() { printf '\n--> %s\n' "$*"; }

trpc_version="$(node -p "require('${repository}/node_modules/@trpc/client/package.json').version")"
typescript_version="$(node -p "require('${repository}/node_modules/typescript/package.json').version")"

step "Pack twice (prepack builds) and compare"
cd "${repository}/packages/sdk"
mkdir -p "${work}/first" "${work}/second"
npm pack --silent --pack-destination "${work}/first" >/dev/null
npm pack --silent --pack-destination "${work}/second" >/dev/null
tarball="$(ls "${work}"/first/*.tgz)"
first_hash="$(sha256sum < "${tarball}" | cut -d' ' -f1)"
second_hash="$(sha256sum < "$(ls "${work}"/second/*.tgz)" | cut -d' ' -f1)"
if [ "${first_hash}" != "${second_hash}" ]; then
  echo "The same sources packed twice differ: ${first_hash} and ${second_hash}" >&2
  exit 1
fi
echo "$(basename "${tarball}") ${first_hash} (both builds)"

step "Install the tarball into an empty project outside the repository"
project="${work}/consumer"
mkdir -p "${project}"
cd "${project}"
printf '{ "name": "sdk-consumer", "private": true, "type": "module" }\n' > package.json
cp "${consumer_sources}/types.ts" "${consumer_sources}/program.ts" "${consumer_sources}/tsconfig.json" .
npm install --silent --no-audit --no-fund "${tarball}" "@trpc/client@${trpc_version}" \
  "@trpc/server@${trpc_version}" "typescript@${typescript_version}"

# tsc --strict with skipLibCheck off, so the package's declarations are checked too. The only
# findings allowed are inside @trpc/server's own declarations, which name Node's and ws's
# types whether or not anything here uses them.
typecheck() {
  local output
  if output="$(npx tsc --strict --pretty false -p "$1")"; then return 0; fi
  local ours
  ours="$(printf '%s\n' "${output}" | grep -E 'error TS' | grep -v '^node_modules/@trpc/server/' || true)"
  if [ -n "${ours}" ]; then
    printf '%s\n' "${ours}" >&2
    return 1
  fi
}

step "Type-check every entry with only the tarball, tRPC and TypeScript installed"
printf '{ "extends": "./tsconfig.json", "compilerOptions": { "types": [] }, "files": ["types.ts"] }\n' \
  > tsconfig.types.json
typecheck tsconfig.types.json

step "Type-check and build the program (with Node's types)"
npm install --silent --no-audit --no-fund "@types/node@20"
printf '{ "extends": "./tsconfig.json", "compilerOptions": { "noEmit": false, "outDir": "out", "types": ["node"] }, "files": ["program.ts"] }\n' \
  > tsconfig.program.json
typecheck tsconfig.program.json

step "Start Clientele on port ${port}"
cd "${repository}"
if [ -z "${DATABASE_URL:-}" ]; then export PGLITE_DIR="${work}/pglite"; fi
cli() { npm run --silent cli -- "$@"; }
slug="sdk-check-$(date +%s)"
cli migrate >/dev/null
cli create-org --name "SDK check" --slug "${slug}" --owner-email "owner@${slug}.example" \
  --owner-password "correct horse battery staple 42" >/dev/null
api_key="$(cli create-api-key --org "${slug}" --name sdk-check --role admin \
  | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).key')"
if [ -f dist/server/main.mjs ] && [ -d .next ]; then
  server=(node dist/server/main.mjs)
  export NODE_ENV=test
else
  server=(node_modules/.bin/tsx src/server/main.ts)
fi
PORT="${port}" APP_URL="http://127.0.0.1:${port}" LOG_LEVEL=warn WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  NEXT_TELEMETRY_DISABLED=1 setsid "${server[@]}" > "${work}/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:${port}/api/ready" >/dev/null 2>&1 && break
  if ! kill -0 "${server_pid}" 2>/dev/null; then cat "${work}/server.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:${port}/api/ready" >/dev/null

step "Run the program against it"
cd "${project}"
CLIENTELE_URL="http://127.0.0.1:${port}" CLIENTELE_API_KEY="${api_key}" node out/program.js \
  || { cat "${work}/server.log" >&2; exit 1; }
