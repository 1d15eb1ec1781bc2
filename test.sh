#!/usr/bin/env bash
# Builds NexGen and runs every test on a fresh Debian 12 machine (as root, or with sudo), then prints the
# closing line CI reads: "N passed, N failed, N skipped". Safe to run again: installs are skipped when present.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The web tests drive Debian's Chromium through Playwright (no browser download is possible here).
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing chromium (about 90 s)..."
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

# The SQL-source tests read from a real PostgreSQL: a throwaway cluster on loopback, trust auth, stopped on exit.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing postgresql..."
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/nexgen-pg-XXXXXX)
as_pg() { # initdb refuses to run as root: root runs the cluster as the postgres user
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_postgres() {
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
[ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -U postgres >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
pg_port=""
for port in $(shuf -i 20000-60000 -n 20); do # a free port: the first the server can bind
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/server.log" \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null; then
        pg_port=$port
        break
    fi
done
if [ -z "$pg_port" ]; then
    echo "PostgreSQL did not start:" >&2
    cat "$pg_dir/server.log" >&2
    exit 1
fi
export NEXGEN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL for the tests on 127.0.0.1:$pg_port"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build NexGen.sln -c Release

results="$(pwd)/TestResults/test-sh"
rm -rf "$results"
mkdir -p "$results"

test_status=0
dotnet test NexGen.sln -c Release --no-build \
    --logger "trx;LogFileName=results.trx" --results-directory "$results" || test_status=$?

# Sum the <Counters .../> of every trx file (one per test project).
total=0 passed=0 failed=0 skipped=0 files=0
counter() { # attribute, line
    local value
    value=$(printf '%s\n' "$2" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")
    echo "${value:-0}"
}
while IFS= read -r -d '' trx; do
    files=$((files + 1))
    line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    [ -n "$line" ] || continue
    t=$(counter total "$line"); e=$(counter executed "$line"); p=$(counter passed "$line")
    f=$(( $(counter failed "$line") + $(counter error "$line") + $(counter timeout "$line") + $(counter aborted "$line") ))
    total=$((total + t)); passed=$((passed + p)); failed=$((failed + f))
    skipped=$((skipped + t - e))
done < <(find "$results" -name '*.trx' -print0)

if [ "$files" -eq 0 ]; then
    echo "No test results were written to $results." >&2
    [ "$test_status" -ne 0 ] || test_status=1
fi
if [ "$failed" -gt 0 ] && [ "$test_status" -eq 0 ]; then
    test_status=1
fi
if [ "$total" -eq 0 ] && [ "$test_status" -eq 0 ]; then
    echo "No test ran." >&2
    test_status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$test_status"
