#!/usr/bin/env bash
# The copy round trip SQLite → PostgreSQL → SQLite on a store: times each
# copy and checks that the three stores hold the same counts and give the
# same search results (every hit, in order, with its score).
#
#   scripts/copy-roundtrip.sh STORE.db POSTGRES_URL_OF_AN_EMPTY_DATABASE
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1 pg=$2
tmp=${TMPDIR:-/tmp}/whosaid-copy
rm -rf "$tmp" && mkdir -p "$tmp"
go build -o "$tmp/whosaid" ./cmd/whosaid
w="$tmp/whosaid"
/usr/bin/time -f "sqlite -> postgres: %e s, %M KB peak" "$w" copy --from "$src" --to "$pg"
/usr/bin/time -f "postgres -> sqlite: %e s, %M KB peak" "$w" copy --from "$pg" --to "$tmp/back.db"
for db in "$src" "$pg" "$tmp/back.db"; do
  "$w" --db "$db" stats --format json | python3 -c 'import json,sys; s=json.load(sys.stdin)[0]; print(s["articles"], s["statements"], s["speakers"], s["outlets"])'
done | uniq -c
fail=0
for q in budget "border OR elections" '"national security"' 'reform*' 'talks -ceasefire' parliament; do
  a=$("$w" --db "$src" search "$q" --limit 100 --format jsonl | sha256sum)
  b=$("$w" --db "$pg" search "$q" --limit 100 --format jsonl | sha256sum)
  c=$("$w" --db "$tmp/back.db" search "$q" --limit 100 --format jsonl | sha256sum)
  if [ "$a" = "$b" ] && [ "$b" = "$c" ]; then echo "search $q: same 100 hits in all three"; else echo "search $q: DIFFERS"; fail=1; fi
done
a=$("$w" --db "$src" export --format jsonl --all-versions | sha256sum)
c=$("$w" --db "$tmp/back.db" export --format jsonl --all-versions | sha256sum)
[ "$a" = "$c" ] && echo "export of every statement: identical after the round trip" || { echo "export DIFFERS"; fail=1; }
exit $fail
