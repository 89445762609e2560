# Sourced by .ci/run: PostgreSQL and Redis for the team-deployment tests (issue 17,
# README "Team deployment"), installed from Debian when missing, started on free
# loopback ports in a temporary directory for this run only, and stopped by
# stop_services (the caller's EXIT trap). Postgres refuses to run as root, so as
# root its commands run as the `postgres` user the Debian package creates.

SERVICES_DIR=""
PG_BIN=""
PG_PORT=""
REDIS_PORT=""

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_services() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    # The packages would start their own servers (Redis on 6379, a Postgres cluster
    # on 5432) that nobody stops: refuse service starts while they install.
    local policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      policy=/usr/sbin/policy-rc.d
      printf '#!/bin/sh\nexit 101\n' >"$policy"
      chmod +x "$policy"
    fi
    local installed=0
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null && installed=1
    [ -z "$policy" ] || rm -f "$policy"
    [ "$installed" = 1 ] || { echo "could not install ${missing[*]}" >&2; return 1; }
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

start_services() {
  install_services
  SERVICES_DIR=$(mktemp -d /tmp/krea-ci-services.XXXXXX)
  chmod 755 "$SERVICES_DIR"
  PG_PORT=$(free_port)
  REDIS_PORT=$(free_port)

  mkdir -p "$SERVICES_DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$SERVICES_DIR/pg"
  as_postgres "$PG_BIN/initdb" -D "$SERVICES_DIR/pg/data" -U postgres -A trust --no-sync >/dev/null
  # Throwaway data: no fsync; sockets in our own dir, TCP on loopback only.
  as_postgres "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -l "$SERVICES_DIR/pg/log" -w -s \
    -o "-p $PG_PORT -k $SERVICES_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start
  for db in studio_test studio_e2e studio_bench; do
    as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
  done

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$SERVICES_DIR/redis.pid" --logfile "$SERVICES_DIR/redis.log"
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$REDIS_PORT" ping >/dev/null

  export CI_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT"
  export CI_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"
}

stop_services() {
  [ -n "$SERVICES_DIR" ] || return 0
  if [ -n "$REDIS_PORT" ]; then redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ -d "$SERVICES_DIR/pg/data" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$SERVICES_DIR/pg/data" -m fast -w -s stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SERVICES_DIR"
  SERVICES_DIR=""
}
