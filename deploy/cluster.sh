#!/usr/bin/env bash
# A local LR Lab cluster on loopback: PostgreSQL (Debian's postgresql), two app nodes sharing it,
# HAProxy in front with cookie affinity. Everything lives in one run directory (data, logs, pids),
# so `stop` finds exactly what `start` started.
#
#   deploy/cluster.sh start | stop | status
#
# Environment (defaults): LRLAB_CLUSTER_DIR (/tmp/lrlab-cluster), LRLAB_LB_PORT (8090),
# LRLAB_NODE_PORTS ("8091 8092"), LRLAB_PG_PORT (54329), JAVA_OPTS (-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN=${LRLAB_CLUSTER_DIR:-/tmp/lrlab-cluster}
LB_PORT=${LRLAB_LB_PORT:-8090}
read -r -a NODE_PORTS <<< "${LRLAB_NODE_PORTS:-8091 8092}"
PG_PORT=${LRLAB_PG_PORT:-54329}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
JAR=$ROOT/target/lrlab.jar
NAMES=(a b)
# deploy/haproxy.cfg names two servers; more nodes need more `server` lines there
[ ${#NODE_PORTS[@]} = 2 ] || { echo "LRLAB_NODE_PORTS must name two ports, was '${NODE_PORTS[*]}'" >&2; exit 2; }

pg_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$b/initdb" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
  echo "$b"
}

# initdb refuses root, so as root the PostgreSQL commands run as the postgres user
as_pg() {
  # from / : the postgres user may not enter the checkout (a private temp directory, /root)
  if [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/sh -c "$*"); else sh -c "$*"; fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_http() { # url seconds
  local i
  for ((i = 0; i < $2 * 4; i++)); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

start_pg() {
  local bin pgdir=$RUN/pg
  bin=$(pg_bin)
  mkdir -p "$pgdir"
  [ "$(id -u)" = 0 ] && chown postgres "$pgdir"
  chmod 700 "$pgdir"
  if [ ! -f "$pgdir/data/PG_VERSION" ]; then
    # a random password for the app's role, kept in the run directory only
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$RUN/db-password")
    as_pg "$bin/initdb -D $pgdir/data -U postgres -E UTF8 --auth-local=trust --auth-host=scram-sha-256 >$pgdir/initdb.log"
    NEW_DB=1
  fi
  if ! as_pg "$bin/pg_ctl -D $pgdir/data status" >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl -D $pgdir/data -l $pgdir/log -w -t 60 -o \"-p $PG_PORT -k $pgdir -c listen_addresses=127.0.0.1\" start" >/dev/null
  fi
  if [ "${NEW_DB:-0}" = 1 ]; then
    as_pg "$bin/psql -h $pgdir -p $PG_PORT -U postgres -q -c \"CREATE ROLE lrlab LOGIN PASSWORD '$(cat "$RUN/db-password")'\""
    as_pg "$bin/createdb -h $pgdir -p $PG_PORT -U postgres -O lrlab lrlab"
  fi
  echo "PostgreSQL on 127.0.0.1:$PG_PORT (data $pgdir/data)"
}

start_node() { # index
  local name=${NAMES[$1]} port=${NODE_PORTS[$1]} dir=$RUN/node-${NAMES[$1]}
  mkdir -p "$dir"
  if alive "$dir/pid"; then echo "node $name already running (pid $(cat "$dir/pid"))"; return; fi
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/lrlab" \
  SPRING_DATASOURCE_USERNAME=lrlab SPRING_DATASOURCE_PASSWORD="$(cat "$RUN/db-password")" \
    nohup java $JAVA_OPTS -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 \
      --lrlab.data-dir="$dir/data" --lrlab.node-name="$name" --server.forward-headers-strategy=framework \
      > "$dir/log" 2>&1 < /dev/null &
  echo $! > "$dir/pid"
}

start() {
  command -v /usr/sbin/haproxy >/dev/null || command -v haproxy >/dev/null \
    || { echo "HAProxy is not installed: apt-get install haproxy" >&2; exit 1; }
  if [ ! -f "$JAR" ]; then
    echo "building $JAR (mvn -B -q -DskipTests package) ..."
    mvn -B -q -DskipTests package
  fi
  mkdir -p "$RUN"
  start_pg
  local i
  for i in "${!NODE_PORTS[@]}"; do start_node "$i"; done
  for i in "${!NODE_PORTS[@]}"; do
    if wait_http "http://127.0.0.1:${NODE_PORTS[$i]}/api/presets" 180; then
      echo "node ${NAMES[$i]} on 127.0.0.1:${NODE_PORTS[$i]} (pid $(cat "$RUN/node-${NAMES[$i]}/pid"))"
    else
      echo "node ${NAMES[$i]} did not come up; last lines of $RUN/node-${NAMES[$i]}/log:" >&2
      tail -30 "$RUN/node-${NAMES[$i]}/log" >&2
      exit 1
    fi
  done
  if ! alive "$RUN/haproxy.pid"; then
    LRLAB_LB_BIND="127.0.0.1:$LB_PORT" LRLAB_NODE_A="127.0.0.1:${NODE_PORTS[0]}" \
    LRLAB_NODE_B="127.0.0.1:${NODE_PORTS[1]}" \
      "$(command -v haproxy || echo /usr/sbin/haproxy)" -f "$ROOT/deploy/haproxy.cfg" -D -p "$RUN/haproxy.pid" \
      > "$RUN/haproxy.log" 2>&1
  fi
  wait_http "http://127.0.0.1:$LB_PORT/api/presets" 30 || { echo "HAProxy does not answer" >&2; exit 1; }
  echo "LR Lab cluster: http://127.0.0.1:$LB_PORT/ (run directory $RUN; stop with deploy/cluster.sh stop)"
}

stop_pid() { # pidfile what
  if alive "$1"; then
    local pid i
    pid=$(cat "$1")
    kill "$pid"
    for ((i = 0; i < 80; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && { echo "$2 did not stop in 20 s: kill -9"; kill -9 "$pid"; }
    echo "stopped $2"
  fi
  rm -f "$1"
}

stop() {
  [ -d "$RUN" ] || { echo "no cluster in $RUN"; return; }
  stop_pid "$RUN/haproxy.pid" haproxy
  local n
  for n in "${NAMES[@]}"; do stop_pid "$RUN/node-$n/pid" "node $n"; done
  if [ -f "$RUN/pg/data/postmaster.pid" ]; then
    as_pg "$(pg_bin)/pg_ctl -D $RUN/pg/data -m fast -w stop" >/dev/null && echo "stopped PostgreSQL"
  fi
  echo "data kept in $RUN (remove the directory for a fresh cluster)"
}

status() {
  local n rc=0
  for n in "${NAMES[@]}"; do
    if alive "$RUN/node-$n/pid"; then echo "node $n: running (pid $(cat "$RUN/node-$n/pid"))"; else echo "node $n: down"; rc=1; fi
  done
  if alive "$RUN/haproxy.pid"; then echo "haproxy: running on 127.0.0.1:$LB_PORT"; else echo "haproxy: down"; rc=1; fi
  if [ -f "$RUN/pg/data/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl -D $RUN/pg/data status" >/dev/null 2>&1; then
    echo "postgresql: running on 127.0.0.1:$PG_PORT"
  else
    echo "postgresql: down"; rc=1
  fi
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
