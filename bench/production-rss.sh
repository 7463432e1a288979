#!/usr/bin/env bash
# RSS of the production process as the image starts it (`node dist/server.js`, sandbox providers in
# the same process): at rest after start, then after N requests (default 100,000; 32 in flight) of a
# providers + Uplynk page query, through autocannon. Extra node flags may follow, to compare them:
#   bash bench/production-rss.sh                 # as the Dockerfile's CMD
#   N=30000 bash bench/production-rss.sh --max-semi-space-size=4
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-4390}
requests=${N:-100000}
npm run build --silent
PORT=$port LOG_LEVEL=warn node "$@" dist/server.js &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
sleep 5
echo "at rest: $(rss) MB"
query='{"query":"{ providers { provider enabled } assets(provider: UPLYNK, first: 20) { edges { node { id name status provider } } pageInfo { hasNextPage } } }"}'
npx autocannon -c 32 -a "$requests" -m POST -H 'content-type: application/json' -b "$query" "http://127.0.0.1:$port/graphql" 2>&1 | grep -E 'requests in|errors'
sleep 5
echo "after $requests requests: $(rss) MB (peak $(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status") MB)"
