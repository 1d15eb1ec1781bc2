#!/usr/bin/env bash
# The planner's wait for a new forecast: the app over a store holding the committed samples (600 daily series, as the
# first start loads them), Run forecast pressed on the Overview in Debian's Chromium driven by Playwright, timed until
# the product page of L01 x SKU00036 draws the new run's forecast with its band (bench/DashboardBench, mode forecast),
# against 60 s.
# Usage: bench/run-forecast.sh [LOCATION SKU]      (store in $BENCH_DIR, default /tmp/nexgen-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
location=${1:-L01} sku=${2:-SKU00036}
dir=${BENCH_DIR:-/tmp/nexgen-bench}/run-forecast
cli=NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll
bench=bench/DashboardBench/bin/Release/net10.0/linux-x64/dashboard-bench.dll
. bench/app.sh

build_benchmarks
# A fresh store every run, with the samples as the app's first start loads them, and no forecast yet.
mkdir -p "$dir"
store=$dir/store.duckdb
rm -rf "$store" "$store.wal" "$dir/models"
for kind in locations products; do dotnet "$cli" import "$kind" "samples/$kind.csv" --store "$store" >/dev/null 2>&1; done
dotnet "$cli" import sales samples/sales.csv.gz --store "$store" >/dev/null 2>&1
for kind in inventory promotions events; do dotnet "$cli" import "$kind" "samples/$kind.csv" --store "$store" >/dev/null 2>&1; done
start_app "$store" "$dir/app.log"
wait_idle

echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
status=0
dotnet "$bench" forecast "$url" "$location" "$sku" || status=$?
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
exit $status
