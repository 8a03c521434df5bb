#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for trying whosaid's PostgreSQL store by
# hand (tests start their own: internal/pgtest).
#
#   scripts/pg-throwaway.sh start DIR   # initdb under DIR, start on a free loopback port, print the address
#   scripts/pg-throwaway.sh stop DIR    # stop it (DIR stays; remove it yourself)
#
# It trusts every local connection: never keep data that matters in it.
# As root it runs the server as the postgres user (initdb refuses root).
set -euo pipefail

usage() { echo "usage: $0 start DIR | stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1 dir=$2

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if command -v initdb >/dev/null; then bin=$(dirname "$(command -v initdb)"); else
    echo "no PostgreSQL server programs: apt-get install postgresql" >&2; exit 1
  fi
fi

as=()
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi

case $cmd in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ ${#as[@]} -gt 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  if [ ! -d "$dir/data" ]; then
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log"
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$bin/pg_ctl" start -w -D "$dir/data" -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" >/dev/null
  echo "$port" >"$dir/port"
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres whosaid
  echo "postgres://postgres@127.0.0.1:$port/whosaid?sslmode=disable"
  ;;
stop)
  "${as[@]}" "$bin/pg_ctl" stop -D "$dir/data" -m fast -w >/dev/null
  ;;
*) usage ;;
esac
