# Sourced by ./test: make sure the real engines the tests talk to are there, installing them when we can.
#   PostgreSQL on 127.0.0.1:5432 with a role `quintet` (password `quintet`, may create databases)
#   Redis on 127.0.0.1:6379, and the redis-server binary for tests that start their own nodes
#   Chromium and ChromeDriver for the console's browser test
# Exports what the tests read: QUINTET_TEST_PG_URL, QUINTET_TEST_PG_USER, QUINTET_TEST_PG_PASSWORD,
# QUINTET_TEST_REDIS_URL, QUINTET_TEST_REDIS_SERVER, QUINTET_TEST_CHROMEDRIVER.

apt_updated=""
apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "The tests need the Debian package(s) $*; run ./test as root once to install them, or install them yourself." >&2
    exit 1
  fi
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  echo "installing $* ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_host=${QUINTET_TEST_PG_HOST:-127.0.0.1}
pg_port=${QUINTET_TEST_PG_PORT:-5432}

ensure_postgres() {
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql postgresql-client
  if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$version" ]; then echo "PostgreSQL is installed but has no cluster; create one with pg_createcluster." >&2; exit 1; fi
    echo "starting PostgreSQL $version ..."
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$pg_host" -p "$pg_port" && break; sleep 1; done
  fi
  pg_isready -q -h "$pg_host" -p "$pg_port" || { echo "PostgreSQL does not answer on $pg_host:$pg_port." >&2; exit 1; }
  # The role the tests use; created through the local socket as the postgres superuser.
  local sql="DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'quintet') THEN
        CREATE ROLE quintet LOGIN CREATEDB PASSWORD 'quintet';
      END IF; END \$\$;"
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -q -p "$pg_port" -c "$sql" >/dev/null
  else
    psql -q -h "$pg_host" -p "$pg_port" -U postgres -c "$sql" >/dev/null \
      || { echo "Could not create the test role 'quintet' in PostgreSQL; create it: CREATE ROLE quintet LOGIN CREATEDB PASSWORD 'quintet'" >&2; exit 1; }
  fi
  export QUINTET_TEST_PG_URL="jdbc:postgresql://$pg_host:$pg_port/postgres"
  export QUINTET_TEST_PG_USER=quintet QUINTET_TEST_PG_PASSWORD=quintet
}

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server redis-tools
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "starting Redis on 127.0.0.1:6379 ..."
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir /tmp --logfile /tmp/quintet-test-redis.log
    for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis does not answer on 127.0.0.1:6379." >&2; exit 1; }
  export QUINTET_TEST_REDIS_URL="redis://127.0.0.1:6379"
  export QUINTET_TEST_REDIS_SERVER="$(command -v redis-server)"
}

ensure_chromium() {
  if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  export QUINTET_TEST_CHROMEDRIVER="$(command -v chromedriver)"
}

ensure_postgres
ensure_redis
ensure_chromium
