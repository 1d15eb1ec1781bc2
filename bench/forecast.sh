#!/usr/bin/env bash
# Forecast benchmark: NexGen against the seed-style peer (../shared/peer: pandas + XGBoost) on the same data, cutoff and
# horizon, scored by the same evaluator (../shared/peer/evaluate.py), with seasonal naive + each series' own error
# quantiles (snaive_quantiles.py) as the interval reference. For each set it prints the wall time and peak RSS of a
# full NexGen retrain run (calibration, training, forecast, intervals, explanations, saving), of a predict run with
# the model that run activated, and of the peer; then the evaluator's lines (point metrics; interval coverage overall
# and per quartile of series volume; scaled pinball loss per level).
#
# Usage: bench/forecast.sh [SET...]      (default: a b d e; data and stores cached in $BENCH_DIR, default /tmp/nexgen-bench)
#   a  the committed samples: 600 daily series, cutoff 2026-10-27, h 28
#   b  generated: 3,000 daily series x 1,941 days with prices and promotions, cutoff 2030-02-19, h 28
#   c  generated M5 scale: 30,490 daily series x 1,941 days, cutoff 2030-02-19, h 28 (about 2 GB of CSV)
#   d  Walmart dev (../shared/data/walmart/train.csv, weekly), cutoff 2011-10-28, h 26
#   e  short weekly: Walmart's last 60 weeks, store x department as the SKU, no location, cutoff 2012-03-02, h 8
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=$(cd "$root/../shared" && pwd)
bench=${BENCH_DIR:-/tmp/nexgen-bench}
cli="dotnet $root/NexGen.Cli/bin/Release/net10.0/linux-x64/nexgen.dll"
walmart_map="Store=location,Dept=sku,Date=date,Weekly_Sales=quantity"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! /usr/bin/python3 -c 'import xgboost, pandas' 2>/dev/null || [ ! -x /usr/bin/time ]; then
    echo "Installing the peer's Python packages and GNU time..." >&2
    as_root apt-get update >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-xgboost python3-pandas time >/dev/null
fi
dotnet build NexGen.Cli -c Release -v quiet -nologo >/dev/null

import_all() { # dir: imports every file the generator wrote into dir/store.duckdb
    for kind in locations products sales inventory promotions events; do
        $cli import "$kind" "$1/$kind.csv" --store "$1/store.duckdb" >/dev/null 2>&1
    done
}

# prepare SET: sets sales, cutoff, horizon, freq and map, and makes $dir/store.duckdb once.
prepare() {
    dir=$bench/$1
    mkdir -p "$dir"
    freq=D map=""
    case $1 in
    a) sales=$dir/sales.csv cutoff=2026-10-27 horizon=28
       [ -f "$sales" ] || zcat samples/sales.csv.gz >"$sales"
       if [ ! -f "$dir/store.duckdb" ]; then
           for kind in locations products; do $cli import "$kind" "samples/$kind.csv" --store "$dir/store.duckdb" >/dev/null 2>&1; done
           $cli import sales samples/sales.csv.gz --store "$dir/store.duckdb" >/dev/null 2>&1
           for kind in inventory promotions events; do $cli import "$kind" "samples/$kind.csv" --store "$dir/store.duckdb" >/dev/null 2>&1; done
       fi ;;
    b|c) sales=$dir/sales.csv cutoff=2030-02-19 horizon=28
       skus=300; [ "$1" = c ] && skus=3049
       [ -f "$sales" ] || $cli generate --locations 10 --skus $skus --days 1941 --seed 42 --out "$dir" >/dev/null 2>&1
       [ -f "$dir/store.duckdb" ] || import_all "$dir" ;;
    d) sales=$shared/data/walmart/train.csv cutoff=2011-10-28 horizon=26 freq=W map=$walmart_map
       [ -f "$dir/store.duckdb" ] || $cli import sales "$sales" --map "$walmart_map" --store "$dir/store.duckdb" >/dev/null 2>&1 ;;
    e) sales=$dir/sales.csv cutoff=2012-03-02 horizon=8 freq=W
       [ -f "$sales" ] || awk -F, 'NR == 1 { print "sku,date,quantity"; next } $3 >= "2011-03-11" { print "S" $1 "-D" $2 "," $3 "," $4 }' \
           "$shared/data/walmart/train.csv" >"$sales"
       [ -f "$dir/store.duckdb" ] || $cli import sales "$sales" --store "$dir/store.duckdb" >/dev/null 2>&1 ;;
    *) echo "unknown set '$1' (a b c d e)" >&2; exit 2 ;;
    esac
}

timed() { # label command...: runs it, prints "label: N s, N MB" from GNU time
    local log
    log=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$log.time" "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    read -r seconds kb <"$log.time"
    printf '  %-22s %7.1f s  %6.0f MB\n' "$label" "$seconds" "$((kb / 1024))"
    rm -f "$log" "$log.time"
}

echo "forecast benchmark on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, commit $(git rev-parse --short HEAD), $(date -u +%F)"
for set in "${@:-a b d e}"; do
    for s in $set; do
        prepare "$s"
        echo
        echo "set $s: cutoff $cutoff, horizon $horizon ($sales)"
        work=$dir/run
        rm -rf "$work" && mkdir -p "$work" && cp "$dir/store.duckdb" "$work/store.duckdb"
        label="NexGen retrain" timed $cli forecast --horizon "$horizon" --cutoff "$cutoff" --store "$work/store.duckdb" --out "$work/nexgen.csv"
        label="NexGen predict" timed $cli forecast --predict --horizon "$horizon" --cutoff "$cutoff" --store "$work/store.duckdb"
        peer_args=(--sales "$sales" --cutoff "$cutoff" --horizon "$horizon" --freq "$freq")
        [ -z "$map" ] || peer_args+=(--map "$map")
        peer=peer.csv
        if [ "$s" = c ]; then
            # pandas holds the dense grid of every series x day: 3.4 GB for 3,000 series, so about 35 GB here.
            echo "  peer (XGBoost)          skipped: its dense pandas grid needs about 35 GB at this scale"
            peer=""
        else
            label="peer (XGBoost)" timed /usr/bin/python3 "$shared/peer/xgb_peer.py" "${peer_args[@]}" --out "$work/peer.csv"
        fi
        /usr/bin/python3 "$shared/peer/snaive_quantiles.py" "$sales" "$cutoff" "$horizon" "${freq:0:1}" "$map" "$work/snaive_quantiles.csv"
        (cd "$work" && /usr/bin/python3 "$shared/peer/evaluate.py" "${peer_args[@]}" nexgen.csv $peer snaive_quantiles.csv) \
            | sed 's/^/  /'
    done
done
