#!/usr/bin/env bash
# Serve Pooling Lessons on one machine: WORKERS Streamlit processes behind HAProxy.
#
#   deploy/run_local.sh WORKERS PORT        e.g. deploy/run_local.sh 2 8501
#
# The proxy listens on PORT (all interfaces; PROXY_ADDR=127.0.0.1 for this
# machine only); the workers on 127.0.0.1, ports PORT+1 .. PORT+WORKERS, with
# the production settings in deploy/production.env. Runs in the foreground;
# Ctrl-C or SIGTERM stops the proxy and every worker. One worker per core is
# the rule of thumb (a Streamlit process runs its pages on one core).
# APP_SCRIPT (default app.py) picks the script; the benchmarks use it.
set -euo pipefail

if [ $# -ne 2 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]] || ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 WORKERS PORT   (e.g. $0 2 8501)" >&2
    exit 2
fi
WORKERS=$1
PORT=$2
cd "$(dirname "$0")/.."
HAPROXY=${HAPROXY:-$(command -v haproxy || echo /usr/sbin/haproxy)}
if [ ! -x "$HAPROXY" ]; then
    echo "haproxy not found: apt-get install haproxy" >&2
    exit 1
fi
PYTHON=${PYTHON:-$(command -v python || command -v python3)}

set -a
# shellcheck source=production.env
. deploy/production.env
set +a

pids=()
tmp=$(mktemp -d)
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

cfg=$tmp/haproxy.cfg
cp deploy/haproxy.cfg "$cfg"
for i in $(seq 1 "$WORKERS"); do
    wport=$((PORT + i))
    "$PYTHON" -m streamlit run "${APP_SCRIPT:-app.py}" \
        --server.address=127.0.0.1 --server.port="$wport" &
    pids+=($!)
    echo "    server w$i 127.0.0.1:$wport cookie w$i" >>"$cfg"
    echo "worker w$i: pid $!, http://127.0.0.1:$wport"
done

# Start the proxy once every worker answers its health check (up to 90 s).
"$PYTHON" - "$PORT" "$WORKERS" <<'PY'
import sys, time, urllib.request
port, workers = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 90
for i in range(1, workers + 1):
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port + i}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"worker w{i} not healthy after 90 s")
        time.sleep(0.25)
PY

export PROXY_BIND="${PROXY_ADDR:-*}:$PORT"
"$HAPROXY" -c -q -f "$cfg"
"$HAPROXY" -db -f "$cfg" &
pids+=($!)
echo "haproxy: pid $!, http://${PROXY_ADDR:-localhost}:$PORT ($WORKERS workers); Ctrl-C stops all"

# Stop everything as soon as any one of them exits.
status=0
wait -n "${pids[@]}" || status=$?
echo "a process exited (status $status): stopping the others" >&2
exit "$status"
