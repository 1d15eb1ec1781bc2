#!/usr/bin/env bash
# API load benchmark on loopback: a small generated data set is imported and forecast with the CLI into a temporary
# store, an API key is created, the web app is started on 127.0.0.1 with authentication on (every request looks its
# key up) and a rate limit high enough not to interfere, then bench/ApiBench sends GET requests for SECONDS at
# CONCURRENCY to /health and to /api/v1/forecasts for one SKU, printing throughput, p50 / p99 and errors.
# Usage: bench/api.sh [SECONDS=30] [CONCURRENCY=32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30} concurrency=${2:-32} port=${BENCH_PORT:-5877}
dir=$(mktemp -d /tmp/nexgen-api-bench.XXXXXX)
cli=NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll
web=NexGen.Web/bin/Release/net10.0/linux-x64/NexGen.Web.dll
bench=bench/ApiBench/bin/Release/net10.0/linux-x64/api-bench.dll
store=$dir/store.duckdb
app=""
cleanup() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; rm -rf "$dir"; }
trap cleanup EXIT

dotnet build NexGen.sln -c Release -v quiet -nologo >/dev/null
dotnet build bench/ApiBench -c Release -v quiet -nologo >/dev/null
dotnet "$cli" generate --locations 2 --skus 50 --days 400 --seed 7 --out "$dir/data" >/dev/null 2>&1
for kind in locations products sales inventory; do
  dotnet "$cli" import "$kind" "$dir/data/$kind.csv" --store "$store" 2>/dev/null
done
dotnet "$cli" forecast --horizon 28 --trees 50 --store "$store" >/dev/null 2>&1
key=$(dotnet "$cli" keys create --role viewer --name bench --store "$store" 2>/dev/null)
read -r location sku < <(sed -n 2p "$dir/data/sales.csv" | awk -F, '{print $1, $2}')

NexGen__StorePath=$store NexGen__LoadSamplesOnFirstStart=false Security__Enabled=true Security__RateLimitPermits=1000000000 \
  Logging__LogLevel__Default=Warning ASPNETCORE_URLS=http://127.0.0.1:$port dotnet "$web" >"$dir/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run" >&2
status=0
dotnet "$bench" "http://127.0.0.1:$port/health" "$seconds" "$concurrency" || status=1
NEXGEN_API_KEY=$key dotnet "$bench" "http://127.0.0.1:$port/api/v1/forecasts?location=$location&sku=$sku" "$seconds" "$concurrency" || status=1
exit $status
