#!/usr/bin/env bash
# Upload benchmark: a generated sales file of about 200 MB (10 locations x 300 SKUs x 1,941 days, plain CSV) uploaded
# as sales on the Data page of the app over an empty store, in Debian's Chromium driven by Playwright, then imported as
# suggested; prints the upload and import times, and how fast the page answered a click of the theme toggle every half
# second meanwhile (a frozen page would not), against 500 ms at p95.
# Usage: bench/upload.sh [LOCATIONS SKUS DAYS]      (data in $BENCH_DIR, default /tmp/nexgen-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
locations=${1:-10} skus=${2:-300} days=${3:-1941}
dir=${BENCH_DIR:-/tmp/nexgen-bench}/upload-$locations-$skus-$days
cli=NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll
bench=bench/DashboardBench/bin/Release/net10.0/linux-x64/dashboard-bench.dll
. bench/app.sh

build_benchmarks
if [ ! -f "$dir/sales.csv" ]; then
  echo "generating $locations x $skus x $days into $dir ..." >&2
  dotnet "$cli" generate --locations "$locations" --skus "$skus" --days "$days" --seed 42 --out "$dir" >/dev/null
fi
# A fresh store every run: the upload is the first import.
store=$dir/store.duckdb
rm -f "$store" "$store.wal"
start_app "$store" "$dir/app.log"

echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
status=0
dotnet "$bench" upload "$url" "$dir/sales.csv" || status=$?
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
exit $status
