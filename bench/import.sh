#!/usr/bin/env bash
# Import benchmark: generates a sales file (M5 scale by default: 10 locations x 3,049 SKUs x 1,941 days,
# 59.2 M rows, ~2 GB) once, then imports it into a fresh store and prints rows/s and peak RSS.
# Usage: bench/import.sh [LOCATIONS SKUS DAYS]      (data in $BENCH_DIR, default /tmp/nexgen-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
locations=${1:-10} skus=${2:-3049} days=${3:-1941}
dir=${BENCH_DIR:-/tmp/nexgen-bench}/m5-$locations-$skus-$days
cli=NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll

dotnet build NexGen.Cli -c Release -v quiet -nologo >/dev/null
if [ ! -f "$dir/sales.csv" ]; then
  echo "generating $locations x $skus x $days into $dir ..." >&2
  dotnet "$cli" generate --locations "$locations" --skus "$skus" --days "$days" --seed 42 --out "$dir"
fi
store=$(mktemp -d)/bench.duckdb
echo "importing $(du -h "$dir/sales.csv" | cut -f1) of sales on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB ..." >&2
dotnet "$cli" import sales "$dir/sales.csv" --store "$store" 2>&1 | grep -E "Imported|rows in|Rejected|rows,"
rm -rf "$(dirname "$store")"
