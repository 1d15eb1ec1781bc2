#!/usr/bin/env bash
# Forecast benchmark: a generated data set (M5 scale by default: 30,490 daily series x 1,941 days) imported once
# into a store, then one full forecast run (calibration backtests, training, a 28-day forecast of every series with
# intervals, forecasts written to the store), printing the time of each phase and the peak RSS.
# Usage: bench/forecast.sh [LOCATIONS SKUS DAYS [HORIZON]]      (data in $BENCH_DIR, default /tmp/nexgen-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
locations=${1:-10} skus=${2:-3049} days=${3:-1941} horizon=${4:-28}
dir=${BENCH_DIR:-/tmp/nexgen-bench}/m5-$locations-$skus-$days
cli=NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll
store=$dir/store.duckdb

dotnet build NexGen.Cli -c Release -v quiet -nologo >/dev/null
if [ ! -f "$dir/sales.csv" ]; then
  echo "generating $locations x $skus x $days into $dir ..." >&2
  dotnet "$cli" generate --locations "$locations" --skus "$skus" --days "$days" --seed 42 --out "$dir"
fi
if [ ! -f "$store" ]; then
  for kind in locations products sales inventory promotions events; do
    dotnet "$cli" import "$kind" "$dir/$kind.csv" --store "$store" 2>&1 | grep -E "^Imported|^Rejected|rows in" >&2
  done
fi
echo "forecasting $horizon periods of every series on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB ..." >&2
dotnet "$cli" forecast --horizon "$horizon" --store "$store" 2>&1 | grep -v '^  {'
