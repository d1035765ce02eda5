#!/usr/bin/env bash
# Provides what the scale-out tests need beside the local PostgreSQL cluster (port 5432) that
# scripts/test-db.sh provisions, on Debian as root. scripts/test-db.sh calls it last.
#
# Idempotent; well under a second when everything is up.
#  - a streaming replica of the cluster on port 5433 (pg_basebackup -R with a physical slot, data
#    in /var/lib/postgresql/<v>/replica5433, started with pg_ctl as the postgres OS user); its
#    recovery_min_apply_delay and max_standby_streaming_delay, which the lag and conflict tests
#    change with ALTER SYSTEM and reset, are reset on every run
#  - PgBouncer (Debian's package) on port 6432 in transaction mode in front of the cluster, with
#    its own configuration /etc/pgbouncer/pgorm.ini, run as the postgres OS user; users postgres
#    (password postgres) and pgorm_app (password pgorm_app)
#
# Environment (all optional):
#   PGORM_PG_VERSION   major version of the cluster (default 15)
#   PGORM_APP_ROLE     non-superuser login role (default pgorm_app, password pgorm_app)
#   PGORM_TEST_URL     when set, points at a server that someone else provides: nothing to do.
set -euo pipefail

PGV="${PGORM_PG_VERSION:-15}"
APP_ROLE="${PGORM_APP_ROLE:-pgorm_app}"
BIN="/usr/lib/postgresql/$PGV/bin"
PRIMARY_PORT=5432
REPLICA_PORT=5433
REPLICA_DIR="/var/lib/postgresql/$PGV/replica$REPLICA_PORT"
REPLICA_LOG="/var/log/postgresql/postgresql-$PGV-replica$REPLICA_PORT.log"
SLOT="pgorm_replica$REPLICA_PORT"
BOUNCER_PORT=6432
BOUNCER_INI=/etc/pgbouncer/pgorm.ini
BOUNCER_USERS=/etc/pgbouncer/pgorm-userlist.txt
BOUNCER_PID=/var/run/postgresql/pgorm-pgbouncer.pid

say() { printf '[scale-out-db] %s\n' "$*"; }
die() { printf '[scale-out-db] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -n "${PGORM_TEST_URL:-}" ]]; then
  say "PGORM_TEST_URL is set: no replica or PgBouncer to provision here."
  exit 0
fi
[[ $(id -u) -eq 0 ]] || die "run as root (PostgreSQL's programs then run as the postgres OS user)"
as_postgres() { runuser -u postgres -- "$@"; }
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq)

# 1. the streaming replica on 5433
hba="/etc/postgresql/$PGV/main/pg_hba.conf"
if ! grep -q "pgorm-replication" "$hba"; then
  sed -i '1i # pgorm-replication: streaming replicas of the test server on loopback\nhost replication all 127.0.0.1/32 trust' "$hba"
  "${PSQL[@]}" -p $PRIMARY_PORT -c 'select pg_reload_conf()' >/dev/null
fi

streaming() {
  [[ "$("${PSQL[@]}" -p $REPLICA_PORT -c "select pg_is_in_recovery() and exists (select from pg_stat_wal_receiver where status = 'streaming')" 2>/dev/null)" == t ]]
}
running() { as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; }
start_replica() {
  as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_LOG" -w -t 60 start >/dev/null
}
wait_streaming() {
  for _ in $(seq 1 40); do streaming && return 0; sleep 0.25; done
  return 1
}
create_replica() {
  if running; then as_postgres "$BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null || true; fi
  rm -rf "$REPLICA_DIR"
  install -d -o postgres -g postgres -m 700 "$REPLICA_DIR"
  "${PSQL[@]}" -p $PRIMARY_PORT -c "select pg_drop_replication_slot('$SLOT') from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D "$REPLICA_DIR" \
    -R -C -S "$SLOT" -X stream -c fast >/dev/null || die "pg_basebackup failed"
  # Debian keeps the configuration outside the data directory; the copy gets a small one of its own.
  as_postgres tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hba_file = '$REPLICA_DIR/pg_hba.conf'
hot_standby = on
hot_standby_feedback = off
max_standby_streaming_delay = 30s
shared_buffers = 32MB
logging_collector = off
# Tests make tablespaces "in place" on the primary (a directory of their own would be shared with
# this replica on the same machine); replaying them needs this here too.
allow_in_place_tablespaces = on
CONF
  as_postgres tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<HBA
# test machine only: trust on loopback
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
HBA
  start_replica || die "the replica did not start (see $REPLICA_LOG)"
}

if [[ ! -f "$REPLICA_DIR/standby.signal" ]]; then
  say "replica :$REPLICA_PORT: creating it from the cluster on :$PRIMARY_PORT (pg_basebackup)"
  create_replica
elif ! grep -q '^allow_in_place_tablespaces = on' "$REPLICA_DIR/postgresql.conf"; then
  say "replica :$REPLICA_PORT: made by an older version of this script, creating it again"
  create_replica
elif ! running && ! start_replica; then
  say "replica :$REPLICA_PORT: does not start (see $REPLICA_LOG), creating it again"
  create_replica
fi
if ! wait_streaming; then
  say "replica :$REPLICA_PORT: not streaming, creating it again"
  create_replica
  wait_streaming || die "the replica on :$REPLICA_PORT does not stream from :$PRIMARY_PORT (see $REPLICA_LOG)"
fi
# A test that changed these (apply delay, conflict delay) and died before resetting them leaves
# them in postgresql.auto.conf: back to this script's values.
for setting in recovery_min_apply_delay max_standby_streaming_delay; do
  if grep -q "^$setting" "$REPLICA_DIR/postgresql.auto.conf"; then
    "${PSQL[@]}" -p $REPLICA_PORT -c "alter system reset $setting" -c "select pg_reload_conf()" >/dev/null
  fi
done
say "replica :$REPLICA_PORT: streaming from :$PRIMARY_PORT ($REPLICA_DIR)"

# 2. PgBouncer on 6432
if ! dpkg-query -W -f='${Status}' pgbouncer 2>/dev/null | grep -q "install ok installed"; then
  say "installing pgbouncer"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbouncer >/dev/null \
    || die "apt-get install pgbouncer failed"
fi
config="$(cat <<INI
;; written by PG-ORM's scripts/scale-out-db.sh for the tests
[databases]
* = host=127.0.0.1 port=$PRIMARY_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
pool_mode = transaction
auth_type = scram-sha-256
auth_file = $BOUNCER_USERS
admin_users = postgres
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = /var/log/postgresql/pgorm-pgbouncer.log
pidfile = $BOUNCER_PID
INI
)"
users="$(printf '"postgres" "postgres"\n"%s" "%s"\n' "$APP_ROLE" "$APP_ROLE")"
changed=0
if [[ "$(cat "$BOUNCER_INI" 2>/dev/null)" != "$config" ]]; then printf '%s\n' "$config" > "$BOUNCER_INI"; changed=1; fi
if [[ "$(cat "$BOUNCER_USERS" 2>/dev/null)" != "$users" ]]; then printf '%s\n' "$users" > "$BOUNCER_USERS"; changed=1; fi
chown postgres:postgres "$BOUNCER_INI" "$BOUNCER_USERS"
chmod 640 "$BOUNCER_USERS"
bouncer_up() { [[ -f $BOUNCER_PID ]] && kill -0 "$(cat $BOUNCER_PID)" 2>/dev/null; }
if bouncer_up && [[ $changed -eq 1 ]]; then
  kill "$(cat $BOUNCER_PID)"
  for _ in $(seq 1 20); do bouncer_up || break; sleep 0.25; done
fi
if ! bouncer_up; then
  as_postgres pgbouncer -q -d "$BOUNCER_INI" || die "pgbouncer did not start (see /var/log/postgresql/pgorm-pgbouncer.log)"
fi
for _ in $(seq 1 20); do
  PGPASSWORD=postgres psql -h 127.0.0.1 -p $BOUNCER_PORT -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1 && break
  sleep 0.25
done
PGPASSWORD=postgres psql -h 127.0.0.1 -p $BOUNCER_PORT -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1 \
  || die "cannot connect through PgBouncer on 127.0.0.1:$BOUNCER_PORT (see /var/log/postgresql/pgorm-pgbouncer.log)"
version="$(PGPASSWORD=postgres psql -h 127.0.0.1 -p $BOUNCER_PORT -U postgres -d pgbouncer -Atqc 'show version' 2>/dev/null | head -n1)"
say "pgbouncer :$BOUNCER_PORT: transaction pooling in front of :$PRIMARY_PORT (${version:-version unknown})"
