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
