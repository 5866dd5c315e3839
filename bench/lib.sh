# bench/lib.sh: what every bench script shares, sourced right after `set -euo pipefail`:
#
#   bench_init NAME           root, a temporary $work, say/die, and the trap that cleans up whatever happens
#   bench_positive VAR...     each knob must be a positive integer (exit 2)
#   bench_wrk_setup LUA       CONNECTIONS >= THREADS, wrk (apt-get installs it when missing, as root), the
#                             Lua script; sets wrk_version
#   bench_jar [TESTS]         builds target/quintet.jar when src/main or pom.xml is newer, then runs a private
#                             copy ($work/quintet.jar); TESTS=with-tests compiles the tests too (for bench/ledger)
#   bench_facts               jdk, jdk_build, commit, cpu_model, load_at_start: the report's header
#   bench_start_quintet LOG "PORTS" [VAR=value ...]
#                             starts Quintet on the first free port of PORTS (fresh H2 in $work/data unless
#                             QUINTET_DATA is given), waits for /health/readiness; sets port, base, server_pid
#   bench_quintet ARG...      a CLI command (e.g. a loader) against $work/data
#   bench_stop_quintet        SIGTERM, then SIGKILL after 20 s
#   bench_java MAIN FILE [ARG ...]   compiles FILE with bench/BenchSupport.java and runs class MAIN in a
#                             process group of its own that the clean-up stops with all it started
#                             (BENCH_CLASSPATH and BENCH_JAVA_OPTS add to javac's and java's command)
#   bench_wrk OUT SECONDS LUA URL [VAR=value ...]
#                             one wrk run (THREADS, CONNECTIONS; VARs for the Lua script); sets r_rps,
#                             r_p50 and r_p99 (ms), r_status (>= 400), r_socket (errors), r_requests
#   bench_cache_counts CACHE  "hits misses db_checkouts" from the server's /metrics ("-" where absent)
#   bench_hit_db BEFORE AFTER REQUESTS   "hit-rate db-per-request" between two bench_cache_counts
#   bench_median FORMAT VALUE...  the median, printf-formatted
#   bench_ratio FORMAT A B    A ÷ B, printf-formatted
#
# Why one library: the scripts used to repeat these pieces, each a little differently; now a fix to the
# clean-up or to the readiness wait reaches every bench. Each script keeps its own knobs and report.
# A script may define bench_on_exit (e.g. to drop a database); the trap calls it before removing $work.

bench_init() {
  BENCH_NAME=$1
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  work="" server_pid="" wrk_pid=""
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  work="$(mktemp -d "${TMPDIR:-/tmp}/quintet-bench.XXXXXX")"
  source "$root/scripts/java-home.sh"
}

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }

# die MESSAGE [LOG]: explain, show the end of the log that says why, exit 1 (the trap cleans up)
die() {
  echo "bench/$BENCH_NAME: $1" >&2
  if [ -n "${2:-}" ] && [ -s "$2" ]; then
    echo "--- last lines of $(basename "$2") ---" >&2
    tail -n 25 "$2" >&2
  fi
  exit 1
}

# the server stops, wrk and the Java programs stop and the temporary data goes, whatever happens
# (error, Ctrl-C, SIGTERM)
bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true; fi
  bench_stop_quintet
  [ -n "$work" ] && bench_stop_groups
  if declare -F bench_on_exit >/dev/null; then bench_on_exit || true; fi
  [ -n "$work" ] && rm -rf "$work"
  exit "$rc"
}

# bench_wrk_setup LUA: checks CONNECTIONS against THREADS (exit 2), installs wrk when missing, checks the
# Lua script is there; sets wrk_version
bench_wrk_setup() {
  if [ "$CONNECTIONS" -lt "$THREADS" ]; then
    echo "bench/$BENCH_NAME: CONNECTIONS ($CONNECTIONS) must be at least THREADS ($THREADS)" >&2; exit 2
  fi
  command -v wrk >/dev/null 2>&1 || bench_install_wrk
  [ -f "$1" ] || die "missing $1"
  wrk_version="$( (wrk -v 2>&1 || true) | sed -n '1s/^wrk \([^ ]*\).*/\1/p')"
}

bench_install_wrk() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench/$BENCH_NAME needs wrk. Install it, e.g. 'sudo apt-get install -y wrk', and run again." >&2
    exit 1
  fi
  say "installing wrk with apt-get ..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q wrk >"$work/apt.log" 2>&1; then
    say "apt-get install failed; running apt-get update first ..."
    { apt-get update -q && apt-get install -y -q wrk; } >>"$work/apt.log" 2>&1 || die "could not install wrk" "$work/apt.log"
  fi
}

bench_jar() {
  local jar="$root/target/quintet.jar"
  if [ "${1:-}" = with-tests ]; then
    # bench/ledger runs against the test classes (QuintetProcess, RedisServer), so they are built too
    say "building the jar and the test classes (tests skipped) ..."
    (cd "$root" && ./mvnw -q -B -ntp package -DskipTests) >"$work/build.log" 2>&1 || die "the build failed" "$work/build.log"
  # only main sources count otherwise: tests are not in the jar, and they are not compiled either, so a
  # test being edited elsewhere cannot break the benchmark's build
  elif [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
    say "building $jar with $JAVA_HOME ..."
    (cd "$root" && ./mvnw -q -B -ntp -Dmaven.test.skip=true package) >"$work/build.log" 2>&1 \
      || die "the build failed" "$work/build.log"
  fi
  # run a private copy: a rebuild in the working tree during the benchmark must not swap the jar under it
  cp "$jar" "$work/quintet.jar"
}

bench_facts() {
  jdk="$(java -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')"
  jdk_build="$(java -version 2>&1 | sed -n '2s/.*(build \(.*\))/\1/p')"
  commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no -- src/main pom.xml 2>/dev/null)" ]; then
    commit="$commit + uncommitted changes in src/main or pom.xml"
  fi
  cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# bench_try_port LOG PORT VAR=value...: 0 when our server is ready there, 1 when the port turned out taken
bench_try_port() {
  local log=$1 p=$2 deadline=$((SECONDS + 240))
  shift 2
  : >"$log"
  env QUINTET_DATA="$work/data" "$@" QUINTET_PORT="$p" java ${QUINTET_JAVA_OPTS:-} -jar "$work/quintet.jar" >"$log" 2>&1 &
  server_pid=$!
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      wait "$server_pid" 2>/dev/null || true
      server_pid=""
      grep -qi "already in use" "$log" && return 1
      die "the server exited during startup" "$log"
    fi
    # UP from this port, and our server says it listens there (not someone who took the port meanwhile)
    if curl -fsS --max-time 2 "http://127.0.0.1:$p/health/readiness" 2>/dev/null | grep -q '"UP"' \
        && grep -qi "started on port $p\b" "$log"; then
      return 0
    fi
    sleep 0.5
  done
  die "the server was not ready after 240 s" "$log"
}

bench_start_quintet() {
  local log=$1 ports=($2) p
  shift 2
  port=""
  for p in "${ports[@]}"; do
    bench_port_in_use "$p" && continue
    if bench_try_port "$log" "$p" "$@"; then port=$p; break; fi
  done
  [ -n "$port" ] || die "no free port among ${ports[*]}"
  base="http://127.0.0.1:$port"
}

# bench_quintet ARG...: a CLI command against the run's data, e.g. a loader (H2's AUTO_SERVER lets it in)
bench_quintet() { QUINTET_DATA="$work/data" java ${QUINTET_JAVA_OPTS:-} -jar "$work/quintet.jar" "$@"; }

bench_stop_quintet() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "bench/$BENCH_NAME: server $server_pid ignored SIGTERM for 20 s, killing it" >&2
      kill -KILL "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# compiled with javac rather than run as a source file, so that the benches share BenchSupport on a JDK 21
bench_java() {
  local main=$1 file=$2 cp="$work/classes${BENCH_CLASSPATH:+:$BENCH_CLASSPATH}"
  shift 2
  if [ ! -f "$work/classes/.$file" ]; then
    javac -nowarn -d "$work/classes" -cp "$cp" "$root/bench/BenchSupport.java" "$root/bench/$file" >"$work/javac.log" 2>&1 \
      || die "could not compile bench/$file" "$work/javac.log"
    touch "$work/classes/.$file"
  fi
  # its own process group, noted in $work/groups (this may run in a pipeline's subshell): whatever the
  # program starts (bench/ledger's Quintet and Redis nodes) stays in that group, so the clean-up can stop
  # it all even when the JVM itself was killed and left its children behind
  setsid java ${BENCH_JAVA_OPTS:-} -cp "$cp" "$main" "$@" &
  echo "$!" >>"$work/groups"
  wait "$!"
}

# bench_stop_groups: SIGTERM to every process group bench_java started that still has a member, SIGKILL
# to what is left after 20 s
bench_stop_groups() {
  local g left
  [ -f "$work/groups" ] || return 0
  for g in $(cat "$work/groups"); do kill -TERM -- "-$g" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    left=""
    for g in $(cat "$work/groups"); do kill -0 -- "-$g" 2>/dev/null && left=1; done
    [ -n "$left" ] || return 0
    sleep 0.2
  done
  for g in $(cat "$work/groups"); do kill -KILL -- "-$g" 2>/dev/null || true; done
}

# bench_wrk OUT SECONDS LUA URL [VAR=value ...]: in the background and waited for, so that Ctrl-C or SIGTERM
# stops the benchmark at once; the Lua script's done() prints the RESULT line parsed here
bench_wrk() {
  local out=$1 secs=$2 lua=$3 url=$4 line
  shift 4
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 5s --latency -s "$lua" "$url" >"$out" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || die "wrk failed ($(basename "$out"))" "$out"
  wrk_pid=""
  line="$(grep '^RESULT ' "$out")" || die "no RESULT line from wrk ($(basename "$out"))" "$out"
  eval "$(awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "local w_%s=%s\n", kv[1], kv[2] } }' <<<"$line")"
  r_rps=$w_rps
  r_requests=$w_requests
  r_p50="$(awk -v u="$w_p50_us" 'BEGIN { printf "%.2f", u / 1000 }')"
  r_p99="$(awk -v u="$w_p99_us" 'BEGIN { printf "%.2f", u / 1000 }')"
  r_status=$w_status_errors
  r_socket=$((w_connect + w_read + w_write + w_timeout))
}

# bench_cache_counts CACHE: the cache figures are "-" when the server exports no cache_gets metrics for
# that cache; db_checkouts (Hikari connection usages) counts the H2 reads whatever the cache does
bench_cache_counts() {
  curl -fsS --max-time 10 "$base/metrics" 2>/dev/null | awk -v c="cache=\"$1\"" '
    /^cache_gets_total\{/ && index($0, c) {
      if ($0 ~ /result="hit"/) h += $NF; else if ($0 ~ /result="miss"/) m += $NF; cache = 1 }
    /^hikaricp_connections_usage_seconds_count\{/ { db += $NF; pool = 1 }
    END { printf "%s %s %s\n", cache ? sprintf("%d", h) : "-", cache ? sprintf("%d", m) : "-", pool ? sprintf("%d", db) : "-" }'
}

bench_hit_db() {
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    hit = "-"; if (x[1] != "-" && y[1] != "-" && (y[1] - x[1]) + (y[2] - x[2]) > 0)
      hit = sprintf("%.1f%%", 100 * (y[1] - x[1]) / ((y[1] - x[1]) + (y[2] - x[2])))
    db = "-"; if (x[3] != "-" && y[3] != "-" && n > 0) db = sprintf("%.2f", (y[3] - x[3]) / n)
    print hit, db }'
}

bench_median() {
  local format=$1; shift
  printf '%s\n' "$@" | sort -g | awk -v f="$format" '{ v[NR] = $1 }
    END { printf f, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_ratio() { awk -v f="$1" -v a="$2" -v b="$3" 'BEGIN { printf f, a / b }'; }

# bench_positive NAME...: each named variable must be a positive integer (exit 2 otherwise)
bench_positive() {
  local v
  for v in "$@"; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "bench/$BENCH_NAME: $v must be a positive integer, got '${!v}'" >&2; exit 2; }
  done
}
