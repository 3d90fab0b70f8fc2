#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests (issue 17): initdb + pg_ctl from Debian's
# `postgresql` package, in a temporary folder, listening on a Unix socket there only (no TCP, no
# system service). CTest runs `start` before the PostgreSQL store tests and `stop` after them.
#   scripts/pg_test_cluster.sh start STATE_DIR   writes STATE_DIR/uri (the admin connection), or
#                                               STATE_DIR/skip (why no server could be started)
#   scripts/pg_test_cluster.sh stop STATE_DIR    stops the server and removes its folder
# `start` exits 0 either way: the tests then run against the server or are skipped with the
# reason in STATE_DIR/skip, never passed without a server.
set -uo pipefail

action=${1:-}
state=${2:-}
if [[ -z "$action" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi
mkdir -p "$state"
state=$(cd "$state" && pwd)

bindir=${DOISOAT_PG_BINDIR:-}
if [[ -z "$bindir" ]]; then
  for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && bindir=$d; done
fi

# As root, the server runs as an unprivileged user: initdb and postgres refuse root.
as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi
}

skip() {
  rm -f "$state/uri"
  echo "$*" >"$state/skip"
  echo "pg_test_cluster: no PostgreSQL server for the tests: $*"
  exit 0
}

stop_cluster() {
  [[ -f "$state/dir" ]] || return 0
  local dir
  dir=$(cat "$state/dir")
  if [[ -d "$dir/data" && -n "$bindir" ]]; then
    as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/dir" "$state/uri"
  if [[ -f "$state/devdir" ]]; then rm -rf "$(cat "$state/devdir")"; rm -f "$state/devdir"; fi
}

case "$action" in
  start)
    stop_cluster
    rm -f "$state/skip" "$state/uri"
    [[ -n "$bindir" ]] || skip "initdb not found (install Debian's postgresql package: scripts/setup.sh --test)"
    if [[ $(id -u) -eq 0 ]] && ! command -v runuser >/dev/null; then skip "running as root without runuser"; fi
    # Some containers have a plain root-owned file for /dev/null, which the server's user cannot
    # write and initdb needs; as root, run the server in its own mount namespace with a real one.
    if [[ -z "${DOISOAT_PG_NS:-}" ]] && ! as_server_user sh -c ': >/dev/null' 2>/dev/null; then
      if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null; then
        dev=$(mktemp -d /tmp/doisoat-pgdev.XXXXXX)
        echo "$dev" >"$state/devdir"
        mknod "$dev/null" c 1 3 && chmod 666 "$dev/null" || skip "/dev/null is not a device and mknod failed"
        # The inner run writes uri or skip itself; this one only reports a namespace that failed.
        if DOISOAT_PG_NS=1 unshare --mount bash -c 'mount --bind "$1/null" /dev/null && exec "$0" start "$2"' \
            "$0" "$dev" "$state"; then
          exit 0
        fi
        skip "the server's user cannot write /dev/null, and no mount namespace could give it one"
      fi
      skip "the server's user cannot write /dev/null on this machine"
    fi
    dir=$(mktemp -d /tmp/doisoat-pg.XXXXXX) || skip "cannot create a temporary folder"
    echo "$dir" >"$state/dir"
    [[ $(id -u) -eq 0 ]] && chown nobody "$dir"
    cd "$dir" || skip "cannot enter $dir"
    if ! as_server_user "$bindir/initdb" -D "$dir/data" -U doisoat -A trust -N -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
      reason="initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
      stop_cluster
      skip "$reason"
    fi
    if ! as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories=$dir -c fsync=off -c max_connections=60" \
        start >/dev/null 2>&1; then
      reason="the server did not start: $(tail -n 3 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
      stop_cluster
      skip "$reason"
    fi
    echo "postgresql://doisoat@/postgres?host=$dir" >"$state/uri"
    echo "pg_test_cluster: PostgreSQL ($("$bindir/postgres" --version)) on $dir"
    ;;
  stop)
    stop_cluster
    echo "pg_test_cluster: stopped"
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
