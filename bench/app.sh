# Sourced by the benchmarks that drive the web app: start_app STORE LOG starts the published app (NexGen.Web's publish
# folder: outside Development the app serves its static assets from wwwroot beside the dll, as in the Dockerfile) on
# 127.0.0.1 over STORE, waits for /health and sets $url and $app; the app stops when the script exits. wait_idle
# then waits for the app's start-up work (the catalog and overview warm-up over a large store) to end.
# Authentication stays off: allowed on loopback, where every request is the local admin.
web=NexGen.Web/bin/Release/net10.0/linux-x64/publish
app=""
stop_app() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; }
trap stop_app EXIT

build_benchmarks() { # the CLI, the published app and the browser bench
  [ -x /usr/bin/chromium ] || { echo "the browser benchmarks drive Debian's Chromium: apt-get install -y chromium (./test.sh installs it)" >&2; exit 1; }
  dotnet build NexGen.Cli -c Release -v quiet -nologo >/dev/null
  dotnet publish NexGen.Web -c Release -v quiet -nologo >/dev/null
  dotnet build bench/DashboardBench -c Release -v quiet -nologo >/dev/null
}

start_app() { # store, log
  local store=$1 log=$2
  # Port 0: Kestrel picks a free port and logs it. exec: $app is the app's own process.
  (cd "$web" && exec env NexGen__StorePath="$store" NexGen__LoadSamplesOnFirstStart=false Scheduling__Enabled=false \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
    ASPNETCORE_URLS=http://127.0.0.1:0 dotnet NexGen.Web.dll) >"$log" 2>&1 &
  app=$!
  url=""
  for _ in $(seq 1 120); do
    url=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" | head -1 | cut -d' ' -f4 || true)
    [ -n "$url" ] && curl -sf "$url/health" >/dev/null && return 0
    kill -0 "$app" 2>/dev/null || { cat "$log" >&2; exit 1; }
    url=""
    sleep 1
  done
  echo "the app did not answer on /health within 120 s (log: $log)" >&2
  exit 1
}

wait_idle() { # until the app uses under 0.2 s of CPU in 2 s (clock ticks at 100 per second), at most 240 s
  local before after
  for _ in $(seq 1 120); do
    before=$(awk '{print $14 + $15}' "/proc/$app/stat")
    sleep 2
    after=$(awk '{print $14 + $15}' "/proc/$app/stat")
    [ $((after - before)) -lt 20 ] && return 0
  done
  echo "the app was still busy after 240 s; measuring anyway" >&2
}
